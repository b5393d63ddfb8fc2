package org.genscope.wta;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.LifetimeSparsity;
import org.genscope.nn.Linear;
import org.genscope.nn.Module;
import org.genscope.nn.ReLU;
import org.genscope.nn.Rng;
import org.genscope.nn.Sequential;

/**
 * The fully connected winner-take-all autoencoder (Makhzani &amp; Frey 2015, §2), e.g. 784–2000–784:
 *
 * <pre>  h = ReLU(x·W_e + b_e)   (more ReLU layers may precede it)
 *  ĥ = lifetime_k(h)        per hidden unit, its k% largest activations across the mini-batch survive
 *  x̂ = ĥ·W_d + b_d          linear decoder; row j of W_d is unit j's filter, an H×W image</pre>
 *
 * Lifetime sparsity during training only; at test time h itself is the representation. Parameters:
 * {@code encoder<l>.weight} (in×out), {@code encoder<l>.bias}, {@code decoder.weight} (units×D), {@code decoder.bias}.
 */
public final class FcWtaAutoencoder extends WtaAutoencoder {
    private final Linear decoderLayer;

    public FcWtaAutoencoder(WtaConfig config) {
        this(config, layers(config));
    }

    private FcWtaAutoencoder(WtaConfig config, Layers l) {
        super(config, l.encoder, null, new LifetimeSparsity(config.codeUnits(), 1, config.kPercent()), l.decoder);
        this.decoderLayer = l.decoder;
    }

    private record Layers(Module encoder, Linear decoder) {}

    private static Layers layers(WtaConfig c) {
        if (c.kind() != WtaKind.FC) throw new IllegalArgumentException("not an FC-WTA configuration: " + c);
        Rng rng = new Rng(c.seed());
        List<Module> enc = new ArrayList<>();
        int below = c.inputs();
        int[] hidden = c.hidden();
        for (int l = 0; l < hidden.length; l++) {
            Linear layer = new Linear("encoder" + (l + 1), below, hidden[l], rng);
            if (l == 0) layer.setInputGradient(false);          // nothing below the first layer needs ∂L/∂x
            enc.add(layer);
            enc.add(new ReLU());
            below = hidden[l];
        }
        return new Layers(new Sequential(enc), new Linear("decoder", below, c.inputs(), rng));
    }

    /** The ReLU code of the last hidden layer, N × units (the paper's test-time representation). */
    @Override
    public FMatrixRMaj features(FMatrixRMaj x) {
        return code(x);
    }

    /** Row j of W_d as an H×W tile: what unit j adds to the reconstruction per unit of activation. */
    @Override
    public Filters decoderFilters() {
        WtaConfig c = config();
        return new Filters(decoderLayer.weight.value.data, c.codeUnits(), c.height(), c.width());
    }
}
