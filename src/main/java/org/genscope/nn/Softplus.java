package org.genscope.nn;

/** y = softplus(x) = log(1 + e^x), computed as max(x, 0) + log1p(e^(−|x|)); f'(x) = σ(x). */
public final class Softplus extends Activation {
    @Override
    protected void apply(float[] x, float[] y, int n) {
        Elementwise.get().softplus(x, y, n);
    }

    @Override
    protected void derivative(float[] x, float[] y, float[] dy, float[] dx, int n) {
        // dx = σ(x) first (into dx itself), then ∘ dy
        Elementwise.get().sigmoid(x, dx, n);
        for (int i = 0; i < n; i++) dx[i] *= dy[i];
    }
}
