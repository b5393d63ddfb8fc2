package org.genscope.flow;

import java.util.ArrayList;
import java.util.List;
import org.genscope.nn.Rng;

/** Builds the layers of a {@link FlowSpec}: names {@code layer<k>.}, alternating masks and orderings. */
final class LayerFactory {
    private LayerFactory() {}

    static FlowSequence build(FlowSpec spec, int d, Rng rng) {
        if (d < 1) throw new IllegalArgumentException("need at least 1 variable, got " + d);
        List<FlowLayer> layers = new ArrayList<>();
        int couplings = 0;
        int autoregressive = 0;
        for (int k = 0; k < spec.layers().size(); k++) {
            LayerSpec s = spec.layers().get(k);
            String p = "layer" + k + ".";
            Rng r = rng.split();
            int[] h = s.hidden();
            String act = spec.activation();
            double b = spec.scaleBound();
            if ((s.kind().coupling() || s.kind().autoregressive()) && d < 2) {
                throw new IllegalArgumentException("layer " + k + " (" + s.kind().title() + ") needs data of at least 2 variables, got " + d);
            }
            layers.add(switch (s.kind()) {
                case ADDITIVE_COUPLING -> new AdditiveCoupling(p, d, couplings++, h, act, r);
                case AFFINE_COUPLING -> new AffineCoupling(p, d, couplings++, h, act, b, r);
                case SCALING -> new DiagonalScaling(p, d);
                case ACTNORM -> new ActNorm(p, d);
                case INVERTIBLE_LINEAR -> new InvertibleLinear(p, d, r);
                case GLOW_STEP -> new FlowSequence(p + "Glow step", List.of(new ActNorm(p + "actnorm.", d),
                        new InvertibleLinear(p + "linear.", d, r), new AffineCoupling(p + "coupling.", d, couplings++, h, act, b, r)));
                case MAF -> new MaskedAutoregressiveFlow(p, d, h, act, autoregressive++ % 2 == 1, b, r);
                case IAF -> new InverseAutoregressiveFlow(p, d, h, act, autoregressive++ % 2 == 1, b, r);
                case REVERSE -> Permutation.reverse(p, d);
                case PERMUTE -> Permutation.random(p, d, r);
            });
        }
        return new FlowSequence(spec.layersText(), layers);
    }
}
