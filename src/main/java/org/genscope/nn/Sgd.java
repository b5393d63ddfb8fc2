package org.genscope.nn;

import java.util.List;

/**
 * Stochastic gradient descent with momentum μ, optionally Nesterov's (Sutskever et al. 2013), in
 * {@code torch.optim.SGD}'s form, plus decoupled weight decay λ (see {@link BaseOptimizer}):
 *
 * <pre>  buf ← μ·buf + g;   d = g + μ·buf (Nesterov) or buf;   w ← w·(1 − lr·λ) − lr·d</pre>
 *
 * With μ = 0 this is plain SGD, w ← w − lr·g.
 */
public final class Sgd extends BaseOptimizer {
    private final float momentum;
    private final boolean nesterov;

    public Sgd(List<Param> params, double lr) {
        this(params, lr, 0, false, 0);
    }

    public Sgd(List<Param> params, double lr, double momentum, boolean nesterov, double weightDecay) {
        super(params, lr, weightDecay, momentum == 0 ? new String[0] : new String[] {"momentum"});
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1): " + momentum);
        if (nesterov && momentum == 0) throw new IllegalArgumentException("Nesterov needs momentum > 0");
        this.momentum = (float) momentum;
        this.nesterov = nesterov;
    }

    @Override
    protected void update(int index, float[] w, float[] g, int from, int to) {
        float lr = (float) learningRate();
        float decay = decay();
        if (momentum == 0) {
            for (int i = from; i < to; i++) {
                w[i] = w[i] * decay - lr * g[i];
                g[i] = 0f;
            }
            return;
        }
        float[] buf = slot(0, index);
        float mu = momentum;
        if (nesterov) {
            for (int i = from; i < to; i++) {
                float b = mu * buf[i] + g[i];
                buf[i] = b;
                w[i] = w[i] * decay - lr * (g[i] + mu * b);
                g[i] = 0f;
            }
        } else {
            for (int i = from; i < to; i++) {
                float b = mu * buf[i] + g[i];
                buf[i] = b;
                w[i] = w[i] * decay - lr * b;
                g[i] = 0f;
            }
        }
    }
}
