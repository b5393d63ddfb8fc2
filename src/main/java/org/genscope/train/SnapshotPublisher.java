package org.genscope.train;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds {@link Snapshot}s of a {@link TrainingLoop} and hands them over latest-wins: {@link #latest} always holds
 * the newest, {@link #drain} takes the newest not yet taken. The hook runs when a snapshot lands in an empty drain
 * slot, so a UI that schedules one redraw per hook call never queues more than one (as
 * {@code javafx.concurrent.Task.updateValue} coalesces).
 */
final class SnapshotPublisher<P> {
    private final AtomicReference<Snapshot<P>> latest = new AtomicReference<>();
    private final AtomicReference<Snapshot<P>> pending = new AtomicReference<>();
    private volatile Runnable hook = () -> {};
    private final AtomicBoolean hookDue = new AtomicBoolean();
    final Speedometer speed = new Speedometer();
    private long sequence;
    private long lastPublish;
    private long publishedStep = -1;
    private P payload;
    private long lastPayload = Long.MIN_VALUE;

    /** Publishes the loop's current state; the hook then runs at the next {@link #runHook}, outside any lock. */
    synchronized void publish(TrainingLoop<P> loop, JobState state, String failure, long now) {
        long remaining = Math.max(0, loop.totalSteps - loop.step);
        Snapshot<P> s = new Snapshot<>(++sequence, state, loop.step, loop.totalSteps, loop.epoch(),
                loop.order.stepsPerEpoch(), loop.lastLoss, loop.lastValidation, loop.trainHistory.toCurve(),
                loop.validationHistory.toCurve(), loop.optimizer.learningRate(), loop.elapsedNanos / 1e9,
                speed.stepsPerSecond(), speed.etaSeconds(remaining), state == JobState.FAILED ? failure : null, payload);
        latest.set(s);
        lastPublish = now;
        publishedStep = loop.step;
        if (pending.getAndSet(s) == null) hookDue.set(true);
    }

    synchronized boolean due(long now, long intervalNanos) {
        return now - lastPublish >= intervalNanos;
    }

    /** True if steps were taken since the last snapshot. */
    synchronized boolean behind(TrainingLoop<P> loop) {
        return loop.step != publishedStep;
    }

    /** Rebuilds the model's payload (on the training side) if it is older than {@code intervalNanos}. */
    void refreshPayload(TrainingLoop<P> loop, long now, long intervalNanos) {
        if (lastPayload == Long.MIN_VALUE || now - lastPayload >= intervalNanos) {
            payload = loop.task.payload();
            lastPayload = now;
        }
    }

    void runHook() {
        if (hookDue.getAndSet(false)) hook.run();
    }

    void setHook(Runnable h) {
        hook = h == null ? () -> {} : h;
    }

    Snapshot<P> latest() {
        return latest.get();
    }

    Snapshot<P> drain() {
        return pending.getAndSet(null);
    }
}
