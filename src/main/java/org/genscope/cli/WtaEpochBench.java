package org.genscope.cli;

import org.genscope.data.BatchIterator;
import org.genscope.data.Dataset;
import org.genscope.nn.Adam;
import org.genscope.nn.Rng;
import org.genscope.wta.WtaAutoencoder;
import org.genscope.wta.WtaConfig;

/**
 * The FC-WTA training workload the benchmark times: the paper's 784–2000–784 with 5% lifetime sparsity (Makhzani
 * &amp; Frey 2015, §2), Adam 1e-3, shuffled mini-batches of 100 — the code path of {@code genscope train wta}. A
 * step costs five GEMMs (the first layer needs no input gradient), the lifetime selection and the squared error.
 */
final class WtaEpochBench {
    private final WtaAutoencoder model;
    private final Adam adam;
    private final BatchIterator batches;

    WtaEpochBench(Dataset data, int hidden, double kPercent, long seed) {
        model = WtaAutoencoder.create(WtaConfig.fc(data.imageRows(), data.imageCols(), kPercent, seed, hidden));
        adam = new Adam(model.params(), 1e-3);
        batches = new BatchIterator(data, 100, BatchIterator.LastBatch.DROP, new Rng(seed).split());
    }

    /** One timed epoch: wall time, mean squared error per pixel, bytes allocated per step (all threads). */
    EpochTimer.Epoch run() {
        return EpochTimer.run(batches, x -> {
            double loss = model.lossAndGradients(x);
            adam.step();
            return loss;
        });
    }
}
