package org.genscope.nn;

import org.ejml.data.FMatrixRMaj;

/**
 * A trainable tensor and the gradient of the loss with respect to it, both float32 row-major.
 * Modules accumulate into {@link #grad}; the optimizer reads it and zeroes it.
 */
public final class Param {
    public final String name;
    public final FMatrixRMaj value;
    public final FMatrixRMaj grad;

    public Param(String name, int rows, int cols) {
        this.name = name;
        this.value = new FMatrixRMaj(rows, cols);
        this.grad = new FMatrixRMaj(rows, cols);
    }

    public int size() {
        return value.getNumElements();
    }

    public void zeroGrad() {
        grad.zero();
    }
}
