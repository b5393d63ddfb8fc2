package org.genscope.nn;

/** y = x for x &gt; 0, slope·x otherwise (Maas et al. 2013); f'(x) = 1 or slope. */
public final class LeakyReLU extends Activation {
    private final float slope;

    /** PyTorch's default slope, 0.01. */
    public LeakyReLU() {
        this(0.01f);
    }

    public LeakyReLU(float slope) {
        if (!(slope >= 0f && slope < 1f)) throw new IllegalArgumentException("LeakyReLU slope must be in [0, 1): " + slope);
        this.slope = slope;
    }

    @Override
    protected void apply(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) y[i] = x[i] > 0f ? x[i] : slope * x[i];
    }

    @Override
    protected void derivative(float[] x, float[] y, float[] dy, float[] dx, int n) {
        for (int i = 0; i < n; i++) dx[i] = x[i] > 0f ? dy[i] : slope * dy[i];
    }
}
