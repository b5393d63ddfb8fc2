package org.genscope.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
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
 * <p><b>Snapshots</b> go latest-wins through an {@link AtomicReference}, at most once per
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
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<Snapshot<P>> latest = new AtomicReference<>();
    private final AtomicReference<Snapshot<P>> pending = new AtomicReference<>();
    private volatile Runnable publishHook = () -> {};

    private final Object lock = new Object();
    // Guarded by lock.
    private JobState state = JobState.NEW;
    private boolean wantRunning;
    private boolean stopRequested;
    private boolean active;
    private String failure;
    private long sequence;
    private final ArrayDeque<Runnable> actions = new ArrayDeque<>();
    // Owned by the running work (or, when none is active, by whoever holds the lock).
    private final Speedometer speed = new Speedometer();
    private JobState announced = JobState.NEW;
    private P payload;
    private long lastPayload = Long.MIN_VALUE;
    private long lastPublish;
    private long publishedStep;
    private long tick;

    public TrainingJob(Trainable<P> task, Optimizer optimizer, TrainConfig config, TaskExecutor executor) {
        this(task, optimizer, config, executor, System::nanoTime);
    }

    /** With an explicit clock (nanoseconds), for tests of the snapshot rate and timings. */
    public TrainingJob(Trainable<P> task, Optimizer optimizer, TrainConfig config, TaskExecutor executor,
                       LongSupplier nanoClock) {
        this.loop = new TrainingLoop<>(task, optimizer, config);
        this.executor = executor;
        this.clock = nanoClock;
        synchronized (lock) {
            publishLocked(clock.getAsLong());
        }
    }

    // ---- commands (any thread) ----

    /** NEW → RUNNING. Returns false (and does nothing) in any other state. */
    public boolean start() {
        synchronized (lock) {
            if (state != JobState.NEW) return false;
            state = JobState.RUNNING;
            wantRunning = true;
            if (!claim()) return true;
        }
        launch();
        return true;
    }

    /** RUNNING → PAUSED after the current step. */
    public boolean pause() {
        synchronized (lock) {
            if (state != JobState.RUNNING || !wantRunning) return false;
            wantRunning = false;
            return true;
        }
    }

    /** PAUSED → RUNNING (also cancels a pause not yet taken). */
    public boolean resume() {
        synchronized (lock) {
            if (state != JobState.PAUSED && !(state == JobState.RUNNING && !wantRunning)) return false;
            state = JobState.RUNNING;
            wantRunning = true;
            if (!claim()) return true;
        }
        launch();
        return true;
    }

    /** Exactly one optimizer step from NEW or PAUSED; the job is PAUSED afterwards. False while running. */
    public boolean step() {
        synchronized (lock) {
            if (state.isTerminal() || wantRunning || stopRequested) return false;
            state = JobState.PAUSED;
            actions.add(this::singleStep);
            if (!claim()) return true;
        }
        launch();
        return true;
    }

    /** Ends the job (STOPPED) after the current step; the parameters stay as they are. */
    public boolean stop() {
        boolean hook;
        synchronized (lock) {
            if (state.isTerminal()) return false;
            stopRequested = true;
            if (active) return true;
            state = announced = JobState.STOPPED;
            hook = publishLocked(clock.getAsLong());
            lock.notifyAll();
        }
        afterPublish(hook);
        listeners.forEach(l -> l.onStateChange(JobState.STOPPED, null));
        return true;
    }

    /**
     * Runs {@code action} on the training side between two steps (at once if the job is idle), e.g. to save or
     * sample the model while it trains. Its failure completes the future exceptionally but does not stop the job.
     */
    public <T> CompletableFuture<T> submit(Callable<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable r = () -> {
            try {
                result.complete(action.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        };
        synchronized (lock) {
            actions.add(r);
            if (!claim()) return result;
        }
        launch();
        return result;
    }

    /** Writes a checkpoint (parameters, optimizer, data order, generators, counters, curves) between steps. */
    public CompletableFuture<Path> saveCheckpoint(Path file) {
        return submit(() -> {
            Checkpoint.write(file, loop);
            return file;
        });
    }

    /**
     * Continues from a checkpoint written by a job of the same model, batch size and training-set size; the
     * learning rate is restored too (set it on the optimizer afterwards to change it). Only before {@link #start};
     * if the file does not fit, the future fails and the job becomes FAILED with the reason.
     */
    public CompletableFuture<Path> restore(Path file) {
        synchronized (lock) {
            if (state != JobState.NEW) throw new IllegalStateException("restore a checkpoint before starting the job");
        }
        // Queued actions run before any step, so a start() right after this call still steps from the checkpoint.
        return submit(() -> {
            try {
                Checkpoint.restore(file, loop);
            } catch (IOException | RuntimeException e) {
                synchronized (lock) {
                    failure = "could not resume: " + e.getMessage();
                }
                throw e;
            }
            return file;
        });
    }

    // ---- observation ----

    public JobState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** The newest snapshot; never null. */
    public Snapshot<P> latest() {
        return latest.get();
    }

    /** The newest snapshot not yet drained, or null if nothing was published since the last call. */
    public Snapshot<P> drain() {
        return pending.getAndSet(null);
    }

    /** Called (on the publishing thread) when a snapshot lands in an empty drain slot; keep it non-blocking. */
    public void setPublishHook(Runnable hook) {
        this.publishHook = hook == null ? () -> {} : hook;
    }

    public void addListener(TrainingListener l) {
        listeners.add(l);
    }

    public void removeListener(TrainingListener l) {
        listeners.remove(l);
    }

    /** Waits until the job is in {@code target}; false on timeout. */
    public boolean awaitState(JobState target, Duration timeout) throws InterruptedException {
        return await(target::equals, timeout);
    }

    /** Waits until the job is STOPPED, FAILED or FINISHED; false on timeout. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return await(JobState::isTerminal, timeout);
    }

    /** Waits until no work is running or queued (a paused, new or ended job); false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return await(s -> !active, timeout);
    }

    private boolean await(Predicate<JobState> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!done.test(state)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    // ---- the training side ----

    /** Under lock: true if the caller must hand a run to the executor. */
    private boolean claim() {
        if (active) return false;
        active = true;
        return true;
    }

    private void launch() {
        try {
            executor.execute(this::run);
        } catch (RuntimeException e) {
            synchronized (lock) {
                active = false;
            }
            throw e;
        }
    }

    /** Under lock: null to take another step, else the state this run should end in. */
    private JobState exitState() {
        JobState blocked = blockingState();
        if (blocked != null) return blocked;
        if (wantRunning) return null;
        return state == JobState.RUNNING ? JobState.PAUSED : state;
    }

    private void run() {
        tick = clock.getAsLong();
        speed.restart(tick, loop.step);
        while (true) {
            try {
                if (runOnce()) return;
            } catch (RuntimeException | Error t) {
                synchronized (lock) {
                    if (failure == null) failure = "training failed at step " + (loop.step + 1) + ": " + t;
                }
            }
        }
    }

    /** One action, one step, or the end of this run (then true). */
    private boolean runOnce() {
        Runnable action;
        JobState exit = null;
        JobState changed = null;
        boolean hook = false;
        synchronized (lock) {
            if (state != announced) {
                changed = announced = state;
                hook = publishLocked(clock.getAsLong());
            }
            action = actions.poll();
            if (action == null) exit = exitState();
        }
        afterPublish(hook);
        if (changed != null) announce(changed, null);
        if (action != null) action.run();
        else if (exit == null) stepOnce();
        else return finishRun(exit);
        return false;
    }

    private void singleStep() {
        synchronized (lock) {
            if (blockingState() != null) return;
        }
        stepOnce();
    }

    /** Under lock: a state that forbids any further step, or null. */
    private JobState blockingState() {
        if (state.isTerminal()) return state;
        if (failure != null) return JobState.FAILED;
        if (stopRequested) return JobState.STOPPED;
        return loop.finished() ? JobState.FINISHED : null;
    }

    private void stepOnce() {
        String why = loop.step();
        if (why != null) {
            synchronized (lock) {
                failure = why;
            }
            return;
        }
        long now = clock.getAsLong();
        loop.elapsedNanos += now - tick;
        tick = now;
        for (TrainingListener l : listeners) l.onStep(loop.step, loop.epoch(), loop.lastLoss);
        if (loop.validationDue()) validate();
        if (loop.atEpochEnd()) for (TrainingListener l : listeners) l.onEpochEnd(loop.epoch(), loop.step);
        TrainConfig c = loop.config;
        if (c.checkpointEvery() > 0 && loop.step % c.checkpointEvery() == 0) {
            try {
                Checkpoint.write(c.checkpointPath(), loop);
            } catch (IOException e) {
                synchronized (lock) {
                    failure = "could not write checkpoint at step " + loop.step + ": " + e.getMessage();
                }
                return;
            }
        }
        now = clock.getAsLong();
        speed.update(now, loop.step);
        if (now - lastPayload >= c.payloadInterval().toNanos() || lastPayload == Long.MIN_VALUE) refreshPayload(now);
        if (now - lastPublish >= c.snapshotInterval().toNanos()) {
            boolean hook;
            synchronized (lock) {
                hook = publishLocked(now);
            }
            afterPublish(hook);
        }
    }

    private void validate() {
        OptionalDouble v = loop.validate();
        if (v.isPresent()) for (TrainingListener l : listeners) l.onValidation(loop.step, v.getAsDouble());
    }

    private void refreshPayload(long now) {
        payload = loop.task.payload();
        lastPayload = now;
    }

    /** Ends this run in {@code exit} unless a command arrived meanwhile; true if the run is over. */
    private boolean finishRun(JobState exit) {
        JobState current = state();
        if (exit != current) {
            try {
                if (exit == JobState.FINISHED && loop.validatedAt != loop.step) validate();
                if (loop.step > 0) refreshPayload(clock.getAsLong());
            } catch (RuntimeException e) {
                if (exit != JobState.FAILED) throw e; // becomes FAILED in run()
            }
        }
        boolean hook = false;
        String message;
        synchronized (lock) {
            if (!actions.isEmpty() || exitState() != exit) return false;
            state = exit;
            active = false;
            if (exit != announced || loop.step != publishedStep) hook = publishLocked(clock.getAsLong());
            announced = exit;
            message = failure;
            lock.notifyAll();
        }
        // The run is over: another may start at any moment, so nothing below may fail back into this one.
        try {
            afterPublish(hook);
            if (exit != current) announce(exit, exit == JobState.FAILED ? message : null);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "training listener failed after the job became " + exit, e);
        }
        return true;
    }

    private void announce(JobState s, String message) {
        for (TrainingListener l : listeners) l.onStateChange(s, message);
    }

    /** Under lock: builds and publishes a snapshot; true if the publish hook should run. */
    private boolean publishLocked(long now) {
        long remaining = Math.max(0, loop.totalSteps - loop.step);
        Snapshot<P> s = new Snapshot<>(++sequence, state, loop.step, loop.totalSteps, loop.epoch(),
                loop.order.stepsPerEpoch(), loop.lastLoss, loop.lastValidation, loop.trainHistory.toCurve(),
                loop.validationHistory.toCurve(), loop.optimizer.learningRate(), loop.elapsedNanos / 1e9,
                speed.stepsPerSecond(), speed.etaSeconds(remaining), state == JobState.FAILED ? failure : null, payload);
        latest.set(s);
        lastPublish = now;
        publishedStep = loop.step;
        return pending.getAndSet(s) == null;
    }

    private void afterPublish(boolean hook) {
        if (hook) publishHook.run();
    }

    /** Saves the model (parameters and buffers) with the task's metadata plus {@code extra}, between steps. */
    public CompletableFuture<Path> saveModel(Path file, Map<String, String> extra) {
        return submit(() -> {
            Checkpoint.writeModel(file, loop, extra);
            return file;
        });
    }
}
