package org.genscope.nn;

/**
 * Pure-Java GEMM that runs everywhere: cache-blocked, multi-threaded, with an inner loop shaped so HotSpot's C2
 * auto-vectorizes it (superword): for one row i of C and four consecutive k,
 *
 * <pre>  C[i, j] += a0·B[k, j] + a1·B[k+1, j] + a2·B[k+2, j] + a3·B[k+3, j]    for j in a column block</pre>
 *
 * so each load and store of C is shared by four multiply-adds. op(B) is used in place when not transposed and
 * copied into a per-thread row-major buffer when it is; op(A) is only read one scalar at a time.
 */
final class JavaGemm extends ParallelGemm {
    /** k rows of op(B) per block and columns per block: the B block (KB×NB floats) stays in L2. */
    private static final int KB = 256;
    private static final int NB = 256;

    private static final ThreadLocal<float[]> PACK = ThreadLocal.withInitial(() -> new float[0]);

    @Override
    public String name() {
        return "pure Java (" + threads() + " threads)";
    }

    @Override
    int rowAlign() {
        return 4;
    }

    @Override
    int colAlign() {
        return 64;
    }

    @Override
    void compute(boolean transA, boolean transB, int m0, int m1, int n0, int n1, int k, float alpha,
                 float[] a, int lda, float[] b, int ldb, float beta, float[] c, int ldc) {
        int width = n1 - n0;
        // C = beta · C on this rectangle first; then only accumulate
        for (int i = m0; i < m1; i++) {
            int o = i * ldc + n0;
            if (beta == 0f) {
                java.util.Arrays.fill(c, o, o + width, 0f);
            } else if (beta != 1f) {
                for (int j = o; j < o + width; j++) c[j] *= beta;
            }
        }
        // op(B)[kk, j] = bb[bOff + kk * bs + (j - n0)]
        float[] bb = b;
        int bOff = n0;
        int bs = ldb;
        if (transB) {
            bb = packTransposed(b, ldb, n0, n1, k);
            bOff = 0;
            bs = width;
        }
        int aRow = transA ? 1 : lda;       // stride between rows i of op(A)
        int aCol = transA ? lda : 1;       // stride between columns k of op(A)
        for (int kb = 0; kb < k; kb += KB) {
            int ke = Math.min(k, kb + KB);
            for (int jb = 0; jb < width; jb += NB) {
                int len = Math.min(NB, width - jb);
                for (int i = m0; i < m1; i++) {
                    int co = i * ldc + n0 + jb;
                    int ai = i * aRow;
                    int kk = kb;
                    for (; kk + 3 < ke; kk += 4) {
                        int ak = ai + kk * aCol;
                        float a0 = alpha * a[ak];
                        float a1 = alpha * a[ak + aCol];
                        float a2 = alpha * a[ak + 2 * aCol];
                        float a3 = alpha * a[ak + 3 * aCol];
                        int o0 = bOff + kk * bs + jb;
                        axpy4(c, co, bb, o0, o0 + bs, o0 + 2 * bs, o0 + 3 * bs, len, a0, a1, a2, a3);
                    }
                    for (; kk < ke; kk++) {
                        float a0 = alpha * a[ai + kk * aCol];
                        int o0 = bOff + kk * bs + jb;
                        for (int j = 0; j < len; j++) c[co + j] += a0 * bb[o0 + j];
                    }
                }
            }
        }
    }

    /** c[co + j] += a0·b[o0 + j] + a1·b[o1 + j] + a2·b[o2 + j] + a3·b[o3 + j] for j &lt; len (C2 vectorizes this). */
    private static void axpy4(float[] c, int co, float[] b, int o0, int o1, int o2, int o3, int len,
                              float a0, float a1, float a2, float a3) {
        for (int j = 0; j < len; j++) {
            c[co + j] += a0 * b[o0 + j] + a1 * b[o1 + j] + a2 * b[o2 + j] + a3 * b[o3 + j];
        }
    }

    /** Copies op(B)[:, n0:n1] = Bᵀ (B stored n×k) into a per-thread k×(n1-n0) row-major buffer. */
    private static float[] packTransposed(float[] b, int ldb, int n0, int n1, int k) {
        int width = n1 - n0;
        float[] p = PACK.get();
        if (p.length < k * width) {
            p = new float[k * width];
            PACK.set(p);
        }
        // tiles of 16×16 keep both the reads and the writes within a few cache lines
        for (int j0 = n0; j0 < n1; j0 += 16) {
            int j1 = Math.min(n1, j0 + 16);
            for (int k0 = 0; k0 < k; k0 += 16) {
                int k1 = Math.min(k, k0 + 16);
                for (int j = j0; j < j1; j++) {
                    int src = j * ldb;
                    int dst = j - n0;
                    for (int kk = k0; kk < k1; kk++) p[kk * width + dst] = b[src + kk];
                }
            }
        }
        return p;
    }
}
