package org.genscope.ui.flow;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.genscope.flow.FlowModel;
import org.genscope.flow.LayerStages;
import org.genscope.train.TaskExecutor;
import org.genscope.ui.common.BackgroundTask;
import org.genscope.ui.common.LatestWins;
import org.genscope.ui.common.UiExecutor;
import org.genscope.ui.common.Labels;
import org.genscope.ui.export.ExportService;

/**
 * "Layer by layer": a 2-D flow's generative warp from the base distribution to data space. A large
 * {@link WarpView} at a continuous position t, a scrubber, play forward / backward / pause (eased, about one
 * second per layer at 1×, optionally back and forth), a {@link LayerStrip} of every stage, and export of the
 * animation as a GIF or as PNG frames. Stages come either ready-made ({@link #show}) or as a model whose stages
 * are computed on the executor, latest model wins ({@link #submit}): the interface never waits for that work or
 * for training. FX thread only, except where said.
 */
public final class LayerByLayerPanel extends BorderPane {
    /** Asks for a directory; tests replace the chooser with a fixed answer. */
    public interface DirectoryAsker {
        Optional<Path> ask(Window owner, String title, File initialDir);
    }

    private final WarpPlayer player = new WarpPlayer();
    private final WarpView view = new WarpView();
    private final LayerStrip strip = new LayerStrip();
    private final Slider scrubber = new Slider(0, 1, 0);
    private final Label readout = new Label();
    private final Label status = new Label();
    private final Button backward = new Button("◀");
    private final Button pause = new Button("❚❚");
    private final Button forward = new Button("▶");
    private final MenuItem exportGif = new MenuItem("Animated GIF…");
    private final MenuItem exportPng = new MenuItem("PNG frames…");
    private final MenuButton export = new MenuButton("Export", null, exportGif, exportPng);
    private final LatestWins<FlowModel, LayerStages> computed;
    private final WarpExportActions exports;
    private LayerStages stages;

    /** Computes submitted models' stages on a daemon thread of its own. */
    public LayerByLayerPanel() {
        this(UiExecutor.javafx(TaskExecutor.daemonThreads("layer-stages")));
    }

    /** Computes submitted models' stages and writes exports off the FX thread through {@code ui}. */
    public LayerByLayerPanel(UiExecutor ui) {
        computed = new LatestWins<>(ui, LayerStages::compute, this::show,
                e -> report("Cannot show the layers: " + BackgroundTask.describe(e), true));
        exports = new WarpExportActions(ui, busy -> updateButtons(), this::report);
        getStyleClass().add("layer-by-layer");
        view.positionProperty().bind(player.positionProperty());
        scrubber.valueProperty().bindBidirectional(player.positionProperty());
        scrubber.setShowTickMarks(true);
        scrubber.setShowTickLabels(true);
        scrubber.setMajorTickUnit(1);
        scrubber.setMinorTickCount(0);
        scrubber.setBlockIncrement(1);
        scrubber.valueChangingProperty().addListener((o, was, now) -> {
            if (now) player.pause();
        });
        scrubber.setOnMousePressed(e -> player.pause());
        // one label per layer only while they have room (about 2.5 em each); the readout gives the position anyway
        javafx.beans.InvalidationListener labels = o -> scrubber.setShowTickLabels(
                scrubber.getWidth() / Math.max(1, scrubber.getMax()) > 2.5 * readout.getFont().getSize());
        scrubber.widthProperty().addListener(labels);
        scrubber.maxProperty().addListener(labels);
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        player.positionProperty().addListener((o, old, now) -> positionChanged(now.doubleValue()));
        strip.setOnPick(k -> {
            player.pause();
            player.positionProperty().set(k);
        });
        backward.setOnAction(e -> player.playBackward());
        pause.setOnAction(e -> player.pause());
        forward.setOnAction(e -> player.playForward());
        exportGif.setOnAction(e -> exportGif());
        exportPng.setOnAction(e -> exportPngFrames());
        backward.setTooltip(new Tooltip("Play backward: data → base"));
        pause.setTooltip(new Tooltip("Pause"));
        forward.setTooltip(new Tooltip("Play forward: base → data"));
        backward.setId("warp-play-backward");
        pause.setId("warp-pause");
        forward.setId("warp-play-forward");
        export.setId("warp-export");
        exportGif.setId("warp-export-gif");
        exportPng.setId("warp-export-png");
        status.setId("warp-status");
        readout.getStyleClass().add("warp-readout");
        player.stateProperty().addListener((o, old, now) -> updateButtons());

        ComboBox<Double> speed = new ComboBox<>();
        speed.getItems().setAll(0.25, 0.5, 1.0, 2.0, 4.0);
        speed.setConverter(Labels.converter(v -> (v < 1 ? String.valueOf(v) : String.valueOf(v.intValue())) + "×"));
        speed.setValue(1.0);
        speed.valueProperty().addListener((o, old, now) -> player.setSecondsPerLayer(1 / now));
        CheckBox bounce = new CheckBox("⇄");
        bounce.setTooltip(new Tooltip("Bounce: play back and forth between the base and the data"));
        bounce.selectedProperty().addListener((o, old, now) -> player.setBounce(now));

        // the tab names the view; what it shows is the view's own tooltip (a title here only clipped in presenter mode)
        Tooltip.install(view, new Tooltip("The generative direction: samples z of the base distribution and a grid of "
                + "lines, carried through the inverted layers to data space, with the density of each stage underneath"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        CheckBox grid = toggle("Grid", "Lines of a regular grid in base space", view::setShowGrid);
        CheckBox samples = toggle("Samples", "Base samples; each keeps the colour of the base region it starts in", view::setShowPoints);
        CheckBox density = toggle("Density", "The exact density of the variable at this stage", view::setShowDensity);
        speed.setTooltip(new Tooltip("Playback speed (1× = one second per layer)"));
        HBox top = bar(status, spacer, grid, samples, density, export);
        HBox controls = bar(backward, pause, forward, scrubber, readout, speed, bounce);
        // only the status and the scrubber give up room when the window is narrow (presenter type)
        // (an HBox shrinks only children with a grow priority; their max width keeps them from growing past pref)
        status.setMinWidth(0);
        scrubber.setMinWidth(100);
        readout.setMinWidth(0);
        HBox.setHgrow(readout, Priority.SOMETIMES);
        setTop(top);
        setCenter(view);
        setBottom(new VBox(controls, strip));
        show(null);
    }

    /** A check box, on at first, that shows or hides one layer of the drawing. */
    private static CheckBox toggle(String text, String tip, java.util.function.Consumer<Boolean> show) {
        CheckBox c = new CheckBox(text);
        c.setTooltip(new Tooltip(tip));
        c.setSelected(true);
        c.selectedProperty().addListener((o, old, now) -> show.accept(now));
        return c;
    }

    private static HBox bar(Node... nodes) {
        for (Node n : nodes) {
            if (n instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(nodes);
        bar.getStyleClass().add("warp-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    // ---- stages ----

    /** Shows these stages (null: none); the position and the playback carry on. */
    public void show(LayerStages s) {
        stages = s;
        view.setStages(s);
        strip.setStages(s);
        int k = s == null ? 0 : s.count();
        player.setCount(k);
        scrubber.setMax(Math.max(1, k));
        scrubber.setDisable(s == null);
        positionChanged(player.positionProperty().get());
        updateButtons();
    }

    /**
     * Computes the stages of {@code model} on the executor and shows them when done; while a computation runs,
     * only the newest submitted model waits (older ones are dropped). Pass a model no other thread uses (a
     * training payload's private copy, or {@link FlowModel#copy()}). Errors (e.g. a flow that is not 2-D) show in
     * the status line. FX thread.
     */
    public void submit(FlowModel model) {
        computed.submit(model);
    }

    /** The stages shown, or null. */
    public LayerStages stages() {
        return stages;
    }

    /** The position t ∈ [0, K] shown (0 = base, K = data); settable, also while playing. */
    public DoubleProperty positionProperty() {
        return player.positionProperty();
    }

    public WarpView view() {
        return view;
    }

    WarpPlayer player() {
        return player;
    }

    LayerStrip strip() {
        return strip;
    }

    Label status() {
        return status;
    }

    private void positionChanged(double t) {
        strip.setCurrent(t);
        readout.setText(stages == null ? "" : String.format(Locale.ROOT, "%.2f / %d", t, stages.count()));
    }

    private void updateButtons() {
        boolean none = stages == null || stages.count() == 0;
        boolean playing = player.state() != WarpPlayer.State.PAUSED;
        backward.setDisable(none || player.state() == WarpPlayer.State.BACKWARD);
        forward.setDisable(none || player.state() == WarpPlayer.State.FORWARD);
        pause.setDisable(none || !playing);
        export.setDisable(stages == null || exports.busy());
    }

    // ---- export ----

    /** How the export asks for a file (tests answer without a dialog). */
    public void setFileAsker(ExportService.FileAsker asker) {
        exports.setFileAsker(asker);
    }

    /** How the PNG-frame export asks for a directory (tests answer without a dialog). */
    public void setDirectoryAsker(DirectoryAsker asker) {
        exports.setDirectoryAsker(asker);
    }

    /** Side of the exported frames in pixels (64..4096; default 480). */
    public void setExportSize(int pixels) {
        exports.setSize(pixels);
    }

    /** Exported frames per layer (1..100; default 12, shown over one second per layer in the GIF). */
    public void setExportFramesPerLayer(int frames) {
        exports.setFramesPerLayer(frames);
    }

    /** Asks for a file and writes the sweep base → data → base as a looping GIF on the executor. */
    public void exportGif() {
        if (stages != null) exports.gif(stages, view, owner());
    }

    /** Asks for a directory and writes frame-0000.png … of the same sweep there on the executor. */
    public void exportPngFrames() {
        if (stages != null) exports.pngFrames(stages, view, owner());
    }

    private void report(String message, boolean error) {
        status.setText(message);
        status.getStyleClass().remove("error-text");
        if (error) status.getStyleClass().add("error-text");
    }

    private Window owner() {
        return getScene() == null ? null : getScene().getWindow();
    }
}
