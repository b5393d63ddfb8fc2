package org.genscope.train;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The command state machine of a {@link TrainingJob}, thread-safe and model-free. Commands record what the user
 * wants; the one run at a time ("the runner") asks {@link #next} between steps what to do and {@link #commit}s
 * the state it ends in. A paused job has no runner: a command that needs one answers {@link Outcome#LAUNCH}.
 */
final class JobControl {
    enum Outcome { REFUSED, ACCEPTED, LAUNCH }

    /** What the runner does next: run {@code action}, else take a step if {@code exit} is null, else end. */
    record Decision(Runnable action, JobState exit, JobState newlyEntered) {}

    private final BooleanSupplier finished;
    private JobState state = JobState.NEW;
    private JobState announced = JobState.NEW;
    private boolean wantRunning;
    private boolean stopRequested;
    private boolean active;
    private String failure;
    private final ArrayDeque<Runnable> actions = new ArrayDeque<>();

    /** {@code finished} tells whether all steps are done; the runner alone calls it. */
    JobControl(BooleanSupplier finished) {
        this.finished = finished;
    }

    synchronized JobState state() {
        return state;
    }

    synchronized String failure() {
        return failure;
    }

    private Outcome claim() {
        if (active) return Outcome.ACCEPTED;
        active = true;
        return Outcome.LAUNCH;
    }

    synchronized Outcome start() {
        if (state != JobState.NEW) return Outcome.REFUSED;
        state = JobState.RUNNING;
        wantRunning = true;
        return claim();
    }

    synchronized boolean pause() {
        if (state != JobState.RUNNING || !wantRunning) return false;
        wantRunning = false;
        return true;
    }

    synchronized Outcome resume() {
        if (state != JobState.PAUSED && !(state == JobState.RUNNING && !wantRunning)) return Outcome.REFUSED;
        state = JobState.RUNNING;
        wantRunning = true;
        return claim();
    }

    synchronized Outcome step(Runnable singleStep) {
        if (state.isTerminal() || wantRunning || stopRequested) return Outcome.REFUSED;
        state = JobState.PAUSED;
        actions.add(singleStep);
        return claim();
    }

    synchronized Outcome submit(Runnable action) {
        actions.add(action);
        return claim();
    }

    /**
     * REFUSED if already ended. With a runner, it ends the job at its next decision (ACCEPTED); without one the
     * job is STOPPED at once, {@code publish} is called under the lock, and the answer is LAUNCH ("announce it").
     */
    synchronized Outcome stop(Consumer<JobState> publish) {
        if (state.isTerminal()) return Outcome.REFUSED;
        stopRequested = true;
        if (active) return Outcome.ACCEPTED;
        state = announced = JobState.STOPPED;
        publish.accept(state);
        notifyAll();
        return Outcome.LAUNCH;
    }

    /** Records why the job must fail (the first reason wins); the runner ends in FAILED at its next decision. */
    synchronized void fail(String why) {
        if (failure == null) failure = why;
    }

    /** The executor refused the runner. */
    synchronized void launchFailed() {
        active = false;
        notifyAll();
    }

    /** A state that forbids any further step, or null. */
    private JobState blockingState() {
        if (state.isTerminal()) return state;
        if (failure != null) return JobState.FAILED;
        if (stopRequested) return JobState.STOPPED;
        return finished.getAsBoolean() ? JobState.FINISHED : null;
    }

    private JobState exitState() {
        JobState blocked = blockingState();
        if (blocked != null) return blocked;
        if (wantRunning) return null;
        return state == JobState.RUNNING ? JobState.PAUSED : state;
    }

    /**
     * Runner: what to do next. {@code newlyEntered} is a state a command entered that was not announced yet; it is
     * published under the lock, so snapshots keep the order of the state changes.
     */
    synchronized Decision next(Consumer<JobState> publish) {
        JobState entered = null;
        if (state != announced) {
            entered = announced = state;
            publish.accept(entered);
        }
        Runnable action = actions.poll();
        return new Decision(action, action == null ? exitState() : null, entered);
    }

    /** Runner: may a single step run now? */
    synchronized boolean mayStep() {
        return blockingState() == null;
    }

    /**
     * Runner: ends the run in {@code exit} (publishing under the lock) unless a command arrived meanwhile; returns
     * the state announced before (so the caller knows whether it changed), or null to keep going.
     */
    synchronized JobState commit(JobState exit, Consumer<JobState> publish) {
        if (!actions.isEmpty() || exitState() != exit) return null;
        JobState before = announced;
        state = announced = exit;
        active = false;
        publish.accept(exit);
        notifyAll();
        return before;
    }

    /** Waits until {@code done} holds for the state (and, with {@code idle}, no runner exists); false on timeout. */
    synchronized boolean await(Predicate<JobState> done, boolean idle, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(state) || (idle && active)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
