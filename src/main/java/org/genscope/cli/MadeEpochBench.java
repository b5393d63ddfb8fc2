package org.genscope.cli;

import java.lang.management.ManagementFactory;
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
    /** One timed epoch: wall time, mean training loss (MADE: NLL in nats per image), bytes allocated per step (all threads). */
    record Epoch(double seconds, double meanLoss, double bytesPerStep) {}

    private final Made made;
    private final Adam adam;
    private final BatchIterator batches;

    MadeEpochBench(Dataset data, int hidden, int batchSize, long seed) {
        MadeConfig config = MadeConfig.defaults(data.dimension()).withHidden(hidden).withSeed(seed);
        made = new Made(config);
        adam = new Adam(made.params(), 1e-3);
        batches = new BatchIterator(data, batchSize, BatchIterator.LastBatch.DROP, new Rng(seed).split());
    }

    Epoch run() {
        long before = allocatedBytes();
        long t0 = System.nanoTime();
        double nll = 0;
        int steps = 0;
        while (batches.next()) {
            nll += made.lossAndGradients(batches.x());
            adam.step();
            steps++;
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        long allocated = allocatedBytes() - before;
        return new Epoch(seconds, nll / steps, before < 0 ? Double.NaN : (double) allocated / steps);
    }

    /**
     * Bytes allocated so far by every live Java thread — the caller and the GEMM/element-wise workers — from
     * HotSpot's ThreadMXBean, or −1 where unsupported. (Native BLAS threads allocate no Java memory.)
     */
    static long allocatedBytes() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (!(mx instanceof com.sun.management.ThreadMXBean hotspot) || !hotspot.isThreadAllocatedMemoryEnabled()) {
            return -1;
        }
        long sum = 0;
        for (long b : hotspot.getThreadAllocatedBytes(mx.getAllThreadIds())) sum += Math.max(0, b);
        return sum;
    }
}
