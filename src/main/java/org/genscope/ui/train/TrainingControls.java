package org.genscope.ui.train;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.genscope.train.JobState;

/** Start / Pause / Step / Stop buttons, a progress bar and a one-line status, bound to a {@link JobViewModel}. */
public final class TrainingControls extends VBox {
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
        HBox.setHgrow(bar, Priority.ALWAYS);
        HBox buttons = new HBox(6, start, pause, step, stop);
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
}
