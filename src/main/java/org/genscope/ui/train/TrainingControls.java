package org.genscope.ui.train;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.genscope.cli.TrainCommand;
import org.genscope.train.JobState;

/**
 * Start / Pause / Step / Stop buttons, a progress bar and a status line, bound to a {@link JobViewModel}. The
 * buttons keep one readable size in every state, theme and presenter mode: each is as wide as the longest text it
 * can show (Train / Resume / Train again / Preparing…), never clipped, and the row wraps rather than overflowing a
 * narrow panel; the status wraps under them.
 */
public final class TrainingControls extends VBox {
    /** Every text the start button can show. */
    static final String[] START_TEXTS = {"Train", "Resume", "Train again", "Preparing…"};

    /** Longest command text the run line shows (the clipboard gets all of it). */
    static final int SHOWN_CHARACTERS = 400;

    /**
     * The controls of a run lifecycle's job, and under them the run's command line — its seed and settings — with
     * Copy as command, which puts the {@code genscope train …} command that trains the same model on the clipboard.
     */
    public TrainingControls(RunLifecycle<?, ?> run) {
        this(run.job());
        Label line = new Label();
        line.setId("train-command");
        line.getStyleClass().addAll("muted", "run-command");
        line.setWrapText(true);
        Label notes = new Label();
        notes.setId("train-command-notes");
        notes.getStyleClass().add("warning-text");
        notes.setWrapText(true);
        Button copy = new Button("Copy as command");
        copy.setId("train-copy-command");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setTooltip(new Tooltip("Put the genscope train command that trains this run's model (same data, settings "
                + "and seed) on the clipboard"));
        copy.disableProperty().bind(run.commandProperty().isNull());
        Runnable show = () -> {
            TrainCommand c = run.commandProperty().get();
            String text = c == null ? "" : c.summary();
            line.setText(text.length() > SHOWN_CHARACTERS ? text.substring(0, SHOWN_CHARACTERS) + " …" : text);
            notes.setText(c == null || c.notes().isEmpty() ? "" : "The command cannot repeat all of this run: "
                    + String.join("; ", c.notes()) + ".");
            notes.setManaged(!notes.getText().isEmpty());
            notes.setVisible(!notes.getText().isEmpty());
        };
        run.commandProperty().addListener((o, a, b) -> show.run());
        show.run();
        copy.setOnAction(e -> run.copyCommand());
        getChildren().addAll(copy, line, notes);
    }

    public TrainingControls(JobViewModel<?> vm) {
        Button start = new Button("Train");
        start.setId("train-start");
        start.getStyleClass().add("accent");
        Button pause = new Button("Pause");
        pause.setId("train-pause");
        Button step = new Button("Step");
        step.setId("train-step");
        Button stop = new Button("Stop");
        stop.setId("train-stop");
        stop.setTooltip(new Tooltip("End this run (the trained weights stay)"));
        start.setTooltip(new Tooltip("Train a new model from the settings, or resume a paused run (Ctrl+Enter)"));
        pause.setTooltip(new Tooltip("Pause after the current step (Esc); Resume goes on exactly where it stopped"));

        var state = vm.stateProperty();
        var running = Bindings.createBooleanBinding(() -> state.get() == JobState.RUNNING, state);
        var startable = Bindings.createBooleanBinding(() -> !vm.preparingProperty().get()
                && state.get() != JobState.RUNNING, state, vm.preparingProperty());
        var steppable = Bindings.createBooleanBinding(() -> vm.hasJobProperty().get()
                && (state.get() == JobState.NEW || state.get() == JobState.PAUSED || state.get() == JobState.RUNNING),
                state, vm.hasJobProperty());
        step.setTooltip(new Tooltip("One optimizer step, then pause"));
        start.textProperty().bind(Bindings.createStringBinding(() -> vm.preparingProperty().get() ? "Preparing…"
                : state.get() == JobState.PAUSED ? "Resume"
                : state.get().isTerminal() ? "Train again" : "Train", state, vm.preparingProperty()));
        start.disableProperty().bind(startable.not());
        pause.disableProperty().bind(running.not());
        step.disableProperty().bind(steppable.not());
        stop.disableProperty().bind(Bindings.or(running, Bindings.createBooleanBinding(
                () -> state.get() == JobState.PAUSED, state)).not());
        start.setOnAction(e -> vm.start());
        pause.setOnAction(e -> vm.pause());
        step.setOnAction(e -> vm.step());
        stop.setOnAction(e -> vm.stop());

        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        for (Button b : new Button[] {start, pause, step, stop}) b.setMinWidth(Region.USE_PREF_SIZE);
        fitWidest(start, START_TEXTS);
        FlowPane buttons = new FlowPane(6, 6, start, pause, step, stop);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("train-status");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        status.styleProperty().bind(Bindings.when(Bindings.createBooleanBinding(
                () -> state.get() == JobState.FAILED, state)).then("-fx-text-fill: -app-danger;").otherwise(""));
        setSpacing(6);
        getChildren().addAll(buttons, bar, status);
        getStyleClass().add("training-controls");
    }

    /** Makes {@code b} as wide as its widest possible text in its current font (and again when the font changes). */
    private static void fitWidest(Button b, String[] texts) {
        Runnable fit = () -> {
            double widest = 0;
            for (String t : texts) widest = Math.max(widest, textWidth(t, b.getFont()));
            b.setPrefWidth(Math.ceil(widest + b.snappedLeftInset() + b.snappedRightInset() + 2));
        };
        b.fontProperty().addListener((o, a, f) -> fit.run());
        b.insetsProperty().addListener((o, a, i) -> fit.run());
        fit.run();
    }

    static double textWidth(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
