package org.genscope.nn;

import org.ejml.data.FMatrixRMaj;

/**
 * The two heads of a two-headed output: a B×(2n) matrix read as [a | b], columns 0..n−1 and n..2n−1, copied into
 * two B×n matrices — an encoder's (μ, log σ²) of Kingma &amp; Welling 2014 (appendix C.2), or a Gaussian decoder's
 * mean and log-variance. The backward pass puts the two gradients side by side again:
 *
 * <pre>  a = x[:, :n],   b = x[:, n:],   ∂L/∂x = [∂L/∂a | ∂L/∂b]</pre>
 *
 * Buffers are reused while the batch shape stays the same.
 */
public final class SplitHalves {
    private FMatrixRMaj first;
    private FMatrixRMaj second;
    private FMatrixRMaj dx;

    /** Splits x (B×2n) into {@link #first()} and {@link #second()}. */
    public void forward(FMatrixRMaj x) {
        if (x.numCols % 2 != 0) throw new IllegalArgumentException("a split into halves needs an even width, got " + x.numCols);
        int b = x.numRows;
        int n = x.numCols / 2;
        first = Mat.reuse(first, b, n);
        second = Mat.reuse(second, b, n);
        for (int i = 0; i < b; i++) {
            System.arraycopy(x.data, i * 2 * n, first.data, i * n, n);
            System.arraycopy(x.data, i * 2 * n + n, second.data, i * n, n);
        }
    }

    /** Columns 0..n−1 of the last input (B×n, reused). */
    public FMatrixRMaj first() {
        return first;
    }

    /** Columns n..2n−1 of the last input (B×n, reused). */
    public FMatrixRMaj second() {
        return second;
    }

    /** ∂L/∂x = [gradFirst | gradSecond] (B×2n, reused). */
    public FMatrixRMaj backward(FMatrixRMaj gradFirst, FMatrixRMaj gradSecond) {
        Mat.checkSameShape("split gradients", gradFirst, gradSecond);
        int b = gradFirst.numRows;
        int n = gradFirst.numCols;
        dx = Mat.reuse(dx, b, 2 * n);
        for (int i = 0; i < b; i++) {
            System.arraycopy(gradFirst.data, i * n, dx.data, i * 2 * n, n);
            System.arraycopy(gradSecond.data, i * n, dx.data, i * 2 * n + n, n);
        }
        return dx;
    }
}
