package org.genscope.nn;

import java.util.List;

/**
 * Adam (Kingma &amp; Ba 2015, Algorithm 1) with bias correction, in the paper's efficient form (end of §2):
 *
 * <pre>  m ← β1·m + (1 − β1)·g;   v ← β2·v + (1 − β2)·g²
 *  α_t = lr·√(1 − β2^t) / (1 − β1^t);   ε̂ = ε·√(1 − β2^t)
 *  w ← w·(1 − lr·λ) − α_t · m / (√v + ε̂)</pre>
 *
 * which equals w − lr·m̂/(√v̂ + ε) with m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t). Weight decay λ is decoupled
 * (AdamW, Loshchilov &amp; Hutter 2019). One fused loop per parameter, auto-vectorized by C2.
 */
public final class Adam extends BaseOptimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;

    /** β1 = 0.9, β2 = 0.999, ε = 1e-8, no weight decay: the paper's defaults. */
    public Adam(List<Param> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0);
    }

    public Adam(List<Param> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        super(params, lr, weightDecay, "m", "v");
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas must be in [0, 1): " + beta1 + ", " + beta2);
        }
        if (!(eps > 0)) throw new IllegalArgumentException("eps must be > 0: " + eps);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    @Override
    protected void update(int index, float[] w, float[] g, int from, int to) {
        double c2 = Math.sqrt(1 - Math.pow(beta2, t));
        float alpha = (float) (learningRate() * c2 / (1 - Math.pow(beta1, t)));
        float epsHat = (float) (eps * c2);
        float decay = decay();
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float a1 = (float) (1 - beta1);
        float a2 = (float) (1 - beta2);
        float[] m = slot(0, index);
        float[] v = slot(1, index);
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + a1 * gi;
            float vi = b2 * v[i] + a2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            w[i] = w[i] * decay - alpha * mi / ((float) Math.sqrt(vi) + epsHat);
            g[i] = 0f;
        }
    }
}
