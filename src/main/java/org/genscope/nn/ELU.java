package org.genscope.nn;

/** y = x for x &gt; 0, alpha·(e^x − 1) otherwise (Clevert et al. 2016); f'(x) = 1 or y + alpha. */
public final class ELU extends Activation {
    private final float alpha;

    public ELU() {
        this(1f);
    }

    public ELU(float alpha) {
        if (!(alpha > 0f)) throw new IllegalArgumentException("ELU alpha must be positive: " + alpha);
        this.alpha = alpha;
    }

    @Override
    protected void apply(float[] x, float[] y, int n) {
        Elementwise.get().elu(x, y, n, alpha);
    }

    @Override
    protected void derivative(float[] x, float[] y, float[] dy, float[] dx, int n) {
        for (int i = 0; i < n; i++) dx[i] = x[i] > 0f ? dy[i] : dy[i] * (y[i] + alpha);
    }
}
