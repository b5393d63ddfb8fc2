package org.genscope.cli;

import org.genscope.data.BatchIterator;
import org.genscope.data.Dataset;
import org.genscope.made.Made;
import org.genscope.made.MadeConfig;
import org.genscope.nn.Adam;
import org.genscope.nn.Rng;

/**
 * The training workload the benchmark times: the app's own MADE (Germain et al. 2015) D–H–D with ReLU, one mask,
 * Bernoulli conditionals, Adam (lr 1e-3) and shuffled mini-batches — the same code path the workspace and
 * {@code genscope train made} run. A step costs five GEMMs (the first layer needs no input gradient) plus the
 * element-wise work.
 */
final class MadeEpochBench {
    private final Made made;
    private final Adam adam;
    private final BatchIterator batches;

    MadeEpochBench(Dataset data, int hidden, int batchSize, long seed) {
        MadeConfig config = MadeConfig.defaults(data.dimension()).withHidden(hidden).withSeed(seed);
        made = new Made(config);
        adam = new Adam(made.params(), 1e-3);
        batches = new BatchIterator(data, batchSize, BatchIterator.LastBatch.DROP, new Rng(seed).split());
    }

    EpochTimer.Epoch run() {
        return EpochTimer.run(batches, x -> {
            double nll = made.lossAndGradients(x);
            adam.step();
            return nll;
        });
    }
}
