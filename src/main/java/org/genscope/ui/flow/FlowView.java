package org.genscope.ui.flow;

import java.io.IOException;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.genscope.data.CsvWriter;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.flow.FlowFile;
import org.genscope.flow.FlowModel;
import org.genscope.flow.FlowPayload;
import org.genscope.flow.FlowPreset;
import org.genscope.flow.FlowSpec;
import org.genscope.flow.FlowTrainable;
import org.genscope.flow.FlowTraining;
import org.genscope.flow.LayerKind;
import org.genscope.flow.LayerSpec;
import org.genscope.io.Metadata;
import org.genscope.train.JobState;
import org.genscope.train.Snapshot;
import org.genscope.train.TrainConfig;
import org.genscope.train.TrainingJob;
import org.genscope.ui.common.Labels;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.shell.DatasetTarget;
import org.genscope.ui.shell.ModelOpener;
import org.genscope.ui.shell.ModelTarget;
import org.genscope.ui.shell.TabbedWorkspace;
import org.genscope.ui.shell.WorkspaceContext;
import org.genscope.ui.train.JobViewModel;
import org.genscope.ui.train.TrainingControls;

/**
 * Controller of fxml/flow/FlowView.fxml: pick or paint a 2D density, stack flow layers, and watch the flow carry a
 * Gaussian onto the data — the change of variables log p(x) = log p_Z(f(x)) + log|det ∂f/∂x| made visible.
 */
public final class FlowView extends TabbedWorkspace implements DatasetTarget, ModelTarget {
    @FXML private Parent root;
    @FXML private ComboBox<FlowPreset> presetChoice;
    @FXML private ComboBox<FlowData> dataChoice;
    @FXML private TextField noiseField;
    @FXML private Spinner<Integer> pointsSpinner;
    @FXML private Label dataNote;
    @FXML private ListView<LayerSpec> layerList;
    @FXML private MenuButton addMenu;
    @FXML private Button removeButton;
    @FXML private Button upButton;
    @FXML private Button downButton;
    @FXML private TextField hiddenField;
    @FXML private TextField specField;
    @FXML private CheckBox learnableBaseCheck;
    @FXML private Label errorLabel;
    @FXML private TextField lrField;
    @FXML private Spinner<Integer> stepsSpinner;
    @FXML private Spinner<Integer> batchSpinner;
    @FXML private Spinner<Integer> seedSpinner;
    @FXML private VBox trainingBox;
    @FXML private Button saveModelButton;
    @FXML private Button saveSamplesButton;
    @FXML private TabPane tabs;
    @FXML private Tab densityTab;
    @FXML private Tab layersTab;
    @FXML private Tab diagnosticsTab;
    @FXML private Tab paintTab;
    @FXML private GridPane dataGrid;
    @FXML private GridPane layerGrid;
    @FXML private GridPane trainingGrid;

    private final WorkspaceContext context;
    private final FlowBuilderModel builder = new FlowBuilderModel();
    private final FlowDensityPanel densityPanel = new FlowDensityPanel();
    private FlowDiagnosticsPanel diagnosticsPanel;
    private LayerByLayerPanel layersPanel;
    /** When the warp stages were last recomputed (nanoTime); throttled like the diagnostics. */
    private long layersShown;
    /** When the diagnostics were last refreshed (nanoTime); they cost ~0.1 s of a core, so at most every 2 s. */
    private long diagnosticsShown;
    private final JobViewModel<FlowPayload> job = new JobViewModel<>("Flow", this::onSnapshot);
    private final FlowSources sources = new FlowSources();
    private FlowModel pendingModel;                  // opened, trained on points not here yet (a file or a painting)
    private long previewGeneration;                  // FX thread
    private static final int PREVIEW_POINTS = 3000;
    private FlowPayload lastPayload;

    public FlowView(WorkspaceContext context) {
        this.context = context;
    }

    /** Loads the workspace (the factory registered in {@link org.genscope.ui.shell.Workspace}). */
    public static Parent create(WorkspaceContext context) {
        return load("/fxml/flow/FlowView.fxml", new FlowView(context));
    }

    public FlowBuilderModel builder() {
        return builder;
    }

    @Override
    protected TabPane tabs() {
        return tabs;
    }

    @Override
    protected JobViewModel<FlowPayload> job() {
        return job;
    }

    @Override
    protected String slug() {
        return "flows";
    }

    @FXML
    private void initialize() {
        keepLabelsWhole(dataGrid, layerGrid, trainingGrid);
        presetChoice.getItems().setAll(FlowPreset.ALL);
        presetChoice.setConverter(Labels.converter(FlowPreset::title));
        presetChoice.setPromptText("pick a demo…");
        Labels.shortWhenClosed(presetChoice, FlowPreset::shortTitle);
        presetChoice.valueProperty().addListener((o, a, p) -> {
            if (p != null) loadPreset(p);
        });
        dataChoice.getItems().setAll(FlowData.all());
        Labels.shortWhenClosed(dataChoice, d -> switch (d.kind()) {
            case TOY -> d.label();
            case PAINTED -> "painted";
            case FILE -> "your file";
        });
        dataChoice.valueProperty().addListener((o, a, d) -> onData(d));
        noiseField.setText("0.05");
        noiseField.setOnAction(e -> previewData());
        noiseField.focusedProperty().addListener((o, was, now) -> {
            if (!now) previewData();
        });
        pointsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(100, 200_000, 20_000, 1000));

        layerList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LayerSpec item, boolean empty) {
                super.updateItem(item, empty);
                // short names keep the list readable in presenter mode; the full title is the tooltip
                setText(empty || item == null ? null : (getIndex() + 1) + ". " + DiagnosticsReport.shortName(item.kind())
                        + (item.kind().hasNetwork() ? "  [" + hiddenText(item) + "]" : ""));
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item.kind().title()));
            }
        });
        for (LayerKind k : LayerKind.values()) {
            MenuItem item = new MenuItem(k.title());
            item.setOnAction(e -> builder.add(k, layerList.getSelectionModel().getSelectedIndex()));
            addMenu.getItems().add(item);
        }
        layerList.getSelectionModel().selectedItemProperty().addListener((o, a, l) -> {
            hiddenField.setDisable(l == null || !l.kind().hasNetwork());
            hiddenField.setText(l == null || !l.kind().hasNetwork() ? "" : hiddenText(l));
        });
        hiddenField.setOnAction(e -> {
            int i = layerList.getSelectionModel().getSelectedIndex();
            if (i >= 0) builder.setHidden(i, hiddenField.getText());
        });
        specField.setOnAction(e -> builder.setText(specField.getText()));
        learnableBaseCheck.selectedProperty().addListener((o, a, v) -> builder.setLearnableBase(v));
        builder.specProperty().addListener((o, a, s) -> showSpec(s));
        errorLabel.textProperty().bind(builder.errorProperty());

        lrField.setText("0.001");
        stepsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(10, 1_000_000, 3000, 500));
        batchSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 10_000, 256));
        seedSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Integer.MAX_VALUE, 1));
        seedSpinner.valueProperty().addListener((o, a, v) -> previewData());
        trainingBox.getChildren().add(new TrainingControls(job));
        job.setNewRun(this::newRun);
        saveModelButton.setDisable(true);
        saveSamplesButton.setDisable(true);
        context.trainingStatus().bind(job.statusProperty());

        densityTab.setContent(densityPanel);
        layersPanel = new LayerByLayerPanel(context.background());
        layersTab.setContent(layersPanel);
        layersTab.selectedProperty().addListener((o, a, now) -> {
            if (now) refreshLayers(true);
        });
        diagnosticsPanel = new FlowDiagnosticsPanel(context.background());
        ScrollPane diagnosticsScroll = new ScrollPane(diagnosticsPanel);    // nothing is cut off in presenter mode
        diagnosticsScroll.setFitToWidth(true);
        diagnosticsScroll.setFitToHeight(true);
        diagnosticsTab.setContent(diagnosticsScroll);
        diagnosticsTab.selectedProperty().addListener((o, a, now) -> {
            if (now) refreshDiagnostics(true);
        });
        PaintPanel paint = new PaintPanel(context.background());
        paint.setOnUse(this::usePainted);
        paintTab.setContent(paint);
        presetChoice.getSelectionModel().select(0);
    }

    private static String hiddenText(LayerSpec l) {
        StringBuilder sb = new StringBuilder();
        for (int w : l.hidden()) sb.append(sb.length() == 0 ? "" : "-").append(w);
        return sb.toString();
    }

    private void showSpec(FlowSpec s) {
        int selected = layerList.getSelectionModel().getSelectedIndex();
        layerList.getItems().setAll(s.layers());
        if (selected >= 0) layerList.getSelectionModel().select(Math.min(selected, s.layers().size() - 1));
        specField.setText(s.layersText());
        learnableBaseCheck.setSelected(s.learnableBase());
    }

    private void loadPreset(FlowPreset p) {
        builder.loadPreset(p);
        showSpec(builder.spec());
        dataChoice.getItems().stream().filter(d -> d.toy() == p.toy()).findFirst().ifPresent(dataChoice::setValue);
        noiseField.setText(Double.toString(p.noise()));
        pointsSpinner.getValueFactory().setValue(p.size());
        lrField.setText(Double.toString(p.learningRate()));
        stepsSpinner.getValueFactory().setValue(p.steps());
        batchSpinner.getValueFactory().setValue(p.batchSize());
        previewData();
    }

    private void onData(FlowData d) {
        if (d == null) return;
        noiseField.setDisable(d.kind() != FlowData.Kind.TOY);
        pointsSpinner.setDisable(d.kind() != FlowData.Kind.TOY);
        dataNote.setText(sources.note(d));
        if (d.kind() == FlowData.Kind.FILE && sources.splits(d) == null) context.openDataset().run();
        previewData();
    }

    /**
     * Shows the chosen data in the Density tab before training (up to {@value #PREVIEW_POINTS} toy points, made off the
     * FX thread; the newest choice wins). Not while a run is live: its pictures stay until it ends.
     */
    private void previewData() {
        FlowData d = dataChoice.getValue();
        JobState state = job.stateProperty().get();
        if (d == null || seedSpinner.getValueFactory() == null || state == JobState.RUNNING || state == JobState.PAUSED) return;
        long generation = ++previewGeneration;
        long seed = seedSpinner.getValue();
        double noise;
        try {
            noise = Double.parseDouble(noiseField.getText().trim());
        } catch (NumberFormatException e) {
            return;
        }
        if (d.kind() != FlowData.Kind.TOY) {
            DataSplits ready = sources.splits(d);
            if (ready != null) densityPanel.preview(ready.train(), sources.name(d));
            return;
        }
        if (!(noise >= 0)) return;
        context.background().execute(() -> {
            Dataset points = d.toy().generate(PREVIEW_POINTS, noise, seed);
            Platform.runLater(() -> {
                if (generation == previewGeneration) {
                    densityPanel.preview(points, String.format(Locale.ROOT, "%s, noise σ = %s", d.toy().id(), noise));
                }
            });
        });
    }

    /** File ▸ Open dataset while this workspace is visible: 2-D points become the training data. */
    @Override
    public Use<DataSplits> useDataset(Path file, Dataset data) {
        long seed = seedSpinner.getValue();
        String name = file.getFileName().toString();
        return new Use<>(() -> FlowData.splitsOf(name, data, seed), splits -> {
            sources.setFile(name, splits);
            FlowData entry = dataChoice.getItems().stream().filter(d -> d.kind() == FlowData.Kind.FILE).findFirst().orElseThrow();
            dataChoice.setValue(entry);
            onData(entry);
            String how = "The Flows workspace will train on its points (" + splits.train().size()
                    + " for training after an 80/10/10 split).";
            return showPendingModel() ? how + " The flow you opened is shown on them; Train (Ctrl+Enter) trains it further."
                    : how + " Press Train (Ctrl+Enter).";
        });
    }

    /** Called by the Paint tab with the points sampled from the painting. */
    void usePainted(DataSplits splits) {
        sources.setPainted(splits);
        dataChoice.getItems().stream().filter(d -> d.kind() == FlowData.Kind.PAINTED).findFirst()
                .ifPresent(dataChoice::setValue);
        onData(dataChoice.getValue());
        showPendingModel();
    }

    /** "Train": reads the settings, makes the data off the FX thread, builds the flow and starts the job. */
    private void newRun() {
        pendingModel = null;                    // a new network from the settings replaces a model waiting for its data
        prepareRun(null);
    }

    /**
     * Builds a job from the current settings and data, off the FX thread: with {@code loaded == null} a new flow from
     * the layer stack, trained at once; else that model (opened from a file), shown as it is — Train continues
     * training it.
     */
    private void prepareRun(FlowModel loaded) {
        FlowData d = dataChoice.getValue();
        double noise;
        double lr;
        try {
            noise = Double.parseDouble(noiseField.getText().trim());
            lr = Double.parseDouble(lrField.getText().trim());
            if (!(noise >= 0) || !(lr > 0 && lr <= 1)) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            builder.errorProperty().set("Noise must be ≥ 0 and the learning rate in (0, 1], e.g. 0.001.");
            return;
        }
        String missing = sources.missing(d);
        builder.errorProperty().set(missing == null ? "" : missing);
        if (missing != null) return;
        DataSplits given = sources.splits(d);         // read here: the sources belong to the FX thread
        long seed = seedSpinner.getValue();
        int points = pointsSpinner.getValue();
        int steps = stepsSpinner.getValue();
        int batch = batchSpinner.getValue();
        FlowSpec spec = builder.spec().withSeed(seed);
        OptionalDouble entropy = d.entropy(noise);
        job.preparingProperty().set(true);
        tabs.getSelectionModel().select(densityTab);
        context.background().execute(() -> {
            try {
                DataSplits splits = given != null ? given : d.toySplits(points, noise, seed);
                FlowModel model = loaded != null ? loaded : spec.build(2);
                FlowTrainable task = new FlowTrainable(model, splits.train(), splits.validation());
                TrainConfig config = TrainConfig.builder().maxSteps(steps).batchSize(Math.min(batch, splits.train().size()))
                        .seed(seed).evalEvery(Math.max(1, steps / 60)).payloadInterval(Duration.ofMillis(250)).build();
                TrainingJob<FlowPayload> j = FlowTraining.job(task, config, lr, true, context.background());
                Platform.runLater(() -> {
                    job.preparingProperty().set(false);
                    densityPanel.reset(splits.train(), entropy.isPresent() ? String.format(Locale.ROOT,
                            " The true entropy of this density is H = %.3f nats: a perfect model reaches NLL = H.",
                            entropy.getAsDouble()) : "");
                    densityPanel.setReference(entropy);
                    job.attach(j);
                    saveModelButton.setDisable(false);
                    if (loaded == null) {
                        j.start();
                    } else {
                        j.showModel();
                    }
                });
            } catch (RuntimeException | OutOfMemoryError e) {
                Platform.runLater(() -> {
                    job.preparingProperty().set(false);
                    builder.errorProperty().set("Could not start training: " + e.getMessage());
                });
            }
        });
    }

    private void onSnapshot(Snapshot<FlowPayload> s) {
        densityPanel.show(s);
        if (s.payload() != null && s.payload() != lastPayload) {
            lastPayload = s.payload();
            saveSamplesButton.setDisable(false);
            boolean settled = s.state().isTerminal() || s.state() == JobState.PAUSED;
            refreshDiagnostics(settled);
            refreshLayers(settled);
        }
    }

    /** Recomputes the layer-by-layer stages of the latest model if their tab is visible (at most every second). */
    private void refreshLayers(boolean now) {
        if (lastPayload == null || !layersTab.isSelected()) return;
        long t = System.nanoTime();
        if (!now && t - layersShown < 1_000_000_000L) return;
        layersShown = t;
        layersPanel.submit(lastPayload.model().copy());
    }

    /** Recomputes the diagnostics of the latest model if their tab is visible (throttled unless {@code now}). */
    private void refreshDiagnostics(boolean now) {
        if (lastPayload == null || !diagnosticsTab.isSelected()) return;
        long t = System.nanoTime();
        if (!now && t - diagnosticsShown < 2_000_000_000L) return;
        diagnosticsShown = t;
        diagnosticsPanel.show(lastPayload.model().copy(), lastPayload.grid());
    }

    @FXML
    private void onRemove() {
        int i = layerList.getSelectionModel().getSelectedIndex();
        if (i >= 0) builder.remove(i);
    }

    @FXML
    private void onUp() {
        int i = layerList.getSelectionModel().getSelectedIndex();
        if (i >= 0 && builder.move(i, -1)) layerList.getSelectionModel().select(i - 1);
    }

    @FXML
    private void onDown() {
        int i = layerList.getSelectionModel().getSelectedIndex();
        if (i >= 0 && builder.move(i, 1)) layerList.getSelectionModel().select(i + 1);
    }

    @FXML
    private void onSaveModel() {
        TrainingJob<FlowPayload> j = job.job();
        if (j == null) return;
        File f = ask("Save trained flow", "flow", "safetensors", "safetensors model (*.safetensors)");
        if (f == null) return;
        j.saveModel(f.toPath(), Map.of()).whenComplete((path, err) -> Platform.runLater(() ->
                context.message().set(err == null ? "Saved model to " + path
                        : "Could not save: " + err.getMessage() + " (nothing was written)")));
    }

    @FXML
    private void onOpenModel() {
        ModelOpener.ask(root.getScene().getWindow(), "Open a trained flow").ifPresent(this::openModel);
    }

    private record Opened(Path file, FlowModel model, String dataName) {}

    /**
     * Opens a flow saved by Genscope (app or CLI): reads and checks it off the FX thread, shows its layers, picks the
     * toy it was trained on when the file names one, and shows the model on the chosen data without training.
     */
    @Override
    public void openModel(Path file) {
        ModelOpener.open(context, file, mf -> {
            FlowModel m = FlowFile.load(mf);
            if (m.dimension() != 2) {
                throw new IllegalArgumentException(file.getFileName() + " models " + m.dimension() + " variables; the "
                        + "workspace draws 2-D flows (use genscope eval flow / sample flow for it).");
            }
            return new Opened(file, m, mf.meta(Metadata.DATASET).orElse("").replaceFirst("-(train|all)$", ""));
        }, this::showOpened, builder.errorProperty());
    }

    private void showOpened(Opened o) {
        presetChoice.getSelectionModel().clearSelection();
        builder.specProperty().set(o.model().spec());
        FlowData toy = dataChoice.getItems().stream().filter(d -> d.toy() != null && d.toy().id().equals(o.dataName()))
                .findFirst().orElse(null);
        if (toy == null) {
            // trained on a file or a painting: shown once those points are here again, never on unrelated data
            pendingModel = o.model();
            job.attach(null);
            context.message().set("Opened " + o.file().getFileName() + ": trained on '" + o.dataName() + "'. Open those "
                    + "points (File ▸ Open dataset) or paint again to see the model on them.");
            return;
        }
        pendingModel = null;
        dataChoice.setValue(toy);
        context.message().set("Opened " + o.file().getFileName() + " (" + o.model().spec().layersText() + ")");
        prepareRun(o.model());
    }

    /** After new file or painted points arrive: shows a pending opened model on them, if there is one. */
    private boolean showPendingModel() {
        FlowModel m = pendingModel;
        if (m == null) return false;
        pendingModel = null;
        prepareRun(m);
        return true;
    }

    @FXML
    private void onSaveSamples() {
        FlowPayload p = lastPayload;
        if (p == null) return;
        File f = ask("Save model samples", "flow-samples", "csv", "CSV (*.csv)");
        if (f == null) return;
        org.ejml.data.FMatrixRMaj x = new org.ejml.data.FMatrixRMaj(p.count(), p.dimension());
        System.arraycopy(p.samples(), 0, x.data, 0, x.data.length);
        Dataset samples = new Dataset("flow samples", "Genscope", x, null, 0, 0);
        context.background().execute(() -> {
            try {
                CsvWriter.write(f.toPath(), samples);
                Platform.runLater(() -> context.message().set("Saved " + p.count() + " samples to " + f));
            } catch (IOException e) {
                Platform.runLater(() -> context.message().set("Could not save samples: " + e.getMessage()));
            }
        });
    }

    private File ask(String title, String slug, String ext, String filterName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(ExportService.suggestedName(slug, ext));
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter(filterName, "*." + ext));
        return chooser.showSaveDialog(root.getScene().getWindow());
    }
}
