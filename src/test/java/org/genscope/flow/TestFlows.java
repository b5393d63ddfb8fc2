package org.genscope.flow;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;

/** Small flows with random (not identity) parameters, and random batches, for the layer tests. */
final class TestFlows {
    private TestFlows() {}

    /** A model of the given layers (tanh networks 8-8), initialised on data, every parameter perturbed by N(0, s²). */
    static FlowModel randomModel(List<LayerSpec> layers, int d, boolean learnableBase, double s, long seed) {
        FlowSpec spec = new FlowSpec(layers, learnableBase, "tanh", FlowSpec.DEFAULT_SCALE_BOUND, seed);
        FlowModel m = spec.build(d);
        Rng rng = new Rng(seed + 100);
        m.initialize(gaussian(200, d, 1.5, rng));
        for (Param p : m.params()) {
            for (int i = 0; i < p.size(); i++) p.value.data[i] += (float) (s * rng.nextGaussian());
        }
        return m;
    }

    /** One layer of {@code kind} with random parameters. */
    static FlowModel randomModel(LayerKind kind, int d, long seed) {
        return randomModel(List.of(LayerSpec.of(kind, 8, 8)), d, false, 0.3, seed);
    }

    /** n×d points N(0, σ²I). */
    static FMatrixRMaj gaussian(int n, int d, double sigma, Rng rng) {
        FMatrixRMaj x = new FMatrixRMaj(n, d);
        for (int i = 0; i < x.getNumElements(); i++) x.data[i] = (float) (sigma * rng.nextGaussian());
        return x;
    }

    static double maxAbsDiff(FMatrixRMaj a, FMatrixRMaj b) {
        double m = 0;
        for (int i = 0; i < a.getNumElements(); i++) m = Math.max(m, Math.abs(a.data[i] - b.data[i]));
        return m;
    }
}
