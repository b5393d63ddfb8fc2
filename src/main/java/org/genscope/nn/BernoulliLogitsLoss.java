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
    private FMatrixRMaj grad;
    private double[] perExample = new double[0];

    /** Returns the batch mean of −log p(x | logits); fills {@link #grad()} and {@link #perExample()}. */
    public double forward(FMatrixRMaj logits, FMatrixRMaj target) {
        Mat.checkSameShape("Bernoulli loss: logits vs target", logits, target);
        int b = logits.numRows;
        int d = logits.numCols;
        grad = Mat.reuse(grad, b, d);
        if (perExample.length != b) perExample = new double[b];
        Elementwise ew = Elementwise.get();
        float scale = 1f / b;
        double total = 0;
        for (int i = 0; i < b; i++) {
            perExample[i] = ew.bernoulliNll(logits.data, target.data, grad.data, i * d, (i + 1) * d, scale);
            total += perExample[i];
        }
        return total / b;
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
