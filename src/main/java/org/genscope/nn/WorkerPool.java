package org.genscope.nn;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of daemon threads that run the parts of one job together with the calling thread: part 0 on the
 * caller, parts 1..n-1 on the workers. Made for the training hot path: a dispatch allocates nothing (the job is
 * a pre-allocated object whose fields the caller sets), and workers spin briefly after a job before parking, so
 * the next GEMM of the same step starts without a wake-up delay.
 *
 * <p>One job at a time: {@link #tryBegin()} claims the team; a caller that cannot claim it (another thread's
 * job is running, or a part tries to nest a job) must do its work serially. The size is
 * {@code -Dgenscope.threads=N} if set, else the number of available processors.
 */
final class WorkerPool {
    /** A job split into {@code parts} independent pieces. */
    interface Job {
        void run(int part, int parts);
    }

    private static final long SPIN_NANOS = 200_000;
    static final WorkerPool SHARED = new WorkerPool(configuredThreads());

    private final int size;
    private final Thread[] workers;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicIntegerArray sleeping;
    /** (job sequence number &lt;&lt; 16) | number of parts, published last: one read gives a worker both. */
    private volatile long ticket;
    private volatile Job job;
    private volatile Throwable failure;

    WorkerPool(int size) {
        this.size = Math.max(1, size);
        this.workers = new Thread[this.size - 1];
        this.sleeping = new AtomicIntegerArray(this.size);
        for (int w = 1; w < this.size; w++) {
            int index = w;
            Thread t = new Thread(() -> work(index), "genscope-worker-" + w);
            t.setDaemon(true);
            workers[w - 1] = t;
            t.start();
        }
    }

    static int configuredThreads() {
        String s = System.getProperty("genscope.threads");
        if (s != null) {
            try {
                int n = Integer.parseInt(s.trim());
                if (n >= 1) return Math.min(n, 256);
            } catch (NumberFormatException ignored) {
                // fall through to the default
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** Number of threads a job can use, the caller included. */
    int size() {
        return size;
    }

    /** Claims the team for one job; false if it is in use (then do the work serially). */
    boolean tryBegin() {
        return size > 1 && busy.compareAndSet(false, true);
    }

    /** Releases the team claimed by {@link #tryBegin()}. */
    void end() {
        busy.set(false);
    }

    /**
     * Runs the job split over the whole team if {@code parallel} and the team is free, otherwise as a single
     * part {@code job.run(0, 1)} on the calling thread. For element-wise work whose parts are independent.
     * Not while a native BLAS does the products: OpenBLAS's own threads keep spinning for a while after each
     * call, and a second team competing with them for the cores made a MADE epoch 2× slower, not faster.
     */
    void run(Job job, boolean parallel) {
        if (parallel && GemmBackends.selected() instanceof ParallelGemm && tryBegin()) {
            try {
                invoke(job, size);
            } finally {
                end();
            }
        } else {
            job.run(0, 1);
        }
    }

    /**
     * Runs {@code job.run(p, n)} for p = 0..n-1 in parallel (n ≤ {@link #size()}) and returns when all parts are
     * done. Only between {@link #tryBegin()} (which returned true) and {@link #end()}.
     */
    void invoke(Job job, int n) {
        if (n < 1 || n > size) throw new IllegalArgumentException("parts " + n + " not in 1.." + size);
        this.job = job;
        this.failure = null;
        remaining.set(n - 1);
        ticket = ((ticket >>> 16) + 1) << 16 | n;     // publishes the job to the workers (volatile write)
        for (int w = 1; w < n; w++) {
            if (sleeping.get(w) != 0) LockSupport.unpark(workers[w - 1]);
        }
        Throwable own = null;
        try {
            job.run(0, n);
        } catch (Throwable t) {
            own = t;
        }
        for (int spins = 0; remaining.get() > 0; spins++) {
            if (spins < 10_000) Thread.onSpinWait(); else Thread.yield();
        }
        this.job = null;
        Throwable t = own != null ? own : failure;
        if (t instanceof RuntimeException) throw (RuntimeException) t;
        if (t instanceof Error) throw (Error) t;
        if (t != null) throw new IllegalStateException(t);
    }

    private void work(int index) {
        long seen = 0;
        while (true) {
            long t;
            long start = System.nanoTime();
            // wait a little (the next job of a training step usually follows within microseconds), yielding the
            // core to any other runnable thread (e.g. OpenBLAS's workers), then park
            while ((t = ticket) == seen) {
                long waited = System.nanoTime() - start;
                if (waited < SPIN_NANOS / 10) {
                    Thread.onSpinWait();
                } else if (waited < SPIN_NANOS) {
                    Thread.yield();
                } else {
                    sleeping.set(index, 1);
                    if (ticket == seen) LockSupport.park(this);
                    sleeping.set(index, 0);
                    start = System.nanoTime();
                }
            }
            seen = t;
            int n = (int) (t & 0xFFFF);
            if (index < n) {
                // the job cannot change before this part is done, since the caller waits for it
                try {
                    job.run(index, n);
                } catch (Throwable e) {
                    failure = e;
                }
                remaining.decrementAndGet();
            }
        }
    }
}
