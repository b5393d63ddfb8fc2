package org.genscope.made;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;

class AncestralSamplerTest {
    /** The definition: D full forward passes, x_{s(t)} drawn from the network's θ each time. */
    private static float[] reference(Made made, int n, Rng rng) {
        FMatrixRMaj x = new FMatrixRMaj(n, made.inputs());
        for (int d : made.connectivity().sequence()) made.family().sample(made.network().forward(x), d, x, rng);
        return x.data.clone();
    }

    @Test
    void incrementalSamplingDrawsWhatFullForwardPassesDraw() {
        Rng configs = new Rng(31);
        for (int trial = 0; trial < 60; trial++) {
            MadeConfig c = AutoregressivePropertyTest.randomConfig(configs);
            Made made = new Made(c);
            TinyModels.scaleWeights(made, 2f);
            float[] fast = made.sample(7, new Rng(trial));
            float[] slow = reference(made, 7, new Rng(trial));
            for (int i = 0; i < fast.length; i++) {
                assertEquals(slow[i], fast[i], 1e-4 * Math.max(1, Math.abs(slow[i])), c + " entry " + i);
            }
        }
    }
}
