package org.genscope.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.genscope.nn.Optimizer;

/**
 * One training job (one per workspace): runs a {@link Trainable} with an {@link Optimizer} on a
 * {@link TaskExecutor}, takes commands from any thread and publishes immutable {@link Snapshot}s.
 *
 * <p><b>Commands</b> ({@link #start}, {@link #pause}, {@link #resume}, {@link #step}, {@link #stop},
 * {@link #submit}) are checked between optimizer steps, so each takes effect within one step. A paused job holds
 * no thread: the run returns, and {@code resume}/{@code step}/{@code submit} hand new work to the executor.
 * Everything that touches the model runs on the executor, one piece at a time.
 *
 * <p><b>Snapshots</b> go latest-wins through an {@code AtomicReference}, at most once per
 * {@code snapshotInterval} while running, plus at once on every state change and when a run ends. The UI calls
 * {@link #drain} once per frame (or from the {@link #setPublishHook publish hook}, which fires only when the slot
 * was empty, as {@code javafx.concurrent.Task.updateValue} coalesces), and never sees the live model.
 *
 * <p><b>NaN guard</b>: see {@link TrainingLoop}. A failed job keeps the last good parameters and says why.
 */
public final class TrainingJob<P> {
    private static final System.Logger LOG = System.getLogger(TrainingJob.class.getName());

    private final TrainingLoop<P> loop;
    private final TaskExecutor executor;
    private final LongSupplier clock;
    private final JobControl control;
    private final SnapshotPublisher<P> snapshots = new SnapshotPublisher<>();
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private long tick; // owned by the runner

    public TrainingJob(Trainable<P> task, Optimizer optimizer, TrainConfig config, TaskExecutor executor) {
        this(task, optimizer, config, executor, System::nanoTime);
    }

    /** With an explicit clock (nanoseconds), for tests of the snapshot rate and timings. */
    public TrainingJob(Trainable<P> task, Optimizer optimizer, TrainConfig config, TaskExecutor executor,
                       LongSupplier nanoClock) {
        this.loop = new TrainingLoop<>(task, optimizer, config);
        this.executor = executor;
        this.clock = nanoClock;
        this.control = new JobControl(loop::finished);
        publish(JobState.NEW);
    }

    // ---- commands (any thread); each returns false if the job's state does not allow it ----

    /** NEW → RUNNING. */
    public boolean start() {
        return act(control.start());
    }

    /** RUNNING → PAUSED after the current step. */
    public boolean pause() {
        return control.pause();
    }

    /** PAUSED → RUNNING (also cancels a pause not yet taken). */
    public boolean resume() {
        return act(control.resume());
    }

    /** Exactly one optimizer step from NEW or PAUSED; the job is PAUSED afterwards. Refused while running. */
    public boolean step() {
        return act(control.step(this::singleStep));
    }

    /** Ends the job (STOPPED) after the current step; the parameters stay as they are. */
    public boolean stop() {
        JobControl.Outcome o = control.stop(this::publish);
        if (o == JobControl.Outcome.LAUNCH) {
            snapshots.runHook();
            announce(JobState.STOPPED, null);
        }
        return o != JobControl.Outcome.REFUSED;
    }

    /**
     * Runs {@code action} on the training side between two steps (at once if the job is idle), e.g. to save or
     * sample the model while it trains. Its failure completes the future exceptionally but does not stop the job.
     */
    public <T> CompletableFuture<T> submit(Callable<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        act(control.submit(() -> {
            try {
                result.complete(action.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        }));
        return result;
    }

    /**
     * Publishes a snapshot of the model as it is, with its validation loss and payload, without training: e.g. a
     * model just loaded from a file, so the views show it before (or instead of) training. Runs between steps.
     */
    public CompletableFuture<Void> showModel() {
        return submit(() -> {
            validate();
            snapshots.refreshPayload(loop, clock.getAsLong(), 0);
            publish(control.state());
            snapshots.runHook();
            return null;
        });
    }

    /** Writes a checkpoint (parameters, optimizer, data order, generators, counters, curves) between steps. */
    public CompletableFuture<Path> saveCheckpoint(Path file) {
        return submit(() -> {
            Checkpoint.write(file, loop);
            return file;
        });
    }

    /** Saves the model (parameters and buffers) with the task's metadata plus {@code extra}, between steps. */
    public CompletableFuture<Path> saveModel(Path file, Map<String, String> extra) {
        return submit(() -> {
            Checkpoint.writeModel(file, loop, extra);
            return file;
        });
    }

    /** The bytes of the model file {@link #saveModel} writes (for a session archive), taken between steps. */
    public CompletableFuture<byte[]> modelBytes(Map<String, String> extra) {
        return submit(() -> Checkpoint.modelBytes(loop, extra));
    }

    /**
     * Continues from a checkpoint written by a job of the same model, batch size and training-set size; the
     * learning rate is restored too (set it on the optimizer afterwards to change it). Only before {@link #start};
     * if the file does not fit, the future fails and the job becomes FAILED with the reason.
     */
    public CompletableFuture<Path> restore(Path file) {
        if (control.state() != JobState.NEW) throw new IllegalStateException("restore a checkpoint before starting the job");
        // Queued actions run before any step, so a start() right after this call still steps from the checkpoint.
        return submit(() -> {
            try {
                Checkpoint.restore(file, loop);
            } catch (IOException | RuntimeException e) {
                control.fail("could not resume: " + e.getMessage());
                throw e;
            }
            return file;
        });
    }

    // ---- observation (any thread) ----

    public JobState state() {
        return control.state();
    }

    /** The newest snapshot; never null. */
    public Snapshot<P> latest() {
        return snapshots.latest();
    }

    /** The newest snapshot not yet drained, or null if nothing was published since the last call. */
    public Snapshot<P> drain() {
        return snapshots.drain();
    }

    /** Called (on the publishing thread) when a snapshot lands in an empty drain slot; keep it non-blocking. */
    public void setPublishHook(Runnable hook) {
        snapshots.setHook(hook);
    }

    public void addListener(TrainingListener l) {
        listeners.add(l);
    }

    public void removeListener(TrainingListener l) {
        listeners.remove(l);
    }

    /** Waits until the job is in {@code target}; false on timeout. */
    public boolean awaitState(JobState target, Duration timeout) throws InterruptedException {
        return control.await(target::equals, false, timeout);
    }

    /** Waits until the job is STOPPED, FAILED or FINISHED; false on timeout. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return control.await(JobState::isTerminal, false, timeout);
    }

    /** Waits until no work is running or queued (a paused, new or ended job holds no thread); false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return control.await(s -> true, true, timeout);
    }

    // ---- the runner: one at a time, on the executor ----

    private boolean act(JobControl.Outcome o) {
        if (o == JobControl.Outcome.LAUNCH) {
            try {
                executor.execute(this::run);
            } catch (RuntimeException e) {
                control.launchFailed();
                throw e;
            }
        }
        return o != JobControl.Outcome.REFUSED;
    }

    private void publish(JobState s) {
        snapshots.publish(loop, s, control.failure(), clock.getAsLong());
    }

    private void run() {
        tick = clock.getAsLong();
        snapshots.speed.restart(tick, loop.step);
        while (true) {
            try {
                if (runOnce()) return;
            } catch (RuntimeException | Error t) {
                control.fail("training failed at step " + (loop.step + 1) + ": " + t);
            }
        }
    }

    /** One action, one step, or the end of this run (then true). */
    private boolean runOnce() {
        JobControl.Decision d = control.next(this::publish);
        snapshots.runHook();
        if (d.newlyEntered() != null) announce(d.newlyEntered(), null);
        if (d.action() != null) d.action().run();
        else if (d.exit() == null) stepOnce();
        else return finishRun(d.exit());
        return false;
    }

    private void singleStep() {
        if (control.mayStep()) stepOnce();
    }

    private void stepOnce() {
        String why = loop.step();
        if (why != null) {
            control.fail(why);
            return;
        }
        long now = clock.getAsLong();
        loop.elapsedNanos += now - tick;
        tick = now;
        for (TrainingListener l : listeners) l.onStep(loop.step, loop.epoch(), loop.lastLoss);
        if (loop.validationDue()) {
            validateGuarded();
            if (control.state() == JobState.FAILED) return;
        }
        if (loop.atEpochEnd()) for (TrainingListener l : listeners) l.onEpochEnd(loop.epoch(), loop.step);
        TrainConfig c = loop.config;
        if (c.checkpointEvery() > 0 && loop.step % c.checkpointEvery() == 0) {
            try {
                Checkpoint.write(c.checkpointPath(), loop);
            } catch (IOException e) {
                control.fail("could not write checkpoint at step " + loop.step + ": " + e.getMessage());
                return;
            }
        }
        now = clock.getAsLong();
        snapshots.speed.update(now, loop.step);
        snapshots.refreshPayload(loop, now, c.payloadInterval().toNanos());
        if (snapshots.due(now, c.snapshotInterval().toNanos())) {
            publish(control.state());
            snapshots.runHook();
        }
    }

    private void validate() {
        OptionalDouble v = loop.validate();
        if (v.isPresent()) for (TrainingListener l : listeners) l.onValidation(loop.step, v.getAsDouble());
    }

    /** Validates during the run; a diverging loss fails the job (best parameters restored). */
    private void validateGuarded() {
        validate();
        String why = loop.divergence();
        if (why != null) control.fail(why);
    }

    /** Ends this run in {@code exit} unless a command arrived meanwhile; true if the run is over. */
    private boolean finishRun(JobState exit) {
        JobState current = control.state();
        if (exit != current) {
            try {
                if (exit == JobState.FINISHED && loop.validatedAt != loop.step) validate();
                if (loop.step > 0) snapshots.refreshPayload(loop, clock.getAsLong(), 0);
            } catch (RuntimeException e) {
                if (exit != JobState.FAILED) throw e; // becomes FAILED in run()
            }
        }
        JobState before = control.commit(exit, s -> {
            if (s != current || snapshots.behind(loop)) publish(s);
        });
        if (before == null) return false;
        // The run is over and another may start at any moment: nothing below may fail back into this one.
        try {
            snapshots.runHook();
            if (exit != before) announce(exit, exit == JobState.FAILED ? control.failure() : null);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "training listener failed after the job became " + exit, e);
        }
        return true;
    }

    private void announce(JobState s, String message) {
        for (TrainingListener l : listeners) l.onStateChange(s, message);
    }
}
