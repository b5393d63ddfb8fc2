package org.genscope.nn;

/** Argument checks and the degenerate case shared by every {@link Gemm} backend. */
final class GemmArgs {
    private GemmArgs() {}

    /**
     * Throws IllegalArgumentException naming the problem if a GEMM call would read or write outside its
     * arrays: op(A) is m×k, op(B) is k×n, C is m×n, all row-major with the given row strides.
     */
    static void check(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda, float[] b,
                      int bOff, int ldb, float[] c, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: negative size m=" + m + " n=" + n + " k=" + k);
        }
        operand("A", transA ? k : m, transA ? m : k, a, aOff, lda);
        operand("B", transB ? n : k, transB ? k : n, b, bOff, ldb);
        operand("C", m, n, c, cOff, ldc);
    }

    private static void operand(String what, int rows, int cols, float[] x, int off, int ld) {
        if (off < 0) throw new IllegalArgumentException("gemm: negative offset " + off + " of " + what);
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("gemm: leading dimension of " + what + " is " + ld
                    + " but it has " + cols + " columns");
        }
        if (rows == 0 || cols == 0) return;
        long need = off + (long) (rows - 1) * ld + cols;
        if (x == null || x.length < need) {
            throw new IllegalArgumentException("gemm: " + what + " (" + rows + "×" + cols + ", stride " + ld
                    + ", offset " + off + ") needs " + need + " floats, has " + (x == null ? "null" : x.length));
        }
    }

    /** C = beta · C (C = 0 when beta is 0, without reading C, so NaNs in a fresh buffer do not leak). */
    static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        scale(0, m, 0, n, beta, c, cOff, ldc);
    }

    /** The same on the rectangle C[m0:m1, n0:n1] of the C that starts at c[cOff]. */
    static void scale(int m0, int m1, int n0, int n1, float beta, float[] c, int cOff, int ldc) {
        if (beta == 1f) return;
        for (int i = m0; i < m1; i++) {
            int o = cOff + i * ldc;
            if (beta == 0f) {
                java.util.Arrays.fill(c, o + n0, o + n1, 0f);
            } else {
                for (int j = o + n0; j < o + n1; j++) c[j] *= beta;
            }
        }
    }
}
