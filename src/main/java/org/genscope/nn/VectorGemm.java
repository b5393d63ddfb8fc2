package org.genscope.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Packed, register-tiled GEMM on the JDK Vector API, in the layout of Goto &amp; van de Geijn, "Anatomy of
 * High-Performance Matrix Multiplication" (ACM TOMS 34(3), 2008) and BLIS: op(A) is packed into panels of
 * {@link #MR} rows (k-major), op(B) into micro-panels of NR = 2 vectors of columns (k-major, in L1), and an
 * MR×NR micro-kernel keeps its 16 accumulators in registers:
 *
 * <pre>  for k:  b0, b1 = Bp[k, 0:L], Bp[k, L:2L];   acc[r] += A[r, k] · (b0, b1)   for r &lt; MR</pre>
 *
 * Loaded only when the {@code jdk.incubator.vector} module is present (see {@link GemmBackends}); no other class
 * may refer to it directly.
 */
final class VectorGemm extends ParallelGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int MR = 8;
    private static final int NR = 2 * L;
    /** Depth of one packed block: the B micro-panel (KC×NR floats) stays in L1, the A block in L2. */
    private static final int KC = 128;

    /** Per-thread packing buffers, grown on demand and then reused. */
    private static final class Buffers {
        float[] a = new float[0];
        final float[] b = new float[KC * NR];
        final float[] tile = new float[MR * NR];
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    static int lanes() {
        return L;
    }

    @Override
    public String name() {
        return "Vector API kernel (" + L + " lanes, " + threads() + " threads)";
    }

    @Override
    int rowAlign() {
        return MR;
    }

    @Override
    int colAlign() {
        return NR;
    }

    @Override
    void compute(boolean transA, boolean transB, int m0, int m1, int n0, int n1, int k, float alpha,
                 float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        Buffers buf = BUFFERS.get();
        int panels = ParallelGemm.ceilDiv(m1 - m0, MR);
        if (buf.a.length < panels * MR * KC) buf.a = new float[panels * MR * KC];
        float[] ap = buf.a;
        float[] bp = buf.b;
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            float betaBlock = pc == 0 ? beta : 1f;       // later depth blocks accumulate onto the first
            packA(transA, a, aOff, lda, m0, m1, pc, kc, ap);
            for (int jr = n0; jr < n1; jr += NR) {
                int nr = Math.min(NR, n1 - jr);
                packB(transB, b, bOff, ldb, jr, nr, pc, kc, bp);
                for (int ir = m0, p = 0; ir < m1; ir += MR, p++) {
                    int mr = Math.min(MR, m1 - ir);
                    kernel(kc, ap, p * MR * kc, bp, alpha, betaBlock, c, cOff + ir * ldc + jr, ldc, mr, nr, buf.tile);
                }
            }
        }
    }

    /** Ap[p][kk][r] = op(A)[m0 + p·MR + r, pc + kk], rows past m1 zero. */
    private static void packA(boolean transA, float[] a, int aOff, int lda, int m0, int m1, int pc, int kc, float[] ap) {
        for (int i0 = m0, p = 0; i0 < m1; i0 += MR, p++) {
            int base = p * MR * kc;
            int mr = Math.min(MR, m1 - i0);
            if (transA) {
                // op(A)[i, k] = a[k·lda + i]: MR consecutive floats per k
                for (int kk = 0; kk < kc; kk++) {
                    int src = aOff + (pc + kk) * lda + i0;
                    int dst = base + kk * MR;
                    for (int r = 0; r < mr; r++) ap[dst + r] = a[src + r];
                    for (int r = mr; r < MR; r++) ap[dst + r] = 0f;
                }
            } else {
                for (int r = 0; r < MR; r++) {
                    if (r < mr) {
                        int src = aOff + (i0 + r) * lda + pc;
                        for (int kk = 0; kk < kc; kk++) ap[base + kk * MR + r] = a[src + kk];
                    } else {
                        for (int kk = 0; kk < kc; kk++) ap[base + kk * MR + r] = 0f;
                    }
                }
            }
        }
    }

    /** Bp[kk][j] = op(B)[pc + kk, jr + j], columns past nr zero. */
    private static void packB(boolean transB, float[] b, int bOff, int ldb, int jr, int nr, int pc, int kc, float[] bp) {
        if (transB) {
            // op(B)[k, j] = b[j·ldb + k]
            for (int j = 0; j < NR; j++) {
                if (j < nr) {
                    int src = bOff + (jr + j) * ldb + pc;
                    for (int kk = 0; kk < kc; kk++) bp[kk * NR + j] = b[src + kk];
                } else {
                    for (int kk = 0; kk < kc; kk++) bp[kk * NR + j] = 0f;
                }
            }
        } else if (nr == NR) {
            for (int kk = 0; kk < kc; kk++) {
                int src = bOff + (pc + kk) * ldb + jr;
                FloatVector.fromArray(S, b, src).intoArray(bp, kk * NR);
                FloatVector.fromArray(S, b, src + L).intoArray(bp, kk * NR + L);
            }
        } else {
            for (int kk = 0; kk < kc; kk++) {
                int src = bOff + (pc + kk) * ldb + jr;
                int dst = kk * NR;
                for (int j = 0; j < nr; j++) bp[dst + j] = b[src + j];
                for (int j = nr; j < NR; j++) bp[dst + j] = 0f;
            }
        }
    }

    /**
     * The MR×NR micro-kernel: acc = Ap-panel · Bp over kc, then C[tile] = alpha·acc + beta·C[tile] (C not read
     * when beta is 0). The accumulators pass through {@code tile}; only the valid part of an edge tile is written.
     */
    private static void kernel(int kc, float[] ap, int ao, float[] bp, float alpha, float beta,
                               float[] c, int co, int ldc, int mr, int nr, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S), c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S), c71 = FloatVector.zero(S);
        for (int kk = 0, a = ao, bo = 0; kk < kc; kk++, a += MR, bo += NR) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bo);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + L);
            FloatVector x = FloatVector.broadcast(S, ap[a]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[a + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[a + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[a + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, ap[a + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, ap[a + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, ap[a + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, ap[a + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        // accumulators go to the L1-resident tile with plain stores (branches here would box the vectors)
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
        c60.intoArray(tile, 6 * NR);
        c61.intoArray(tile, 6 * NR + L);
        c70.intoArray(tile, 7 * NR);
        c71.intoArray(tile, 7 * NR + L);
        if (mr == MR && nr == NR) {
            for (int r = 0; r < MR; r++) {
                for (int j = 0; j < NR; j += L) store(tile, r * NR + j, alpha, beta, c, co + r * ldc + j);
            }
        } else {
            // C[r, j] = alpha·tile[r, j] + beta·C[r, j] on the valid part of an edge tile
            for (int r = 0; r < mr; r++) {
                int cr = co + r * ldc;
                for (int j = 0; j < nr; j++) {
                    float v = alpha * tile[r * NR + j];
                    c[cr + j] = beta == 0f ? v : v + beta * c[cr + j];
                }
            }
        }
    }

    /** c[o : o+L] = alpha·tile[t : t+L] + beta·c[o : o+L] (C not read when beta is 0). */
    private static void store(float[] tile, int t, float alpha, float beta, float[] c, int o) {
        FloatVector v = FloatVector.fromArray(S, tile, t).mul(alpha);
        if (beta != 0f) v = v.add(FloatVector.fromArray(S, c, o).mul(beta));
        v.intoArray(c, o);
    }
}
