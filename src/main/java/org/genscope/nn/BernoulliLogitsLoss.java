package org.genscope.nn;

import org.ejml.data.FMatrixRMaj;

/**
 * Negative log-likelihood of binary (or [0, 1]) data x under independent Bernoullis with logits l, the output
 * layer of MADE and NADE (Germain et al. 2015, eq. 3). In the softplus form, which never overflows:
 *
 * <pre>  −log p(x | l) = Σ_d softplus(l_d) − x_d·l_d,   ∂/∂l_d = σ(l_d) − x_d</pre>
 *
 * The loss is the batch mean of the per-example values (nats per example, summed over dimensions), so
 * {@link #grad()} = (σ(l) − x) / B. Buffers are reused while the batch shape stays the same. Large batches are
 * split by rows over the worker team; each row is computed the same way either way, and the mean sums the rows in
 * order, so the result does not depend on the split.
 */
public final class BernoulliLogitsLoss {
    /** Batches of at least this many values are split by rows over the worker team. */
    private static final int PARALLEL_SIZE = 1 << 14;

    private FMatrixRMaj ownGrad;
    private double[] ownPerExample = new double[0];
    private FMatrixRMaj logits;
    private FMatrixRMaj target;
    private double[] perExample = new double[0];
    private FMatrixRMaj grad;
    private final WorkerPool.Job rows = this::rows;

    /** Returns the batch mean of −log p(x | logits); fills {@link #grad()} and {@link #perExample()}. */
    public double forward(FMatrixRMaj logits, FMatrixRMaj target) {
        if (ownPerExample.length != logits.numRows) ownPerExample = new double[logits.numRows];
        ownGrad = Mat.reuse(ownGrad, logits.numRows, logits.numCols);
        return forward(logits, target, ownPerExample, ownGrad);
    }

    /**
     * The same into the caller's buffers: −log p(x_n | l_n) into {@code perExample[n]} (length ≥ B) and ∂mean/∂l
     * into {@code grad} (B×D), or into this loss's own gradient buffer when {@code grad} is null (not wanted).
     * {@link #grad()} and {@link #perExample()} then refer to those buffers.
     */
    public double forward(FMatrixRMaj logits, FMatrixRMaj target, double[] perExample, FMatrixRMaj grad) {
        Mat.checkSameShape("Bernoulli loss: logits vs target", logits, target);
        int b = logits.numRows;
        if (perExample.length < b) throw new IllegalArgumentException("per-example buffer holds " + perExample.length + " of " + b + " examples");
        if (grad == null) {
            ownGrad = Mat.reuse(ownGrad, b, logits.numCols);    // the kernel always writes the gradient
            grad = ownGrad;
        } else {
            Mat.checkSameShape("Bernoulli loss: logits vs gradient", logits, grad);
        }
        this.logits = logits;
        this.target = target;
        this.perExample = perExample;
        this.grad = grad;
        WorkerPool.SHARED.run(rows, logits.getNumElements() >= PARALLEL_SIZE);
        this.logits = null;
        this.target = null;
        double total = 0;
        for (int i = 0; i < b; i++) total += perExample[i];
        return total / b;
    }

    /** Per-example values and gradient for part {@code part} of {@code parts} equal runs of rows. */
    private void rows(int part, int parts) {
        int b = logits.numRows;
        int d = logits.numCols;
        Elementwise ew = Elementwise.get();
        float scale = 1f / b;
        for (int i = b * part / parts, end = b * (part + 1) / parts; i < end; i++) {
            perExample[i] = ew.bernoulliNll(logits.data, target.data, grad.data, i * d, (i + 1) * d, scale);
        }
    }

    /** ∂loss/∂logits of the last {@link #forward} (B×D). */
    public FMatrixRMaj grad() {
        return grad;
    }

    /** −log p(x_n | l_n) for each example of the last batch, in nats (reused array: copy to keep). */
    public double[] perExample() {
        return perExample;
    }
}
