package org.genscope.nn;

import org.ejml.data.FMatrixRMaj;

/**
 * A {@link Linear} layer whose connections are switched by a fixed 0/1 mask M of the weight's shape (in×out):
 * y = x·(W∘M) + b, as in MADE (Germain et al. 2015, eq. 10-11; there W is out×in, so this M is the transpose of
 * the paper's). The mask is applied to the weights on every forward pass and to their gradient,
 * ∂L/∂W = (xᵀ·δ)∘M, so the gradient of a masked weight is exactly zero. The raw W of a masked connection is
 * kept, so a later {@link #setMask} (MADE resamples masks during training) reconnects it with its old value,
 * as the paper's and pytorch-made's {@code W * mask} do.
 */
public class MaskedLinear extends Linear {
    /** Masks at least this large are multiplied on all worker threads. */
    private static final int PARALLEL_SIZE = 1 << 16;
    private final FMatrixRMaj mask;
    /** W∘M, refreshed by every forward pass and used by the backward pass after it. */
    private final FMatrixRMaj masked;
    /** masked = W∘M and grad ∘= M, each split over the worker team (allocated once). */
    private final WorkerPool.Job maskWeights;
    private final WorkerPool.Job maskGradient;

    /** A layer with every connection on; set the real mask with {@link #setMask}. */
    public MaskedLinear(String name, int in, int out, Rng rng) {
        super(name, in, out, rng);
        mask = new FMatrixRMaj(in, out);
        mask.fill(1f);
        masked = new FMatrixRMaj(in, out);
        maskWeights = (part, parts) -> multiply(weight.value.data, mask.data, masked.data, part, parts);
        maskGradient = (part, parts) -> multiply(weight.grad.data, mask.data, weight.grad.data, part, parts);
    }

    /** Copies a new in×out mask; every entry must be 0 or 1. Zeroes the gradients of newly masked weights. */
    public void setMask(FMatrixRMaj m) {
        Mat.checkSameShape(weight.name + " mask", mask, m);
        for (int i = 0; i < m.getNumElements(); i++) {
            float v = m.data[i];
            if (v != 0f && v != 1f) {
                throw new IllegalArgumentException(weight.name + ": mask entries must be 0 or 1, found " + v);
            }
        }
        System.arraycopy(m.data, 0, mask.data, 0, mask.getNumElements());
        maskGradient.run(0, 1);
    }

    /** The current mask (read-only view: change it through {@link #setMask}). */
    public FMatrixRMaj mask() {
        return mask;
    }

    @Override
    protected FMatrixRMaj effectiveWeight() {
        return masked;
    }

    @Override
    public FMatrixRMaj forward(FMatrixRMaj x) {
        // W∘M for this step (the optimizer changed W since the last one)
        WorkerPool.SHARED.run(maskWeights, mask.getNumElements() >= PARALLEL_SIZE);
        return super.forward(x);
    }

    @Override
    protected void afterWeightGradient() {
        // ∂L/∂W ∘= M: the accumulated gradient of a masked weight stays exactly zero
        WorkerPool.SHARED.run(maskGradient, mask.getNumElements() >= PARALLEL_SIZE);
    }

    /** out = a∘b on part {@code part} of {@code parts} equal slices of the mask (a loop C2 vectorizes). */
    private void multiply(float[] a, float[] b, float[] out, int part, int parts) {
        int n = mask.getNumElements();
        int to = (int) ((long) n * (part + 1) / parts);
        for (int i = (int) ((long) n * part / parts); i < to; i++) out[i] = a[i] * b[i];
    }
}
