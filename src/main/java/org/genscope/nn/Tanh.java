package org.genscope.nn;

/** y = tanh(x); f'(x) = 1 − y². */
public final class Tanh extends Activation {
    @Override
    protected void apply(float[] x, float[] y, int n) {
        Elementwise.get().tanh(x, y, n);
    }

    @Override
    protected void derivative(float[] x, float[] y, float[] dy, float[] dx, int n) {
        for (int i = 0; i < n; i++) dx[i] = dy[i] * (1f - y[i] * y[i]);
    }
}
