package org.genscope.data;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Rng;

/**
 * Turns intensities into binary pixels, for Bernoulli models such as MADE. Both return new datasets.
 * For a fresh sample every batch instead of a fixed one, see {@link BatchIterator#binarizeEachBatch}.
 */
public final class Binarization {
    private Binarization() {}

    /**
     * Deterministic: x̃ = 1 if the intensity of x is above t, else 0, with t in [0, 1] and the intensities of
     * {@link Normalization#toIntensities(Dataset)} (values in [0, 1] as they are, grey levels 0..255 divided by
     * 255, other values scaled by their min and max). So t = 0.5 means half-way up the grey scale whatever the file
     * stores, in the app and on the command line alike.
     */
    public static Dataset threshold(Dataset d, float t) {
        return above(Normalization.toIntensities(d), t);
    }

    /** {@link #threshold(Dataset, float)} of every split, all on the training split's intensity scale. */
    public static DataSplits threshold(DataSplits s, float t) {
        return Normalization.toIntensities(s).map(d -> above(d, t));
    }

    private static Dataset above(Dataset unit, float t) {
        if (!(t >= 0f && t <= 1f)) throw new IllegalArgumentException("a threshold is an intensity in [0, 1], got " + t);
        FMatrixRMaj y = new FMatrixRMaj(unit.size(), unit.dimension());
        float[] x = unit.x().data;
        for (int i = 0; i < y.data.length; i++) y.data[i] = x[i] > t ? 1f : 0f;
        return unit.withX(y, unit.name() + "-threshold" + t);
    }

    /**
     * Stochastic, as Salakhutdinov &amp; Murray (2008) made binarized MNIST: x̃ ~ Bernoulli(x), one independent draw
     * per value from the seeded generator. The values must be probabilities in [0,1] (scale them first with
     * {@link Normalization#scaleToUnit}).
     */
    public static Dataset stochastic(Dataset d, Rng rng) {
        float[] x = d.x().data;
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= 0f && x[i] <= 1f)) {
                throw new IllegalArgumentException(d.name() + ": stochastic binarization needs values in [0,1], found "
                        + x[i] + " at example " + i / d.dimension() + "; scale to [0,1] first");
            }
        }
        FMatrixRMaj y = new FMatrixRMaj(d.size(), d.dimension());
        // P(x̃ = 1) = P(u < x) = x for u ~ U[0,1)
        for (int i = 0; i < y.data.length; i++) y.data[i] = rng.nextFloat() < x[i] ? 1f : 0f;
        return d.withX(y, d.name() + "-bernoulli");
    }

    /** True when every value is exactly 0 or 1. */
    public static boolean isBinary(float[] values) {
        for (float v : values) if (v != 0f && v != 1f) return false;
        return true;
    }
}
