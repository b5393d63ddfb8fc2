package org.genscope.cli;

import java.lang.management.ManagementFactory;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.BatchIterator;
import org.genscope.data.Dataset;
import org.genscope.made.MadeMasks;
import org.genscope.nn.Adam;
import org.genscope.nn.BernoulliLogitsLoss;
import org.genscope.nn.MaskedLinear;
import org.genscope.nn.ReLU;
import org.genscope.nn.Rng;
import org.genscope.nn.Sequential;

/**
 * The training workload the benchmark times: a one-hidden-layer MADE (Germain et al. 2015) D–H–D with ReLU,
 * Bernoulli logits loss, Adam (lr 1e-3) and shuffled mini-batches. The first layer skips its input gradient,
 * so a step costs five GEMMs plus the element-wise work.
 */
final class MadeEpochBench {
    /** One timed epoch: wall time, mean negative log-likelihood (nats per image), bytes allocated per step. */
    record Epoch(double seconds, double meanNll, double bytesPerStep) {}

    private final Sequential net;
    private final Adam adam;
    private final BernoulliLogitsLoss loss = new BernoulliLogitsLoss();
    private final BatchIterator batches;

    MadeEpochBench(Dataset data, int hidden, int batchSize, long seed) {
        Rng rng = new Rng(seed);
        int d = data.dimension();
        int[] m0 = MadeMasks.naturalOrder(d);
        int[] m1 = MadeMasks.hiddenDegrees(d, hidden, rng);
        MaskedLinear in = new MaskedLinear("made.hidden", d, hidden, rng);
        MaskedLinear out = new MaskedLinear("made.out", hidden, d, rng);
        in.setMask(MadeMasks.hiddenMask(m0, m1));
        out.setMask(MadeMasks.outputMask(m1, m0));
        in.setInputGradient(false);                  // x is data: no gradient needed, one GEMM saved
        net = new Sequential(in, new ReLU(), out);
        adam = new Adam(net.params(), 1e-3);
        batches = new BatchIterator(data, batchSize, BatchIterator.LastBatch.DROP, rng.split());
    }

    Epoch run() {
        long before = allocatedBytes();
        long t0 = System.nanoTime();
        double nll = 0;
        int steps = 0;
        while (batches.next()) {
            FMatrixRMaj x = batches.x();
            nll += loss.forward(net.forward(x), x);
            net.backward(loss.grad());
            adam.step();
            steps++;
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        long allocated = allocatedBytes() - before;
        return new Epoch(seconds, nll / steps, before < 0 ? Double.NaN : (double) allocated / steps);
    }

    /** Bytes this thread allocated so far (HotSpot's ThreadMXBean), or −1 where unsupported. */
    private static long allocatedBytes() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (mx instanceof com.sun.management.ThreadMXBean) {
            return ((com.sun.management.ThreadMXBean) mx).getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }
}
