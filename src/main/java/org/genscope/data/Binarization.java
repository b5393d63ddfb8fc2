package org.genscope.data;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Rng;

/**
 * Turns intensities into binary pixels, for Bernoulli models such as MADE. Both return new datasets.
 * For a fresh sample every batch instead of a fixed one, see {@link BatchIterator#binarizeEachBatch}.
 */
public final class Binarization {
    private Binarization() {}

    /** Deterministic: x̃ = 1 if x &gt; t, else 0. */
    public static Dataset threshold(Dataset d, float t) {
        FMatrixRMaj y = new FMatrixRMaj(d.size(), d.dimension());
        float[] x = d.x().data;
        for (int i = 0; i < y.data.length; i++) y.data[i] = x[i] > t ? 1f : 0f;
        return d.withX(y, d.name() + "-threshold" + t);
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
