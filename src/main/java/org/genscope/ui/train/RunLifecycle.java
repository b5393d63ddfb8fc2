package org.genscope.ui.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.genscope.cli.TrainCommand;
import org.genscope.compare.Entry;
import org.genscope.io.ModelFile;
import org.genscope.train.JobState;
import org.genscope.train.Snapshot;
import org.genscope.train.TrainingJob;
import org.genscope.ui.common.BackgroundTask;
import org.genscope.ui.common.UiExecutor;

/**
 * The one run lifecycle of every training workspace (MADE, Flows, and the ones to come), free of controls so a
 * view-model can own it and be tested without a window:
 *
 * <pre>
 *   FX thread   plan = planner.plan(opened)    read + validate the settings (a bad one → the error line)
 *   background  run  = plan.call()             load the data, build the model (or take the opened one), the job
 *   FX thread   run.show(); attach(run.job)    reset the views for that data, watch the job
 *               new model → start; opened model → showModel (shown as it is; Train trains it further)
 * </pre>
 *
 * A run's model goes to the Compare view ({@link #publishTo}) when the run pauses, finishes or is stopped, and when an
 * opened model is shown: the workspace's {@link EntryMaker} copies it between two steps.
 *
 * Besides that: a model opened from a file ({@link #open}) either is shown ({@link #show}) or waits for the data it
 * was trained on ({@link #await}, {@link #showPending}); {@link #save} writes the trained model; errors go to the
 * workspace's error line, outcomes to the status bar's message line.
 *
 * @param <M> the workspace's model type (what a model file opens as)
 * @param <P> the job's payload type
 */
public final class RunLifecycle<M, P> {
    /** The workspace's part: turns its settings into the work that prepares a run. */
    @FunctionalInterface
    public interface Planner<M, P> {
        /**
         * FX thread: reads and checks the settings and returns the work that prepares the run off the FX thread.
         *
         * @param opened a model opened from a file to show as it is, or null for a new one from the settings
         * @throws IllegalArgumentException with a sentence for the error line when a setting is unusable
         */
        Callable<Prepared<P>> plan(M opened);
    }

    /** Turns a model file, read and checked, into what the workspace opens; throws with a message for the user. */
    @FunctionalInterface
    public interface Loader<O> {
        O load(ModelFile file) throws IOException;
    }

    /**
     * The run as a leaderboard entry: called on the training side between two steps, so it may copy the live model.
     */
    @FunctionalInterface
    public interface EntryMaker {
        /**
         * @param key the run's key (the entry of a run replaces its earlier ones)
         * @param run how this run is named in the table, e.g. "run 2, step 1,200" or "opened m.safetensors"
         */
        Entry entry(String key, String run) throws Exception;
    }

    /**
     * A prepared run.
     *
     * @param job   the job, not started
     * @param show  FX thread, before the job is attached: the views are reset for this run's data
     * @param entry the run's model for the Compare view
     * @param command the {@code genscope train} command that trains this run's model (Copy as command)
     */
    public record Prepared<P>(TrainingJob<P> job, Runnable show, EntryMaker entry, TrainCommand command) {}

    private final UiExecutor ui;
    private final JobViewModel<P> job;
    private final StringProperty error;
    private final StringProperty message;
    private final ReadOnlyBooleanWrapper hasModel = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<TrainCommand> command = new ReadOnlyObjectWrapper<>();
    private final String name;
    private Planner<M, P> planner = opened -> {
        throw new IllegalStateException("no planner set");
    };
    private M pending;
    private long savedAtStep = -1;
    private Consumer<Entry> published = e -> { };
    private EntryMaker entry;
    private String runName = "";
    private String openedName = "";
    private int runs;

    /**
     * @param name    what the workspace trains, for the status line (e.g. "MADE")
     * @param error   the workspace's error line (under its settings)
     * @param message the status bar's line for the outcome of the latest action
     */
    public RunLifecycle(String name, UiExecutor ui, StringProperty error, StringProperty message) {
        this.ui = ui;
        this.error = error;
        this.message = message;
        this.job = new JobViewModel<>(name, ui);
        this.name = name;
        job.setNewRun(this::train);
        job.stateProperty().addListener((o, was, now) -> {
            if (now == JobState.PAUSED || now == JobState.FINISHED || now == JobState.STOPPED) publish();
        });
    }

    /**
     * Where this workspace's models go when a run pauses or ends, or an opened model is shown (the shell's
     * {@link SessionModels}, for the Compare view).
     */
    public void publishTo(Consumer<Entry> sink) {
        published = sink;
    }

    public void setPlanner(Planner<M, P> planner) {
        this.planner = planner;
    }

    public JobViewModel<P> job() {
        return job;
    }

    /** Whether there is a model to save (a run was prepared). */
    public ReadOnlyBooleanProperty hasModelProperty() {
        return hasModel.getReadOnlyProperty();
    }

    /**
     * The command line of the run shown now, or null before the first run: the run's seed and settings, and what
     * Copy as command puts on the clipboard.
     */
    public ReadOnlyObjectProperty<TrainCommand> commandProperty() {
        return command.getReadOnlyProperty();
    }

    /** Copy as command: the shown run's command onto the clipboard, and the status line says so. FX thread. */
    public void copyCommand() {
        TrainCommand c = command.get();
        if (c == null) return;
        ClipboardContent content = new ClipboardContent();
        content.putString(c.text());
        Clipboard.getSystemClipboard().setContent(content);
        message.set("Copied the genscope train " + c.kind() + " command of this run to the clipboard"
                + (c.notes().isEmpty() ? "" : " (with a note on what it cannot repeat)"));
    }

    /** Train with no job to start or resume: a new model from the settings (a model waiting for its data is dropped). */
    public void train() {
        pending = null;
        prepare(null);
    }

    /** Shows an opened model as it is, on the data the settings now name; Train then trains it further. */
    public void show(M opened) {
        pending = null;
        prepare(opened);
    }

    /** An opened model whose data is not here yet: it waits (nothing is shown on unrelated data). */
    public void await(M opened, String note) {
        pending = opened;
        job.attach(null);
        hasModel.set(false);
        message.set(note);
    }

    /** The opened model waiting for its data, or null. */
    public M pending() {
        return pending;
    }

    /** New data arrived: shows the waiting model on it if it {@code fits}; whether it did. */
    public boolean showPending(Predicate<M> fits) {
        M m = pending;
        if (m == null || !fits.test(m)) return false;
        show(m);
        return true;
    }

    private void prepare(M opened) {
        Callable<Prepared<P>> work;
        try {
            work = planner.plan(opened);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        error.set("");
        job.preparingProperty().set(true);
        BackgroundTask.of(work).onSuccess(run -> {
            job.preparingProperty().set(false);
            run.show().run();
            job.attach(run.job());
            hasModel.set(true);
            savedAtStep = opened == null ? -1 : 0;        // an opened model is saved as it is
            entry = run.entry();
            command.set(opened == null ? run.command() : run.command().withNote("the model shown was opened from "
                    + openedName + "; this command trains a new one from the same settings, it does not continue that one"));
            runs++;
            runName = opened == null ? "run " + runs : "opened " + openedName;
            if (opened == null) {
                run.job().start();
            } else {
                run.job().showModel();
                publish();
            }
        }).onFailure(e -> {
            job.preparingProperty().set(false);
            error.set("Could not start training: " + BackgroundTask.describe(e));
        }).run(ui);
    }

    /**
     * Reads a model file off the FX thread and hands what {@code loader} made of it to {@code opened} on the FX
     * thread; a bad file is named on the status line and explained on the error line.
     */
    public <O> void open(Path file, Loader<O> loader, Consumer<O> opened) {
        open(file.getFileName().toString(), () -> ModelFile.read(file), loader, opened);
    }

    /** The same for a model file already read and checked (an entry of a session file). */
    public <O> void open(ModelFile file, Loader<O> loader, Consumer<O> opened) {
        open(file.path().getFileName().toString(), () -> file, loader, opened);
    }

    private <O> void open(String name, Callable<ModelFile> read, Loader<O> loader, Consumer<O> opened) {
        message.set("Reading " + name + "…");
        openedName = name;
        BackgroundTask.of(() -> loader.load(read.call())).onSuccess(opened).onFailure(e -> {
            message.set("Could not open " + name);
            error.set("Could not open the model: " + BackgroundTask.describe(e));
        }).run(ui);
    }

    /** The shown run's model, copied between steps, to the Compare view (a later one of the same run replaces it). */
    private void publish() {
        TrainingJob<P> j = job.job();
        EntryMaker maker = entry;
        if (j == null || maker == null) return;
        long step = stepOf(j);
        String key = name + " " + runs;
        String run = runName + (step > 0 ? String.format(Locale.ROOT, ", step %,d", step) : "");
        BackgroundTask.of(j.submit(() -> maker.entry(key, run))).onSuccess(published)
                .onFailure(e -> message.set("Could not add the model to Compare: " + BackgroundTask.describe(e))).run(ui);
    }

    /** Saves the job's model to {@code target} between steps (atomically: a failure leaves nothing). */
    public void save(Path target) {
        TrainingJob<P> j = job.job();
        if (j == null) return;
        long step = stepOf(j);
        BackgroundTask.of(j.saveModel(target, Map.of())).onSuccess(path -> {
            savedAtStep = step;
            message.set("Saved model to " + path);
        }).onFailure(e -> message.set("Could not save: " + BackgroundTask.describe(e) + " (nothing was written)")).run(ui);
    }

    /** Whether the model has trained since it was last saved (or opened): quitting would lose that work. */
    public boolean hasUnsavedWork() {
        TrainingJob<P> j = job.job();
        return j != null && stepOf(j) > 0 && stepOf(j) != savedAtStep;
    }

    private static long stepOf(TrainingJob<?> j) {
        Snapshot<?> s = j.latest();
        return s == null ? 0 : s.step();
    }
}
