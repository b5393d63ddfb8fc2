package org.genscope.cli;

import org.genscope.data.BatchIterator;
import org.genscope.data.Dataset;
import org.genscope.nn.Adam;
import org.genscope.nn.Rng;
import org.genscope.vae.DecoderKind;
import org.genscope.vae.Vae;
import org.genscope.vae.VaeConfig;

/**
 * The VAE workload the benchmark times: the app's own VAE (Kingma &amp; Welling 2014) in the IWAE paper's
 * configuration, 784–200–200–(50)–200–200–784 with tanh, a Bernoulli decoder, one sample of z per image, β = 1,
 * Adam (lr 1e-3) and shuffled mini-batches — the code path {@code genscope train vae} and the workspace run. A step
 * costs 17 GEMMs (the encoder's first layer needs no input gradient) plus the element-wise work.
 */
final class VaeEpochBench {
    /** Hidden widths of each side and the latent size. */
    static final int[] HIDDEN = {200, 200};
    static final int LATENT = 50;

    private final Vae vae;
    private final Adam adam;
    private final BatchIterator batches;
    private final Rng noise;

    VaeEpochBench(Dataset data, int batchSize, long seed) {
        vae = new Vae(VaeConfig.defaults(data.dimension()).withHidden(HIDDEN, HIDDEN).withLatent(LATENT)
                .withActivations("tanh", "tanh").withDecoder(DecoderKind.BERNOULLI).withSeed(seed));
        adam = new Adam(vae.params(), 1e-3);
        Rng root = new Rng(seed);
        batches = new BatchIterator(data, batchSize, BatchIterator.LastBatch.DROP, root.split());
        noise = root.split();
    }

    Vae vae() {
        return vae;
    }

    EpochTimer.Epoch run() {
        return EpochTimer.run(batches, x -> {
            double loss = vae.lossAndGradients(x, 1.0, noise);
            adam.step();
            return loss;
        });
    }
}
