package org.genscope.nn;

/** y = σ(x) = 1 / (1 + e^(−x)); f'(x) = y·(1 − y). */
public final class Sigmoid extends Activation {
    @Override
    protected void apply(float[] x, float[] y, int n) {
        Elementwise.get().sigmoid(x, y, n);
    }

    @Override
    protected void derivative(float[] x, float[] y, float[] dy, float[] dx, int n) {
        for (int i = 0; i < n; i++) dx[i] = dy[i] * y[i] * (1f - y[i]);
    }
}
