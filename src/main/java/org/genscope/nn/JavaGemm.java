package org.genscope.nn;

/**
 * Pure-Java GEMM that runs everywhere: cache-blocked, multi-threaded, with an inner loop shaped so HotSpot's C2
 * auto-vectorizes it (superword): for one row i of C and four consecutive k,
 *
 * <pre>  c[j] += a0·b0[j] + a1·b1[j] + a2·b2[j] + a3·b3[j]    for j in a column block</pre>
 *
 * so each load and store of C is shared by four multiply-adds. C2 (JDK 17) vectorizes this only when every
 * array is indexed by the bare loop index: with different offsets into arrays that might alias it cannot prove
 * independence and stays scalar (3-4× slower). So each thread copies a KB×NB block of op(B) into separate row
 * arrays and works on one row of C at a time in a scratch array.
 */
final class JavaGemm extends ParallelGemm {
    /** k rows and columns per block of op(B): KB×NB floats (128 KB) stay in L2 while every row of C passes. */
    private static final int KB = 128;
    private static final int NB = 256;

    /** Per-thread scratch: the packed op(B) block and one row segment of C. */
    private static final class Buffers {
        final float[][] b = new float[KB][NB];
        final float[] c = new float[NB];
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

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
                 float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        GemmArgs.scale(m0, m1, n0, n1, beta, c, cOff, ldc);  // C = beta·C first; blocks only accumulate
        Buffers buf = BUFFERS.get();
        float[][] bp = buf.b;
        float[] row = buf.c;
        int aRow = transA ? 1 : lda;       // stride between rows i of op(A)
        int aCol = transA ? lda : 1;       // stride between columns k of op(A)
        for (int kb = 0; kb < k; kb += KB) {
            int kn = Math.min(KB, k - kb);
            for (int jb = n0; jb < n1; jb += NB) {
                int len = Math.min(NB, n1 - jb);
                packB(transB, b, bOff, ldb, kb, kn, jb, len, bp);
                for (int i = m0; i < m1; i++) {
                    int co = cOff + i * ldc + jb;
                    System.arraycopy(c, co, row, 0, len);
                    int ak = aOff + i * aRow + kb * aCol;
                    int q = 0;
                    // C[i, jb:jb+len] += alpha · Σ_k A[i, k] · B[k, jb:jb+len], four k at a time
                    for (; q + 3 < kn; q += 4, ak += 4 * aCol) {
                        axpy4(row, bp[q], bp[q + 1], bp[q + 2], bp[q + 3], len, alpha * a[ak],
                                alpha * a[ak + aCol], alpha * a[ak + 2 * aCol], alpha * a[ak + 3 * aCol]);
                    }
                    for (; q < kn; q++, ak += aCol) axpy1(row, bp[q], len, alpha * a[ak]);
                    System.arraycopy(row, 0, c, co, len);
                }
            }
        }
    }

    /** c[j] += a0·b0[j] + a1·b1[j] + a2·b2[j] + a3·b3[j] for j &lt; len (C2 vectorizes this). */
    private static void axpy4(float[] c, float[] b0, float[] b1, float[] b2, float[] b3, int len,
                              float a0, float a1, float a2, float a3) {
        for (int j = 0; j < len; j++) c[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
    }

    private static void axpy1(float[] c, float[] b0, int len, float a0) {
        for (int j = 0; j < len; j++) c[j] += a0 * b0[j];
    }

    /** bp[q][j] = op(B)[kb + q, jb + j] for q &lt; kn, j &lt; len. */
    private static void packB(boolean transB, float[] b, int bOff, int ldb, int kb, int kn, int jb, int len, float[][] bp) {
        if (!transB) {
            for (int q = 0; q < kn; q++) System.arraycopy(b, bOff + (kb + q) * ldb + jb, bp[q], 0, len);
            return;
        }
        // op(B)[k, j] = b[j·ldb + k]: 16 stored rows at a time, so reads stream and writes fill whole lines
        for (int j0 = 0; j0 < len; j0 += 16) {
            int j1 = Math.min(len, j0 + 16);
            for (int q = 0; q < kn; q++) {
                float[] dst = bp[q];
                for (int j = j0, src = bOff + (jb + j0) * ldb + kb + q; j < j1; j++, src += ldb) dst[j] = b[src];
            }
        }
    }
}
