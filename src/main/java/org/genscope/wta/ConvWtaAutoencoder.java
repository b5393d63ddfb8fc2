package org.genscope.wta;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Conv2d;
import org.genscope.nn.ConvTranspose2d;
import org.genscope.nn.ImageShape;
import org.genscope.nn.LifetimeSparsity;
import org.genscope.nn.Module;
import org.genscope.nn.ReLU;
import org.genscope.nn.Rng;
import org.genscope.nn.Sequential;
import org.genscope.nn.SpatialSparsity;

/**
 * The convolutional winner-take-all autoencoder (Makhzani &amp; Frey 2015, §3), the paper's MNIST model being
 * {@code 128conv5-128conv5-128deconv11}:
 *
 * <pre>  h = ReLU(conv_5×5(ReLU(conv_5×5(x))))    "same" padding, M feature maps of H×W
 *  ĥ = lifetime_k(spatial(h))              spatial: one winner per map per image; lifetime: per map, the k%
 *                                          of the mini-batch whose winners are largest keep them
 *  x̂ = deconv_11×11(ĥ)                     linear; each map's 11×11 filter is stamped at its winner</pre>
 *
 * With the rules off (k = 100, spatial off) this is the plain convolutional autoencoder whose filters collapse to
 * delta functions (§3, the contrast of Fig. 2). Features for classification: the dense maps h of the rule-free
 * encoder, max-pooled over non-overlapping {@value #POOL}×{@value #POOL} windows (7×7 per map on 28×28 images).
 * Parameters: {@code conv<l>.weight} (Cout × Cin·K·K), {@code conv<l>.bias}, {@code deconv.weight} (M × 11·11),
 * {@code deconv.bias} (1 × 1).
 */
public final class ConvWtaAutoencoder extends WtaAutoencoder {
    /** Pooling window of the classification features. */
    public static final int POOL = 4;

    private final ConvTranspose2d deconv;

    public ConvWtaAutoencoder(WtaConfig config) {
        this(config, layers(config));
    }

    private ConvWtaAutoencoder(WtaConfig config, Layers l) {
        super(config, l.encoder, new SpatialSparsity(l.code), new LifetimeSparsity(l.code.channels(), l.code.pixels(),
                config.kPercent()), l.decoder);
        this.deconv = l.decoder;
    }

    private record Layers(Module encoder, ImageShape code, ConvTranspose2d decoder) {}

    private static Layers layers(WtaConfig c) {
        if (c.kind() != WtaKind.CONV) throw new IllegalArgumentException("not a Conv-WTA configuration: " + c);
        Rng rng = new Rng(c.seed());
        List<Module> enc = new ArrayList<>();
        ImageShape shape = c.image();
        int[] maps = c.hidden();
        for (int l = 0; l < maps.length; l++) {
            Conv2d conv = new Conv2d("conv" + (l + 1), shape, maps[l], c.encoderKernel(), 1, (c.encoderKernel() - 1) / 2, rng);
            if (l == 0) conv.setInputGradient(false);
            enc.add(conv);
            enc.add(new ReLU());
            shape = conv.outputShape();
        }
        ConvTranspose2d deconv = new ConvTranspose2d("deconv", shape, 1, c.decoderKernel(), 1, (c.decoderKernel() - 1) / 2, rng);
        return new Layers(new Sequential(enc), shape, deconv);
    }

    /** Max-pooled dense feature maps, N × M·⌈H/4⌉·⌈W/4⌉. */
    @Override
    public FMatrixRMaj features(FMatrixRMaj x) {
        WtaConfig c = config();
        return encodeInBatches(x, h -> MaxPooling.pool(h, c.codeUnits(), c.height(), c.width(), POOL));
    }

    /** Map m's K×K decoder filter (the deconvolution's weights for that input map). */
    @Override
    public Filters decoderFilters() {
        int k = config().decoderKernel();
        return new Filters(deconv.weight.value.data, config().codeUnits(), k, k);
    }
}
