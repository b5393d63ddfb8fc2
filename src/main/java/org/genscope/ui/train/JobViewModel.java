package org.genscope.ui.train;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.genscope.train.JobState;
import org.genscope.train.Snapshot;
import org.genscope.train.TrainingJob;
import org.genscope.ui.common.UiExecutor;

/**
 * The UI side of one training job: commands (start, pause/resume, step, stop) and what the controls show.
 * Snapshots are drained at most once per frame on the FX thread ({@link UiExecutor#everyFrame}) — the training
 * thread never touches JavaFX — and handed to the workspace, which updates its charts and canvases.
 *
 * @param <P> the model's payload type
 */
public final class JobViewModel<P> {
    private final String name;
    private final ObjectProperty<TrainingJob<P>> job = new SimpleObjectProperty<>();
    private final ObjectProperty<JobState> state = new SimpleObjectProperty<>(JobState.NEW);
    private final StringProperty status = new SimpleStringProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty hasJob = new SimpleBooleanProperty(false);
    private final BooleanProperty preparing = new SimpleBooleanProperty(false);
    private Consumer<Snapshot<P>> onSnapshot = s -> { };
    private Runnable newRun = () -> { };
    private final UiExecutor.FrameClock frames;

    /** @param name what the job trains, for the status bar (e.g. "MADE") */
    public JobViewModel(String name, UiExecutor ui) {
        this.name = name;
        status.set(name + ": not trained yet");
        this.frames = ui.everyFrame(this::drainNow);
    }

    /** Called on the FX thread with each new snapshot, at most once per frame (the workspace's views). */
    public void setOnSnapshot(Consumer<Snapshot<P>> onSnapshot) {
        this.onSnapshot = onSnapshot;
    }

    /** Shows the job's newest snapshot, if there is a new one (once per frame; tests call it directly). */
    public void drainNow() {
        TrainingJob<P> j = job.get();
        if (j == null) return;
        Snapshot<P> s = j.drain();
        if (s != null) show(s);
    }

    /** Replaces the job (stopping the previous one) and starts watching it. */
    public void attach(TrainingJob<P> newJob) {
        TrainingJob<P> old = job.get();
        if (old != null && old != newJob) old.stop();
        job.set(newJob);
        hasJob.set(newJob != null);
        state.set(newJob == null ? JobState.NEW : newJob.state());
        status.set(name + (newJob == null ? ": not trained yet" : ": ready"));
        progress.set(0);
        if (newJob != null) frames.start();
    }

    public TrainingJob<P> job() {
        return job.get();
    }

    /**
     * What "Train" does when there is no job to start or resume (none yet, or the last one ended): the workspace
     * prepares a new job from its current settings and {@link #attach}es it.
     */
    public void setNewRun(Runnable newRun) {
        this.newRun = newRun;
    }

    /** True while the workspace prepares a run (e.g. loads data); "Train" is disabled meanwhile. */
    public BooleanProperty preparingProperty() {
        return preparing;
    }

    public void start() {
        TrainingJob<P> j = job.get();
        if (j == null || j.state().isTerminal()) {
            newRun.run();
            return;
        }
        switch (j.state()) {
            case NEW -> j.start();
            case PAUSED -> j.resume();
            default -> { }
        }
    }

    public void pause() {
        TrainingJob<P> j = job.get();
        if (j != null) j.pause();
    }

    /** One optimizer step (pausing first if running). */
    public void step() {
        TrainingJob<P> j = job.get();
        if (j == null) return;
        if (j.state() == JobState.RUNNING) j.pause();
        j.step();
    }

    public void stop() {
        TrainingJob<P> j = job.get();
        if (j != null) j.stop();
    }

    /** Stops the job and the frame timer (the workspace is closing). */
    public void dispose() {
        stop();
        frames.stop();
    }

    private void show(Snapshot<P> s) {
        state.set(s.state());
        progress.set(s.progress());
        status.set(describe(name, s));
        onSnapshot.accept(s);
    }

    /** One line for the controls and the status bar, e.g. "MADE: running · epoch 3 · step 1,200/8,000 · 85 steps/s". */
    static String describe(String name, Snapshot<?> s) {
        StringBuilder sb = new StringBuilder(name).append(": ").append(s.state().name().toLowerCase(Locale.ROOT));
        if (s.state() == JobState.FAILED && s.message() != null) return sb.append(" · ").append(s.message()).toString();
        if (s.state() == JobState.NEW && s.step() == 0) return name + ": shown as opened, not trained here";
        sb.append(String.format(Locale.ROOT, " · epoch %d · step %,d/%,d", s.epoch(), s.step(), s.totalSteps()));
        if (s.state() == JobState.RUNNING && s.stepsPerSecond() > 0) {
            sb.append(" · ").append(rate(s.stepsPerSecond())).append(" steps/s");
            if (Double.isFinite(s.etaSeconds())) sb.append(" · ").append(duration(s.etaSeconds())).append(" left");
        }
        return sb.toString();
    }

    /** Steps per second as a class reads it: "85", "4.2", "0.38" (a 128-map Conv-WTA on a busy machine is not "0"). */
    static String rate(double perSecond) {
        if (perSecond >= 10) return String.format(Locale.ROOT, "%.0f", perSecond);
        return String.format(Locale.ROOT, perSecond >= 1 ? "%.1f" : "%.2f", perSecond);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + " s";
        if (s < 3600) return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    public ReadOnlyObjectProperty<JobState> stateProperty() {
        return state;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty hasJobProperty() {
        return hasJob;
    }
}
