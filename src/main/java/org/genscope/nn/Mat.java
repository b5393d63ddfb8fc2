package org.genscope.nn;

import org.ejml.data.FMatrixRMaj;

/**
 * The few matrix operations the modules need, on EJML's {@link FMatrixRMaj} (row-major float32, row stride =
 * {@code numCols}), with every product routed through {@link GemmBackends#selected()}. Results go into
 * caller-owned matrices of the right shape; {@link #reuse} reshapes a work buffer without allocating while it
 * is big enough.
 */
public final class Mat {
    private Mat() {}

    /** {@code buf} reshaped to rows×cols (its array reused when large enough), or a new matrix if buf is null. */
    public static FMatrixRMaj reuse(FMatrixRMaj buf, int rows, int cols) {
        if (buf == null) return new FMatrixRMaj(rows, cols);
        buf.reshape(rows, cols, false);
        return buf;
    }

    /** C = alpha · op(A) · op(B) + beta · C; C must already be op(A).rows × op(B).cols. */
    public static void gemm(boolean transA, FMatrixRMaj a, boolean transB, FMatrixRMaj b, float alpha, float beta,
                            FMatrixRMaj c) {
        int m = transA ? a.numCols : a.numRows;
        int k = transA ? a.numRows : a.numCols;
        int kb = transB ? b.numCols : b.numRows;
        int n = transB ? b.numRows : b.numCols;
        if (k != kb || c.numRows != m || c.numCols != n) {
            throw new IllegalArgumentException("gemm shapes: op(A) " + m + "×" + k + ", op(B) " + kb + "×" + n
                    + ", C " + c.numRows + "×" + c.numCols);
        }
        GemmBackends.selected().gemm(transA, transB, m, n, k, alpha, a.data, Math.max(1, a.numCols), b.data,
                Math.max(1, b.numCols), beta, c.data, Math.max(1, c.numCols));
    }

    /** C = A · B. */
    public static void mult(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        gemm(false, a, false, b, 1f, 0f, c);
    }

    /** C = Aᵀ · B + beta · C (beta = 1 accumulates, as weight gradients do). */
    public static void multTransA(FMatrixRMaj a, FMatrixRMaj b, float beta, FMatrixRMaj c) {
        gemm(true, a, false, b, 1f, beta, c);
    }

    /** C = A · Bᵀ + beta · C. */
    public static void multTransB(FMatrixRMaj a, FMatrixRMaj b, float beta, FMatrixRMaj c) {
        gemm(false, a, true, b, 1f, beta, c);
    }

    /** Rows [from, to) of x, copied into a new matrix (e.g. a chunk of a data set to evaluate). */
    public static FMatrixRMaj rows(FMatrixRMaj x, int from, int to) {
        FMatrixRMaj r = new FMatrixRMaj(to - from, x.numCols);
        System.arraycopy(x.data, from * x.numCols, r.data, 0, r.getNumElements());
        return r;
    }

    /** Every row of C = the row vector v (1×cols): with a following GEMM at beta = 1 this adds a bias for free. */
    public static void setRows(FMatrixRMaj c, FMatrixRMaj v) {
        checkRowVector(c, v);
        int n = c.numCols;
        for (int i = 0; i < c.numRows; i++) System.arraycopy(v.data, 0, c.data, i * n, n);
    }

    /** C[i, :] += v for every row i. */
    public static void addRowVector(FMatrixRMaj c, FMatrixRMaj v) {
        checkRowVector(c, v);
        int n = c.numCols;
        float[] x = c.data;
        float[] b = v.data;
        for (int i = 0; i < c.numRows; i++) {
            int o = i * n;
            for (int j = 0; j < n; j++) x[o + j] += b[j];
        }
    }

    /** out[j] = Σ_i A[i, j] + beta · out[j] (out is 1×cols; beta = 1 accumulates bias gradients). */
    public static void sumColumns(FMatrixRMaj a, float beta, FMatrixRMaj out) {
        checkRowVector(a, out);
        int n = a.numCols;
        float[] s = out.data;
        float[] x = a.data;
        if (beta == 0f) java.util.Arrays.fill(s, 0, n, 0f);
        else if (beta != 1f) for (int j = 0; j < n; j++) s[j] *= beta;
        for (int i = 0; i < a.numRows; i++) {
            int o = i * n;
            for (int j = 0; j < n; j++) s[j] += x[o + j];
        }
    }

    /**
     * out[r] += Σ_j a[off + r·cols + j] for r &lt; rows (a convolution's bias gradient: the pixels of each channel).
     * Eight running sums per row, so the adds do not wait on each other.
     */
    static void addRowSums(float[] a, int off, int rows, int cols, float[] out) {
        for (int r = 0; r < rows; r++) {
            int i = off + r * cols;
            int end = i + cols;
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            for (; i + 8 <= end; i += 8) {
                s0 += a[i];
                s1 += a[i + 1];
                s2 += a[i + 2];
                s3 += a[i + 3];
                s4 += a[i + 4];
                s5 += a[i + 5];
                s6 += a[i + 6];
                s7 += a[i + 7];
            }
            for (; i < end; i++) s0 += a[i];
            out[r] += ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        }
    }

    /** Throws unless a and b have the same shape. */
    public static void checkSameShape(String what, FMatrixRMaj a, FMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw new IllegalArgumentException(what + ": shapes differ, " + a.numRows + "×" + a.numCols + " vs "
                    + b.numRows + "×" + b.numCols);
        }
    }

    private static void checkRowVector(FMatrixRMaj c, FMatrixRMaj v) {
        if (v.numRows != 1 || v.numCols != c.numCols) {
            throw new IllegalArgumentException("row vector must be 1×" + c.numCols + ", got " + v.numRows + "×"
                    + v.numCols);
        }
    }
}
