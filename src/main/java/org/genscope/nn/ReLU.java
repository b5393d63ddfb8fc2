package org.genscope.nn;

/** y = max(x, 0); f'(x) = 1 for x &gt; 0, else 0 (the subgradient 0 at the kink). */
public final class ReLU extends Activation {
    @Override
    protected void apply(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = Math.max(x[i], 0f);
    }

    @Override
    protected void derivative(float[] x, float[] y, float[] dy, float[] dx, int n) {
        Elementwise.get().reluGrad(y, dy, dx, n);
    }
}
