package org.genscope.made;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Rng;

/**
 * Ancestral sampling of a binary MADE recorded step by step, for drawing a digit pixel by pixel in ordering order:
 * frame t holds the t pixels drawn so far (0 or 1) and, for every pixel not yet drawn, the model's current
 * p(x_d = 1 | x drawn so far). Step t draws x_{s(t)} ~ Bernoulli(p(x_{s(t)} = 1 | x_{s(1)}, …, x_{s(t−1)})).
 */
public final class AncestralTrace {
    private AncestralTrace() {}

    /** D+1 frames of D values each; frame D is the finished sample. Uses the MADE's current mask. */
    public static float[][] binary(Made made, Rng rng) {
        if (!made.family().binary()) throw new IllegalArgumentException("pixel-by-pixel drawing needs a binary MADE");
        int d = made.inputs();
        int[] sequence = made.connectivity().sequence();
        boolean[] drawn = new boolean[d];
        FMatrixRMaj x = new FMatrixRMaj(1, d);
        float[][] frames = new float[d + 1][];
        for (int t = 0; t <= d; t++) {
            float[] p = made.conditionals(x);        // p(x_d = 1 | x) for every d, given the pixels drawn so far
            float[] frame = new float[d];
            for (int j = 0; j < d; j++) frame[j] = drawn[j] ? x.data[j] : p[j];
            frames[t] = frame;
            if (t < d) {
                int s = sequence[t];
                x.data[s] = rng.nextFloat() < p[s] ? 1f : 0f;
                drawn[s] = true;
            }
        }
        return frames;
    }
}
