package org.genscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.junit.jupiter.api.Test;

/** Every available GEMM backend agrees with EJML on every transpose case, odd sizes, strides and betas. */
class GemmBackendsTest {
    private static final int[] SIZES = {1, 3, 17, 33, 70};

    @Test
    void everyBackendMatchesEjml() {
        Rng rng = new Rng(42);
        for (Gemm g : GemmBackends.available()) {
            int cases = 0;
            for (int m : SIZES) {
                for (int n : SIZES) {
                    for (int k : new int[] {1, 3, 17, 100}) {
                        // every transpose case and every beta comes round for each size class
                        int t = cases + cases / 4;            // shifts, so each k meets every case
                        boolean ta = (t & 1) == 1;
                        boolean tb = (t & 2) == 2;
                        float beta = new float[] {0f, 1f, 0.5f}[cases % 3];
                        check(g, rng, ta, tb, m, n, k, 0.75f, beta);
                        cases++;
                    }
                }
            }
            assertEquals(SIZES.length * SIZES.length * 4, cases);
        }
    }

    @Test
    void allTransposeCasesOnParallelShapes() {
        Rng rng = new Rng(7);
        for (Gemm g : GemmBackends.available()) {
            for (int t = 0; t < 4; t++) {
                // big enough for the two-thread split, with ragged tile edges in both directions
                check(g, rng, (t & 1) == 1, (t & 2) == 2, 101, 77, 300, 1f, 0f);
                check(g, rng, (t & 1) == 1, (t & 2) == 2, 45, 333, 257, -1.5f, 1f);
            }
        }
    }

    /** Operands that start inside their arrays (as a convolution's shifted windows do) give the same product. */
    @Test
    void offsetsIntoTheArraysGiveTheSameProduct() {
        Rng rng = new Rng(9);
        for (Gemm g : GemmBackends.available()) {
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) == 1;
                boolean tb = (t & 2) == 2;
                for (int[] s : new int[][] {{5, 7, 3}, {64, 300, 128}}) {
                    int m = s[0];
                    int n = s[1];
                    int k = s[2];
                    int lda = (ta ? m : k) + 2;
                    int ldb = (tb ? k : n) + 3;
                    int ldc = n + 1;
                    float[] a = strided(rng, ta ? k : m, ta ? m : k, lda, 0f);
                    float[] b = strided(rng, tb ? n : k, tb ? k : n, ldb, 0f);
                    float[] c = strided(rng, m, n, ldc, 0f);
                    float[] expected = c.clone();
                    g.gemm(ta, tb, m, n, k, 0.5f, a, lda, b, ldb, 1f, expected, ldc);
                    int ao = 13;
                    int bo = 7;
                    int co = 29;
                    float[] a2 = shifted(a, ao);
                    float[] b2 = shifted(b, bo);
                    float[] c2 = shifted(c, co);
                    g.gemm(ta, tb, m, n, k, 0.5f, a2, ao, lda, b2, bo, ldb, 1f, c2, co, ldc);
                    for (int i = 0; i < co; i++) assertEquals(-7f, c2[i], "wrote before C's offset");
                    for (int i = 0; i < c.length; i++) {
                        assertEquals(expected[i], c2[co + i], 1e-5 * (k + 2), g.name() + " t=" + t + " at " + i);
                    }
                }
            }
            assertThrows(IllegalArgumentException.class,
                    () -> g.gemm(false, false, 2, 2, 2, 1f, new float[4], 1, 2, new float[4], 0, 2, 0f, new float[4], 0, 2));
        }
    }

    private static float[] shifted(float[] x, int off) {
        float[] y = new float[x.length + off];
        java.util.Arrays.fill(y, 0, off, -7f);
        System.arraycopy(x, 0, y, off, x.length);
        return y;
    }

    @Test
    void vectorBackendIsAvailableWhenTheModuleIsPresent() {
        // surefire runs with --add-modules=jdk.incubator.vector, so the fast kernel must be found
        assertTrue(GemmBackends.vectorApiPresent());
        assertTrue(GemmBackends.byKey("vector").isPresent());
        assertTrue(GemmBackends.available().contains(GemmBackends.selected()));
        assertFalse(GemmBackends.describe().isBlank());
    }

    @Test
    void zeroDepthScalesC() {
        for (Gemm g : GemmBackends.available()) {
            float[] c = {1, 2, 3, 4};
            g.gemm(false, false, 2, 2, 0, 1f, new float[0], 1, new float[2], 2, 0.5f, c, 2);
            assertEquals(List.of(0.5f, 1f, 1.5f, 2f), List.of(c[0], c[1], c[2], c[3]), g.name());
        }
    }

    @Test
    void tooSmallArrayIsRejectedWithAMessage() {
        for (Gemm g : GemmBackends.available()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> g.gemm(false, false, 3, 3, 3, 1f, new float[8], 3, new float[9], 3, 0f, new float[9], 3));
            assertTrue(e.getMessage().contains("A"), e.getMessage());
        }
    }

    /** C = alpha·op(A)·op(B) + beta·C with padded strides; padding holds NaN in A, B and a sentinel in C. */
    static void check(Gemm g, Rng rng, boolean ta, boolean tb, int m, int n, int k, float alpha, float beta) {
        int ar = ta ? k : m, ac = ta ? m : k, br = tb ? n : k, bc = tb ? k : n;
        int lda = ac + rng.nextInt(3), ldb = bc + rng.nextInt(3), ldc = n + rng.nextInt(3);
        float[] a = strided(rng, ar, ac, lda, Float.NaN);
        float[] b = strided(rng, br, bc, ldb, Float.NaN);
        float[] c = strided(rng, m, n, ldc, 12345f);
        if (beta == 0f) {
            for (int i = 0; i < m; i++) java.util.Arrays.fill(c, i * ldc, i * ldc + n, Float.NaN);
        }
        FMatrixRMaj c0 = dense(c, m, n, ldc);
        FMatrixRMaj prod = new FMatrixRMaj(m, n);
        FMatrixRMaj ma = dense(a, ar, ac, lda);
        FMatrixRMaj mb = dense(b, br, bc, ldb);
        if (ta && tb) CommonOps_FDRM.multTransAB(ma, mb, prod);
        else if (ta) CommonOps_FDRM.multTransA(ma, mb, prod);
        else if (tb) CommonOps_FDRM.multTransB(ma, mb, prod);
        else CommonOps_FDRM.mult(ma, mb, prod);

        g.gemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

        String what = g.name() + " " + (ta ? "T" : "N") + (tb ? "T" : "N") + " m=" + m + " n=" + n + " k=" + k
                + " beta=" + beta;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < ldc; j++) {
                float got = c[i * ldc + j];
                if (j >= n) {
                    assertEquals(12345f, got, what + ": wrote into the padding of C");
                    continue;
                }
                double want = alpha * prod.get(i, j) + (beta == 0f ? 0 : beta * c0.get(i, j));
                assertEquals(want, got, 1e-5 * (k + 2), what + " at (" + i + "," + j + ")");
            }
        }
    }

    private static float[] strided(Rng rng, int rows, int cols, int ld, float pad) {
        float[] x = new float[Math.max(1, rows * ld)];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < ld; j++) x[i * ld + j] = j < cols ? 2 * rng.nextFloat() - 1 : pad;
        }
        return x;
    }

    private static FMatrixRMaj dense(float[] x, int rows, int cols, int ld) {
        FMatrixRMaj d = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) d.set(i, j, x[i * ld + j]);
        }
        return d;
    }
}
