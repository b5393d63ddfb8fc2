package org.genscope.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Background work hands its result or its failure to the FX side, and failures read as sentences. */
class BackgroundTaskTest {
    private final List<String> seen = new ArrayList<>();

    @Test
    void theResultReachesOnSuccessOnly() {
        BackgroundTask.of(() -> 6 * 7).onSuccess(r -> seen.add("ok " + r)).onFailure(e -> seen.add("failed"))
                .run(UiExecutor.currentThread());
        assertEquals(List.of("ok 42"), seen);
    }

    @Test
    void aFailureReachesOnFailureOnly() {
        BackgroundTask.of(() -> {
            throw new IllegalArgumentException("Batch: 1..10000.");
        }).onSuccess(r -> seen.add("ok")).onFailure(e -> seen.add(BackgroundTask.describe(e))).run(UiExecutor.currentThread());
        assertEquals(List.of("Batch: 1..10000."), seen);
    }

    @Test
    void runningOutOfMemoryIsAFailureToo() {
        BackgroundTask.of(() -> {
            throw new OutOfMemoryError("Java heap space");
        }).onFailure(e -> seen.add(BackgroundTask.describe(e))).run(UiExecutor.currentThread());
        assertTrue(seen.get(0).startsWith("not enough memory"), seen.toString());
    }

    @Test
    void aFutureFailureIsUnwrapped() {
        CompletableFuture<String> f = new CompletableFuture<>();
        List<Throwable> errors = new ArrayList<>();
        BackgroundTask.of(f).onFailure(errors::add).run(UiExecutor.currentThread());
        f.completeExceptionally(new CompletionException(new java.io.IOException("disk full")));
        assertInstanceOf(java.io.IOException.class, errors.get(0));
        assertEquals("disk full", BackgroundTask.describe(errors.get(0)));
    }

    @Test
    void anExceptionWithoutMessageIsNamedNotPrinted() {
        assertEquals("an internal error (NullPointerException)", BackgroundTask.describe(new NullPointerException()));
    }

    @Test
    void nothingRunsInsideTheCallerWhenTheWorkIsQueued() {
        List<Runnable> queue = new ArrayList<>();
        BackgroundTask.of(() -> "r").onSuccess(seen::add).run(QueuedUi.of(queue));
        assertTrue(seen.isEmpty());
        queue.remove(0).run();
        assertEquals(List.of("r"), seen);
    }
}
