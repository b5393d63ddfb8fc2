package org.genscope.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * One piece of slow work for the UI: computed off the FX thread, its result or failure handed to the FX thread
 * (after JabRef's {@code BackgroundTask}). Replaces the hand-written "execute, then {@code Platform.runLater}"
 * blocks, and is the one place that turns a failure into a sentence for the user ({@link #describe}).
 *
 * <pre>  BackgroundTask.of(() -> read(file)).onSuccess(this::show).onFailure(e -> error.set(describe(e))).run(ui);</pre>
 *
 * @param <T> the result
 */
public final class BackgroundTask<T> {
    private final Callable<T> work;
    private final CompletableFuture<T> future;
    private Consumer<T> onSuccess = r -> { };
    private Consumer<Throwable> onFailure = e -> { };

    private BackgroundTask(Callable<T> work, CompletableFuture<T> future) {
        this.work = work;
        this.future = future;
    }

    /** Work to run off the FX thread. */
    public static <T> BackgroundTask<T> of(Callable<T> work) {
        return new BackgroundTask<>(work, null);
    }

    /** Work already running elsewhere (e.g. submitted to a training job); only its outcome comes to the FX thread. */
    public static <T> BackgroundTask<T> of(CompletableFuture<T> running) {
        return new BackgroundTask<>(null, running);
    }

    /** Called on the FX thread with the result. */
    public BackgroundTask<T> onSuccess(Consumer<T> action) {
        onSuccess = action;
        return this;
    }

    /** Called on the FX thread with the failure (an exception, or an {@link OutOfMemoryError}). */
    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        onFailure = action;
        return this;
    }

    /** Starts the work; returns at once (with {@link UiExecutor#currentThread} after the callbacks ran). */
    public void run(UiExecutor ui) {
        if (future != null) {
            future.whenComplete((r, e) -> ui.fx(() -> finish(r, e)));
            return;
        }
        ui.background(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception | OutOfMemoryError e) {
                ui.fx(() -> onFailure.accept(e));
                return;
            }
            ui.fx(() -> onSuccess.accept(result));
        });
    }

    private void finish(T result, Throwable error) {
        if (error == null) onSuccess.accept(result);
        else onFailure.accept(unwrap(error));
    }

    private static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /**
     * A failure as one sentence for the user: the message of an exception meant for users (bad settings, bad
     * files), a plain word for running out of memory, the kind of error otherwise (never a stack trace).
     */
    public static String describe(Throwable e) {
        e = unwrap(e);
        if (e instanceof OutOfMemoryError) {
            return "not enough memory for this (start Genscope with a larger -Xmx, or use less data or a smaller model)";
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) return "an internal error (" + e.getClass().getSimpleName() + ")";
        return m;
    }
}
