package org.genscope.cli;

import java.lang.management.ManagementFactory;
import java.util.function.ToDoubleFunction;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.BatchIterator;

/**
 * Times one epoch of a training workload for the benchmark: wall time, mean loss and the bytes allocated per step
 * by every Java thread, around a loop of {@code step(batch)} over one pass of a {@link BatchIterator}.
 */
final class EpochTimer {
    /** One timed epoch: wall time, mean loss per step (nats per example), bytes allocated per step (all threads). */
    record Epoch(double seconds, double meanLoss, double bytesPerStep) {}

    private EpochTimer() {}

    /** One epoch of {@code step} (loss and update of one batch) over {@code batches}. */
    static Epoch run(BatchIterator batches, ToDoubleFunction<FMatrixRMaj> step) {
        long before = allocatedBytes();
        long t0 = System.nanoTime();
        double loss = 0;
        int steps = 0;
        while (batches.next()) {
            loss += step.applyAsDouble(batches.x());
            steps++;
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        long allocated = allocatedBytes() - before;
        return new Epoch(seconds, loss / steps, before < 0 ? Double.NaN : (double) allocated / steps);
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
