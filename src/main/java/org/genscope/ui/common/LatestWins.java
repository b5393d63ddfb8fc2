package org.genscope.ui.common;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Recomputation of a view from the newest input only (a model that keeps training, settings being edited): one
 * computation at a time off the FX thread; inputs that arrive meanwhile replace each other, so only the newest
 * waiting one is computed next; and a result whose input has been superseded is never shown. FX thread for
 * {@link #submit}; {@code show} and {@code failed} run on the FX thread.
 *
 * @param <I> the input (an immutable copy: it crosses threads)
 * @param <O> the computed result
 */
public final class LatestWins<I, O> {
    private record Request<I>(long generation, I input) {}

    private final UiExecutor ui;
    private final Function<I, O> compute;
    private final Consumer<O> show;
    private final Consumer<Throwable> failed;
    private final AtomicReference<Request<I>> pending = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private long generation;                     // FX thread

    public LatestWins(UiExecutor ui, Function<I, O> compute, Consumer<O> show, Consumer<Throwable> failed) {
        this.ui = ui;
        this.compute = compute;
        this.show = show;
        this.failed = failed;
    }

    /** Asks for the view of {@code input}; any older request not yet shown is dropped. */
    public void submit(I input) {
        pending.set(new Request<>(++generation, input));
        if (running.compareAndSet(false, true)) ui.background(this::drain);
    }

    /** Drops any request not yet shown (e.g. the input went away). */
    public void cancel() {
        ++generation;
        pending.set(null);
    }

    /** Background thread: computes waiting requests, newest first, until none is left. */
    private void drain() {
        do {
            Request<I> r;
            while ((r = pending.getAndSet(null)) != null) {
                Request<I> req = r;
                try {
                    O out = compute.apply(req.input());
                    ui.fx(() -> {
                        if (req.generation() == generation) show.accept(out);
                    });
                } catch (RuntimeException | OutOfMemoryError e) {
                    ui.fx(() -> {
                        if (req.generation() == generation) failed.accept(e);
                    });
                }
            }
            running.set(false);
        } while (pending.get() != null && running.compareAndSet(false, true));
    }
}
