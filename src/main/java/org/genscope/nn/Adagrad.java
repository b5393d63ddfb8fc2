package org.genscope.nn;

import java.util.List;

/**
 * Adagrad (Duchi, Hazan &amp; Singer 2011), the optimizer of the MADE paper's experiments, with decoupled
 * weight decay λ (see {@link BaseOptimizer}):
 *
 * <pre>  G ← G + g²;   w ← w·(1 − lr·λ) − lr · g / (√G + ε)</pre>
 */
public final class Adagrad extends BaseOptimizer {
    private final float eps;

    /** ε = 1e-10, no weight decay ({@code torch.optim.Adagrad}'s defaults). */
    public Adagrad(List<Param> params, double lr) {
        this(params, lr, 1e-10, 0);
    }

    public Adagrad(List<Param> params, double lr, double eps, double weightDecay) {
        super(params, lr, weightDecay, "sum");
        if (!(eps > 0)) throw new IllegalArgumentException("eps must be > 0: " + eps);
        this.eps = (float) eps;
    }

    @Override
    protected void update(int index, float[] w, float[] g, int from, int to) {
        float lr = (float) learningRate();
        float decay = decay();
        float[] sum = slot(0, index);
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float s = sum[i] + gi * gi;
            sum[i] = s;
            w[i] = w[i] * decay - lr * gi / ((float) Math.sqrt(s) + eps);
            g[i] = 0f;
        }
    }
}
