package org.genscope.ui.made;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.io.Metadata;
import org.genscope.made.AncestralTrace;
import org.genscope.made.Conditional;
import org.genscope.made.Connectivity;
import org.genscope.made.DegreeRule;
import org.genscope.made.Made;
import org.genscope.made.MadeConfig;
import org.genscope.made.MadeFile;
import org.genscope.made.MadePayload;
import org.genscope.made.OrderingKind;
import org.genscope.nn.OptimizerKind;
import org.genscope.nn.Rng;
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
 * Controller of fxml/made/MadeView.fxml: build a MADE by hand (D, widths, ordering, degree rule, seed; drag the
 * ordering; edit a unit's m(k)), see its connectivity graph and mask matrices, check the autoregressive property
 * numerically, and train it.
 */
public final class MadeView extends TabbedWorkspace implements DatasetTarget, ModelTarget {
    @FXML private Parent root;
    @FXML private ComboBox<MadeSource> dataChoice;
    @FXML private Label dataNote;
    @FXML private Spinner<Integer> inputsSpinner;
    @FXML private TextField widthsField;
    @FXML private ComboBox<OrderingKind> orderingChoice;
    @FXML private ComboBox<DegreeRule> ruleChoice;
    @FXML private Label softmaxLabel;
    @FXML private Spinner<Double> softmaxSpinner;
    @FXML private Spinner<Integer> seedSpinner;
    @FXML private CheckBox directCheck;
    @FXML private Button resampleButton;
    @FXML private Label errorLabel;
    @FXML private FlowPane orderingStrip;
    @FXML private Label unitLabel;
    @FXML private HBox unitEditor;
    @FXML private Spinner<Integer> degreeSpinner;
    @FXML private TabPane tabs;
    @FXML private GridPane networkGrid;
    @FXML private GridPane trainingGrid;
    @FXML private Tab networkTab;
    @FXML private Tab masksTab;
    @FXML private Tab checkTab;
    @FXML private Tab trainingTab;
    @FXML private VBox trainingBox;
    @FXML private Spinner<Integer> masksSpinner;
    @FXML private CheckBox orderAgnosticCheck;
    @FXML private ComboBox<OptimizerKind> optimizerChoice;
    @FXML private TextField lrField;
    @FXML private Spinner<Integer> epochsSpinner;
    @FXML private Spinner<Integer> batchSpinner;
    @FXML private Button saveModelButton;

    private final WorkspaceContext context;
    private final MadeBuilderModel builder = new MadeBuilderModel();
    private final ConnectivityGraph graph = new ConnectivityGraph();
    private final MasksPanel masks = new MasksPanel();
    private final DependencyPanel dependencyPanel = new DependencyPanel();
    private final MadeTrainingPanel trainingPanel = new MadeTrainingPanel();
    private final JobViewModel<MadePayload> job = new JobViewModel<>("MADE", trainingPanel::show);
    private final AtomicLong checkGeneration = new AtomicLong();
    private Made trainedModel;
    private int selectedLayer = -1;
    private int selectedUnit = -1;
    private Made pendingModel;              // opened from a file whose data is not built in: shown once that data is opened
    private int drawRows;                    // image shape of the data being trained, for pixel-by-pixel drawing
    private int drawCols;

    public MadeView(WorkspaceContext context) {
        this.context = context;
    }

    /** Loads the workspace (the factory registered in {@link org.genscope.ui.shell.Workspace}). */
    public static Parent create(WorkspaceContext context) {
        return load("/fxml/made/MadeView.fxml", new MadeView(context));
    }

    /** The data currently chosen (FX thread). */
    MadeSource dataSource() {
        return dataChoice.getValue();
    }

    public MadeBuilderModel builder() {
        return builder;
    }

    @Override
    protected TabPane tabs() {
        return tabs;
    }

    @Override
    protected JobViewModel<MadePayload> job() {
        return job;
    }

    @Override
    protected String slug() {
        return "made";
    }

    @FXML
    private void initialize() {
        keepLabelsWhole(networkGrid, trainingGrid);
        dataChoice.getItems().setAll(MadeData.values());
        Labels.shortWhenClosed(dataChoice, MadeSource::shortLabel);
        dataChoice.getSelectionModel().select(MadeData.SANDBOX);
        inputsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(2, OpenedData.MAX_INPUTS, builder.inputsProperty().get()));
        seedSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Integer.MAX_VALUE, 1));
        softmaxSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(-5, 5, 0, 0.1));
        orderingChoice.getItems().setAll(OrderingKind.values());
        ruleChoice.getItems().setAll(DegreeRule.values());
        orderingChoice.setConverter(Labels.converter(k -> switch (k) {
            case NATURAL -> "natural";
            case RANDOM -> "random";
            case CUSTOM -> "custom";
        }));
        ruleChoice.setConverter(Labels.converter(r -> switch (r) {
            case UNIFORM -> "uniform (paper)";
            case EVEN -> "evenly spread";
            case SOFTMAX -> "softmax-weighted";
        }));
        Labels.shortWhenClosed(ruleChoice, r -> switch (r) {
            case UNIFORM -> "uniform";
            case EVEN -> "even";
            case SOFTMAX -> "softmax";
        });
        orderingChoice.setValue(OrderingKind.NATURAL);
        ruleChoice.setValue(DegreeRule.UNIFORM);
        widthsField.setText(builder.widthsProperty().get());

        dataChoice.valueProperty().addListener((o, a, d) -> onData(d));
        inputsSpinner.valueProperty().addListener((o, a, v) -> {
            builder.inputsProperty().set(v);
            builder.rebuild();
        });
        widthsField.setOnAction(e -> applyWidths());
        widthsField.focusedProperty().addListener((o, was, now) -> {
            if (!now) applyWidths();
        });
        orderingChoice.valueProperty().addListener((o, a, v) -> {
            builder.orderingProperty().set(v);
            builder.rebuild();
        });
        builder.orderingProperty().addListener((o, a, v) -> orderingChoice.setValue(v));
        ruleChoice.valueProperty().addListener((o, a, v) -> {
            builder.ruleProperty().set(v);
            builder.rebuild();
        });
        softmaxLabel.disableProperty().bind(ruleChoice.valueProperty().isNotEqualTo(DegreeRule.SOFTMAX));
        softmaxSpinner.disableProperty().bind(ruleChoice.valueProperty().isNotEqualTo(DegreeRule.SOFTMAX));
        softmaxSpinner.valueProperty().addListener((o, a, v) -> {
            builder.softmaxLProperty().set(v);
            builder.rebuild();
        });
        seedSpinner.valueProperty().addListener((o, a, v) -> {
            if (v != builder.seedProperty().get()) {
                builder.seedProperty().set(v);
                builder.rebuild();
            }
        });
        builder.seedProperty().addListener((o, a, v) -> seedSpinner.getValueFactory().setValue(v.intValue()));
        directCheck.selectedProperty().bindBidirectional(builder.directProperty());
        directCheck.selectedProperty().addListener((o, a, v) -> showNetwork(builder.connectivity()));
        errorLabel.textProperty().bind(builder.errorProperty());

        degreeSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1, 1));
        degreeSpinner.valueProperty().addListener((o, a, v) -> {
            if (selectedLayer > 0 && v != null && v != builder.connectivity().degrees(selectedLayer)[selectedUnit]) {
                builder.setDegree(selectedLayer, selectedUnit, v);
            }
        });
        unitEditor.setDisable(true);
        graph.setOnSelect(this::selectUnit);

        networkTab.setContent(graph);
        masksTab.setContent(masks);
        checkTab.setContent(dependencyPanel);
        trainingTab.setContent(trainingPanel);
        initTraining();
        builder.connectivityProperty().addListener((o, a, c) -> showNetwork(c));
        onData(MadeData.SANDBOX);
        showNetwork(builder.connectivity());
    }

    private void applyWidths() {
        if (!widthsField.getText().equals(builder.widthsProperty().get())) {
            builder.widthsProperty().set(widthsField.getText());
            builder.rebuild();
        }
    }

    private void onData(MadeSource d) {
        if (d == null) return;
        boolean sandbox = d == MadeData.SANDBOX;
        inputsSpinner.setDisable(!sandbox);
        if (!sandbox) inputsSpinner.getValueFactory().setValue(d.inputs());
        dataNote.setText(d.note());
        widthsField.setText(d.suggestedWidths());
        applyWidths();
    }

    @FXML
    private void onOpenData() {
        context.openDataset().run();
    }

    /** File ▸ Open dataset while this workspace is visible: the data is prepared off the FX thread, then selected. */
    @Override
    public Use<OpenedData> useDataset(Path file, Dataset data) {
        long seed = builder.seedProperty().get();
        String name = file.getFileName().toString();
        return new Use<>(() -> OpenedData.prepare(name, data, seed), this::selectOpened);
    }

    /** Makes prepared data the chosen data (and shows a model waiting for it); says how it will be used. */
    private String selectOpened(OpenedData opened) {
        dataChoice.getItems().removeIf(s -> s instanceof OpenedData);
        dataChoice.getItems().add(opened);
        dataChoice.setValue(opened);
        String how = String.format(Locale.ROOT, "The MADE workspace will train on it (D = %,d, %,d training examples "
                + "after an 80/10/10 split). %s", opened.inputs(), opened.splits().train().size(), opened.note());
        Made pending = pendingModel;
        if (pending == null || !fits(pending, opened)) return how + " Press Train (Ctrl+Enter).";
        pendingModel = null;
        adoptNetwork(pending);
        prepareRun(pending);
        return how + " The model you opened is shown on it; Train (Ctrl+Enter) trains it further.";
    }

    private void selectUnit(int layer, int unit) {
        selectedLayer = layer;
        selectedUnit = unit;
        Connectivity c = builder.connectivity();
        unitLabel.setText("Hidden unit " + (unit + 1) + " of layer " + layer + ". It sees inputs with m⁰ ≤ m(k) "
                + "through its paths and feeds outputs with m⁰ > m(k).");
        SpinnerValueFactory.IntegerSpinnerValueFactory f =
                (SpinnerValueFactory.IntegerSpinnerValueFactory) degreeSpinner.getValueFactory();
        f.setMax(c.inputs() - 1);
        f.setValue(c.degrees(layer)[unit]);
        unitEditor.setDisable(false);
    }

    private void showNetwork(Connectivity c) {
        if (c == null) return;
        if (selectedLayer > c.hiddenLayers() || selectedLayer > 0 && selectedUnit >= c.width(selectedLayer)) {
            selectedLayer = -1;
            unitEditor.setDisable(true);
            unitLabel.setText("Click a hidden unit in the network.");
        }
        graph.setGraph(new GraphModel(c, builder.directProperty().get()));
        if (selectedLayer > 0) graph.select(selectedLayer, selectedUnit);
        masks.show(c);
        OrderingStrip.fill(orderingStrip, c.sequence(), builder::moveInOrdering);
        checkAutoregressive(c, builder.directProperty().get());
    }

    /** Measures the dependency pattern of a network with these masks off the FX thread; the newest request wins. */
    private void checkAutoregressive(Connectivity c, boolean direct) {
        long generation = checkGeneration.incrementAndGet();
        dependencyPanel.checking();
        MadeSource data = dataChoice.getValue() == null ? MadeData.SANDBOX : dataChoice.getValue();
        context.background().execute(() -> {
            try {
                MadeJobFactory.Settings s = new MadeJobFactory.Settings(1, false, OptimizerKind.ADAM, 1e-3, 1, 1, 7);
                MadeConfig config = MadeJobFactory.config(data == MadeData.SANDBOX ? MadeData.MNIST_4 : data, c,
                        direct, builder, s);
                boolean[][] deps = MadeJobFactory.model(config, c).dependencies();
                Platform.runLater(() -> {
                    if (generation == checkGeneration.get()) dependencyPanel.show(c, deps);
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> dependencyPanel.failed(e.getMessage()));
            }
        });
    }

    private void initTraining() {
        masksSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 64, 1));
        optimizerChoice.getItems().setAll(OptimizerKind.values());
        optimizerChoice.setValue(OptimizerKind.ADAM);
        optimizerChoice.valueProperty().addListener((o, a, k) -> lrField.setText(Double.toString(k.defaultLearningRate)));
        lrField.setText("0.001");
        epochsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 10_000, 20));
        batchSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 10_000, 100));
        trainingBox.getChildren().add(new TrainingControls(job));
        job.setNewRun(this::newRun);
        saveModelButton.setDisable(true);
        trainingPanel.drawButton().setOnAction(e -> drawPixelByPixel());
        context.trainingStatus().bind(job.statusProperty());
    }

    /** "Train": validates the settings, loads the data off the FX thread, then builds and starts a job. */
    private void newRun() {
        pendingModel = null;                    // a new network from the settings replaces a model waiting for its data
        prepareRun(null);
    }

    /**
     * Builds a job from the current settings and data: with {@code loaded == null} a new MADE from the network built
     * on the left, trained at once; else that model (opened from a file), shown as it is — Train trains it further.
     */
    private void prepareRun(Made loaded) {
        MadeSource data = dataChoice.getValue();
        if (!data.trainable()) {
            builder.errorProperty().set("The mask sandbox has no data: pick a dataset above to train.");
            return;
        }
        MadeJobFactory.Settings settings;
        MadeConfig config;
        try {
            settings = new MadeJobFactory.Settings(masksSpinner.getValue(), orderAgnosticCheck.isSelected(),
                    optimizerChoice.getValue(), MadeJobFactory.Settings.parseRate(lrField.getText()),
                    epochsSpinner.getValue(), batchSpinner.getValue(), builder.seedProperty().get());
            config = MadeJobFactory.config(data, builder.connectivity(), builder.directProperty().get(), builder,
                    settings);
        } catch (IllegalArgumentException e) {
            builder.errorProperty().set(e.getMessage());
            return;
        }
        builder.errorProperty().set("");
        Connectivity built = builder.connectivity();
        job.preparingProperty().set(true);
        tabs.getSelectionModel().select(trainingTab);
        context.background().execute(() -> {
            try {
                DataSplits splits = data.load(settings.seed());
                Made made = loaded != null ? loaded : MadeJobFactory.model(config, built);
                TrainingJob<MadePayload> j = MadeJobFactory.job(made, splits, settings, context.background());
                Platform.runLater(() -> {
                    job.preparingProperty().set(false);
                    trainedModel = made;
                    trainingPanel.reset(splits.train(), data.binary());
                    drawRows = splits.train().imageRows();
                    drawCols = splits.train().imageCols();
                    job.attach(j);
                    saveModelButton.setDisable(false);
                    if (loaded == null) {
                        j.start();
                    } else {
                        j.showModel();
                    }
                });
            } catch (Exception | OutOfMemoryError e) {
                Platform.runLater(() -> {
                    job.preparingProperty().set(false);
                    builder.errorProperty().set("Could not start training: " + e.getMessage());
                });
            }
        });
    }

    private void drawPixelByPixel() {
        TrainingJob<MadePayload> j = job.job();
        if (j == null || trainedModel == null) return;
        Made made = trainedModel;
        long seed = System.nanoTime();
        j.submit(() -> AncestralTrace.binary(made, new Rng(seed))).whenComplete((frames, err) -> Platform.runLater(() -> {
            if (err != null) {
                context.message().set("Could not draw: " + err.getMessage());
            } else {
                trainingPanel.play(frames, drawRows, drawCols);
            }
        }));
    }

    @FXML
    private void onResample() {
        builder.resample();
    }

    @FXML
    private void onOpenModel() {
        ModelOpener.ask(root.getScene().getWindow(), "Open a trained MADE").ifPresent(this::openModel);
    }

    private record Opened(Path file, Made made, MadeData data) {}

    /**
     * Opens a MADE saved by Genscope (app or CLI): reads and checks it off the FX thread, shows its network (mask 0)
     * in the builder, and — when it was trained on built-in data (binarized MNIST 28×28 or 4×4, a 2-D toy) — shows
     * the model on that data without training; Train trains it further.
     */
    @Override
    public void openModel(Path file) {
        ModelOpener.open(context, file, mf -> {
            Made made = MadeFile.load(mf);
            if (made.inputs() > OpenedData.MAX_INPUTS) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "it models D = %,d inputs; the workspace "
                        + "draws up to %,d (use genscope eval made / sample made for it).", made.inputs(), OpenedData.MAX_INPUTS));
            }
            return new Opened(file, made, builtInDataOf(made, mf.meta(MadeFile.IMAGE).orElse(""),
                    mf.meta(Metadata.DATASET).orElse("")));
        }, o -> showOpened(o.file(), o.made(), o.data()), builder.errorProperty());
    }

    /** The built-in dataset a model was trained on, judged from its shape and metadata; SANDBOX if none. */
    static MadeData builtInDataOf(Made made, String image, String dataName) {
        boolean binary = made.config().conditional() == Conditional.BERNOULLI;
        if (binary && made.inputs() == 784 && image.equals("28x28")) return MadeData.MNIST_28;
        if (binary && made.inputs() == 16 && image.equals("4x4")) return MadeData.MNIST_4;
        String toy = dataName.replaceFirst("-(train|all)$", "");
        for (MadeData d : MadeData.values()) {
            if (!binary && made.inputs() == 2 && d.toy != null && d.toy.id().equals(toy)) return d;
        }
        return MadeData.SANDBOX;
    }

    private void showOpened(Path file, Made made, MadeData data) {
        MadeConfig c = made.config();
        dataChoice.setValue(data);
        if (data == MadeData.SANDBOX) inputsSpinner.getValueFactory().setValue(made.inputs());
        adoptNetwork(made);
        String name = file.getFileName().toString();
        if (data == MadeData.SANDBOX) {
            job.attach(null);
            pendingModel = made;
            context.message().set("Opened " + name + ": its network is shown. Open the data it was trained on (Open "
                    + "your own data…) to see the model there and train it further.");
            return;
        }
        pendingModel = null;
        context.message().set("Opened " + name + " (" + c.architecture() + ")");
        prepareRun(made);
    }

    /** The builder and training settings take over an opened model's mask-0 network. */
    private void adoptNetwork(Made made) {
        MadeConfig c = made.config();
        ruleChoice.setValue(c.rule());
        masksSpinner.getValueFactory().setValue(made.numMasks());
        orderAgnosticCheck.setSelected(c.orderAgnostic());
        made.useMask(0);
        builder.adopt(made.connectivity(), c.rule(), c.directConnections(), (int) c.seed());
        widthsField.setText(builder.widthsProperty().get());
    }

    /** Whether an opened model can be shown on this data: same D, binary data iff Bernoulli conditionals. */
    static boolean fits(Made made, MadeSource data) {
        return made.inputs() == data.inputs() && (made.config().conditional() == Conditional.BERNOULLI) == data.binary();
    }

    @FXML
    private void onSaveModel() {
        TrainingJob<MadePayload> j = job.job();
        if (j == null) return;
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save trained MADE");
        chooser.setInitialFileName(ExportService.suggestedName("made", "safetensors"));
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("safetensors model (*.safetensors)",
                "*.safetensors"));
        java.io.File f = chooser.showSaveDialog(root.getScene().getWindow());
        if (f == null) return;
        j.saveModel(f.toPath(), Map.of()).whenComplete((path, err) -> Platform.runLater(() ->
                context.message().set(err == null ? "Saved model to " + path : "Could not save: " + err.getMessage()
                        + " (nothing was written)")));
    }
}
