package org.genscope.train;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where training work runs. The app uses {@link #daemonThreads}; tests and the headless CLI can use
 * {@link #currentThread}, which runs each piece of work to completion inside {@code execute} (as JabRef's
 * {@code CurrentThreadTaskExecutor} does), so a whole job runs deterministically on the caller's thread.
 */
@FunctionalInterface
public interface TaskExecutor {
    void execute(Runnable work);

    /** Runs the work immediately on the calling thread. */
    static TaskExecutor currentThread() {
        return Runnable::run;
    }

    /**
     * Runs work on daemon threads named {@code name-N} (so an open job never keeps the JVM alive); idle threads
     * are reused for a minute, then end.
     */
    static TaskExecutor daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return pool::execute;
    }
}
