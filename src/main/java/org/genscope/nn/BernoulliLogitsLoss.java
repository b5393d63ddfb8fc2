package org.genscope.nn;

import org.ejml.data.FMatrixRMaj;

/**
 * Negative log-likelihood of binary (or [0, 1]) data x under independent Bernoullis with logits l, the output
 * layer of MADE and NADE (Germain et al. 2015, eq. 3). In the softplus form, which never overflows:
 *
 * <pre>  −log p(x | l) = Σ_d softplus(l_d) − x_d·l_d,   ∂/∂l_d = σ(l_d) − x_d</pre>
 *
 * The loss is the batch mean of the per-example values (nats per example, summed over dimensions), so
 * {@link #grad()} = (σ(l) − x) / B. Buffers are reused while the batch shape stays the same.
 */
public final class BernoulliLogitsLoss {
    /** Batches of at least this many values are split by rows over the worker team. */
    private static final int PARALLEL_SIZE = 1 << 14;

    private FMatrixRMaj grad;
    private double[] perExample = new double[0];
    private FMatrixRMaj logits;
    private FMatrixRMaj target;
    private final WorkerPool.Job rows = this::rows;

    /** Returns the batch mean of −log p(x | logits); fills {@link #grad()} and {@link #perExample()}. */
    public double forward(FMatrixRMaj logits, FMatrixRMaj target) {
        Mat.checkSameShape("Bernoulli loss: logits vs target", logits, target);
        int b = logits.numRows;
        int d = logits.numCols;
        grad = Mat.reuse(grad, b, d);
        if (perExample.length != b) perExample = new double[b];
        this.logits = logits;
        this.target = target;
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
