package org.genscope.wta;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.LifetimeSparsity;
import org.genscope.nn.Mat;
import org.genscope.nn.Module;
import org.genscope.nn.MseLoss;
import org.genscope.nn.Param;
import org.genscope.nn.SpatialSparsity;

/**
 * A winner-take-all autoencoder (Makhzani &amp; Frey, "Winner-Take-All Autoencoders", NIPS 2015): an encoder of ReLU
 * layers, the winner-take-all rules on its last layer during training, and a linear decoder, trained on the
 * squared reconstruction error
 *
 * <pre>  h = ReLU-encoder(x),   ĥ = WTA(h)   (lifetime: each unit keeps its k% largest activations in the
 *                                         mini-batch; conv also spatial: one winner per feature map)
 *  x̂ = decoder(ĥ),   L = (1/(B·D)) Σ_b ‖x_b − x̂_b‖²,   gradients flow through the winners only</pre>
 *
 * At test time the rules are off and the dense ReLU code h is the representation ({@link #features}). The two
 * kinds ({@link FcWtaAutoencoder}, {@link ConvWtaAutoencoder}) differ only in their layers, the shape of a decoder
 * filter and how features are pooled. Not thread-safe: one thread (the training thread) uses a model at a time;
 * the UI sees {@link WtaPayload}s. No allocation per step after the first batch of a given size.
 */
public abstract class WtaAutoencoder {
    /** Mini-batch of the evaluation passes (lifetime sparsity is a rule on a batch, so its size matters). */
    public static final int EVAL_BATCH = 100;

    private WtaConfig config;
    private final Module encoder;
    private final SpatialSparsity spatial;        // null for FC
    private final LifetimeSparsity lifetime;
    private final Module decoder;
    private final List<Param> params;
    private final MseLoss mse = new MseLoss();
    private FMatrixRMaj chunk;

    protected WtaAutoencoder(WtaConfig config, Module encoder, SpatialSparsity spatial, LifetimeSparsity lifetime,
                             Module decoder) {
        this.config = config;
        this.encoder = encoder;
        this.spatial = spatial;
        this.lifetime = lifetime;
        this.decoder = decoder;
        List<Param> all = new ArrayList<>(encoder.params());
        all.addAll(decoder.params());
        this.params = List.copyOf(all);
        applySparsity(config);
    }

    /** A new model of either kind, initialised from the configuration's seed. */
    public static WtaAutoencoder create(WtaConfig config) {
        return config.kind() == WtaKind.FC ? new FcWtaAutoencoder(config) : new ConvWtaAutoencoder(config);
    }

    public WtaConfig config() {
        return config;
    }

    /**
     * An independent model with the same configuration and a copy of every parameter. Take it on the training
     * thread (e.g. {@code job.submit(model::copy)}) to compute features or train a {@link LinearProbe} on another
     * thread while training goes on.
     */
    public WtaAutoencoder copy() {
        WtaAutoencoder c = create(config);
        for (int i = 0; i < params.size(); i++) {
            float[] from = params.get(i).value.data;
            System.arraycopy(from, 0, c.params.get(i).value.data, 0, params.get(i).size());
        }
        return c;
    }

    /** Trainable parameters in a stable order (encoder layers, then the decoder); names as in the model file. */
    public List<Param> params() {
        return params;
    }

    /** Changes k (and, for conv, spatial sparsity) between runs, keeping the weights; validated as in the config. */
    public void setSparsity(double kPercent, boolean spatialOn) {
        WtaConfig c = config.withKPercent(kPercent).withSpatial(spatialOn);
        applySparsity(c);
        config = c;
    }

    private void applySparsity(WtaConfig c) {
        lifetime.setPercent(c.kPercent());
        if (spatial != null) spatial.setEnabled(c.spatial());
        training(true);
    }

    /** Training mode: the rules the configuration asks for are on; otherwise every rule is off. */
    private void training(boolean on) {
        lifetime.setEnabled(on && lifetime.percent() < 100);     // k = 100 keeps everything: skip the rule
        if (spatial != null) spatial.setEnabled(on && config.spatial());
    }

    /**
     * One training step's loss on a batch (rows = images, values in [0, 1]) with the winner-take-all rules on:
     * the mean squared error per pixel; accumulates ∂L/∂θ into every parameter's gradient.
     */
    public double lossAndGradients(FMatrixRMaj x) {
        training(true);
        FMatrixRMaj xhat = decoder.forward(sparsity(encoder.forward(x)));
        double loss = mse.forward(xhat, x);
        encoder.backward(sparsityBackward(decoder.backward(mse.grad())));
        return loss;
    }

    private FMatrixRMaj sparsity(FMatrixRMaj h) {
        FMatrixRMaj s = spatial == null ? h : spatial.forward(h);
        return lifetime.forward(s);
    }

    private FMatrixRMaj sparsityBackward(FMatrixRMaj g) {
        FMatrixRMaj d = lifetime.backward(g);
        return spatial == null ? d : spatial.backward(d);
    }

    /**
     * The mean squared error per pixel of the reconstructions of {@code x}, with the rules applied as in training
     * to consecutive batches of {@link #EVAL_BATCH} (the objective the model minimises, on held-out data).
     */
    public double reconstructionError(FMatrixRMaj x) {
        training(true);
        double sum = 0;
        for (int from = 0; from < x.numRows; from += EVAL_BATCH) {
            int to = Math.min(x.numRows, from + EVAL_BATCH);
            FMatrixRMaj b = slice(x, from, to);
            sum += mse.forward(decoder.forward(sparsity(encoder.forward(b))), b) * (to - from);
        }
        return sum / x.numRows;
    }

    /** The reconstructions of a batch with the rules as in training (a copy, B × D). */
    public FMatrixRMaj reconstruct(FMatrixRMaj x) {
        training(true);
        return decoder.forward(sparsity(encoder.forward(x))).copy();
    }

    /**
     * One batch seen through the model, copies: the dense ReLU code h (what the encoder computes), the code after
     * the winner-take-all rules, and the reconstruction. Rows are the batch's images.
     */
    public record Pass(FMatrixRMaj dense, FMatrixRMaj sparse, FMatrixRMaj reconstruction) {}

    public Pass inspect(FMatrixRMaj x) {
        training(true);
        FMatrixRMaj dense = encoder.forward(x).copy();
        FMatrixRMaj sparse = sparsity(dense).copy();
        return new Pass(dense, sparse, decoder.forward(sparse).copy());
    }

    /** The dense ReLU code of the last encoder layer, N × (units or maps·H·W), rules off, in batches. */
    public FMatrixRMaj code(FMatrixRMaj x) {
        return encodeInBatches(x, h -> h);
    }

    /**
     * {@code perBatch} of the dense code of consecutive batches of {@link #EVAL_BATCH} images, stacked: N × F. The
     * code of a batch is a reused buffer, so a 128-map Conv-WTA can pool 10,000 images without holding their 4 GB
     * of feature maps.
     */
    protected FMatrixRMaj encodeInBatches(FMatrixRMaj x, java.util.function.UnaryOperator<FMatrixRMaj> perBatch) {
        training(false);
        try {
            FMatrixRMaj out = null;
            for (int from = 0; from < x.numRows; from += EVAL_BATCH) {
                int to = Math.min(x.numRows, from + EVAL_BATCH);
                FMatrixRMaj f = perBatch.apply(encoder.forward(slice(x, from, to)));
                if (out == null) out = new FMatrixRMaj(x.numRows, f.numCols);
                System.arraycopy(f.data, 0, out.data, from * f.numCols, f.getNumElements());
            }
            return out == null ? new FMatrixRMaj(0, 0) : out;
        } finally {
            training(true);
        }
    }

    /** The representation a linear classifier is trained on (the paper's test-time features), N × F. */
    public abstract FMatrixRMaj features(FMatrixRMaj x);

    /** The decoder's filters (dictionary atoms), one per code unit or feature map, row-major tiles. */
    public abstract Filters decoderFilters();

    /** Rows [from, to) of x in a reused buffer (x itself when it is the whole matrix). */
    private FMatrixRMaj slice(FMatrixRMaj x, int from, int to) {
        if (from == 0 && to == x.numRows) return x;
        chunk = Mat.reuse(chunk, to - from, x.numCols);
        System.arraycopy(x.data, from * x.numCols, chunk.data, 0, (to - from) * x.numCols);
        return chunk;
    }
}
