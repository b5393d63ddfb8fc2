package org.genscope.ui.flow;

import java.nio.file.Path;
import java.util.Map;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.genscope.data.DataOrigin;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.flow.FlowPayload;
import org.genscope.flow.FlowPreset;
import org.genscope.flow.LayerSpec;
import org.genscope.io.ModelFile;
import org.genscope.session.DataChoice;
import org.genscope.train.JobState;
import org.genscope.train.Snapshot;
import org.genscope.ui.common.Labels;
import org.genscope.ui.common.OutOfDate;
import org.genscope.ui.common.PaintPanel;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.shell.DatasetTarget;
import org.genscope.ui.shell.ModelOpener;
import org.genscope.ui.shell.ModelTarget;
import org.genscope.ui.shell.TabbedWorkspace;
import org.genscope.ui.shell.WorkspaceContext;
import org.genscope.ui.shell.WorkspaceDescriptor;
import org.genscope.ui.train.RunLifecycle;
import org.genscope.ui.train.TrainingControls;

/**
 * Controller of fxml/flow/FlowView.fxml, wiring only: pick or paint a 2D density, stack flow layers, and watch the
 * flow carry a Gaussian onto the data — the change of variables log p(x) = log p_Z(f(x)) + log|det ∂f/∂x| made
 * visible. State and rules are the {@link FlowViewModel}'s.
 */
public final class FlowView extends TabbedWorkspace implements DatasetTarget, ModelTarget {
    /** The workspace's registration. */
    public static final WorkspaceDescriptor DESCRIPTOR = new WorkspaceDescriptor("flows", "Flows", "Normalizing flows",
            "A normalizing flow is a chain of invertible maps that carries a simple Gaussian onto your data, with an "
                    + "exact likelihood from the change of variables. Stack NICE, RealNVP, Glow, MAF or IAF layers, "
                    + "paint a target density, and watch the Gaussian warp into it layer by layer.",
            "flow", FlowView::create);
    private static final FileChooser.ExtensionFilter SAMPLES = new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv");

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
    private final FlowViewModel vm;
    private final FlowDensityPanel densityPanel = new FlowDensityPanel();
    private FlowDiagnosticsPanel diagnosticsPanel;
    private LayerByLayerPanel layersPanel;
    /** When the warp stages / diagnostics were last recomputed (nanoTime): at most every 1 s / 2 s while training. */
    private long layersShown;
    private long diagnosticsShown;
    private FlowPayload lastPayload;

    private FlowView(WorkspaceContext context) {
        this.context = context;
        this.vm = new FlowViewModel(context.ui(), context.message());
        vm.run().publishTo(context.models()::publish);
    }

    static FlowView create(WorkspaceContext context) {
        return load("/fxml/flow/FlowView.fxml", new FlowView(context));
    }

    /** The workspace's state (tests drive it directly). */
    public FlowViewModel viewModel() {
        return vm;
    }

    @Override
    protected TabPane tabs() {
        return tabs;
    }

    @Override
    protected RunLifecycle<?, ?> run() {
        return vm.run();
    }

    @Override
    protected String slug() {
        return "flows";
    }

    @Override
    protected String applySetting(String key, String value) {
        return FlowLessonSettings.apply(vm, key, value);
    }

    @Override
    protected Map<String, String> currentSettings() {
        return FlowLessonSettings.capture(vm);
    }

    @Override
    protected DataChoice.Kind dataKind() {
        return switch (vm.dataProperty().get().kind()) {
            case TOY -> DataChoice.Kind.BUILT_IN;
            case PAINTED -> DataChoice.Kind.PAINTED;
            case FILE -> DataChoice.Kind.FILE;
        };
    }

    @Override
    protected Painting painting() {
        return new Painting(vm::chosenPoints, vm::usePainted);
    }

    @FXML
    private void initialize() {
        keepLabelsWhole(dataGrid, layerGrid, trainingGrid);
        presetChoice.getItems().setAll(FlowPreset.ALL);
        presetChoice.setConverter(Labels.converter(FlowPreset::title));
        presetChoice.setPromptText("pick a demo…");
        Labels.shortWhenClosed(presetChoice, FlowPreset::shortTitle);
        presetChoice.valueProperty().bindBidirectional(vm.presetProperty());
        dataChoice.setItems(vm.dataChoices());
        Labels.shortWhenClosed(dataChoice, FlowData::shortLabel);
        dataChoice.valueProperty().bindBidirectional(vm.dataProperty());
        dataNote.textProperty().bind(vm.dataNoteProperty());
        dataLine().bind(vm.dataProperty().map(d -> "Data: " + d.shortLabel()));
        vm.dataProperty().addListener((o, a, d) -> onData());
        noiseField.textProperty().bindBidirectional(vm.noiseProperty());
        noiseField.setOnAction(e -> vm.previewData());
        noiseField.focusedProperty().addListener((o, was, now) -> {
            if (!now) vm.previewData();
        });
        pointsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(100, 200_000, 20_000, 1000));
        pointsSpinner.getValueFactory().valueProperty().bindBidirectional(vm.pointsProperty());
        new LayerStackEditor(vm.builder(), layerList, addMenu, removeButton, upButton, downButton, hiddenField,
                specField, learnableBaseCheck);
        errorLabel.textProperty().bind(vm.builder().errorProperty());

        lrField.textProperty().bindBidirectional(vm.learningRateProperty());
        stepsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(10, 1_000_000, 3000, 500));
        stepsSpinner.getValueFactory().valueProperty().bindBidirectional(vm.stepsProperty());
        batchSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 10_000, 256));
        batchSpinner.getValueFactory().valueProperty().bindBidirectional(vm.batchProperty());
        seedSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Integer.MAX_VALUE, 1));
        seedSpinner.getValueFactory().valueProperty().bindBidirectional(vm.seedProperty());
        trainingBox.getChildren().add(new TrainingControls(vm.run()));
        saveModelButton.disableProperty().bind(vm.run().hasModelProperty().not());
        saveSamplesButton.setDisable(true);
        vm.run().job().setOnSnapshot(this::onSnapshot);
        vm.run().job().preparingProperty().addListener((o, a, now) -> {
            if (now) tabs.getSelectionModel().select(densityTab);
        });
        vm.runDataProperty().addListener((o, a, r) -> {
            densityPanel.reset(r.train(), r.entropy().isPresent() ? String.format(Locale.ROOT, " The true entropy of "
                    + "this density is H = %.3f nats: a perfect model reaches NLL = H.", r.entropy().getAsDouble()) : "");
            densityPanel.setReference(r.entropy());
        });
        vm.previewProperty().addListener((o, a, p) -> {
            if (p != null) densityPanel.preview(p.points(), p.caption());
        });

        // the Density tab previews new data between runs, so it is out of date only while a run goes on
        densityTab.setContent(OutOfDate.wrap(densityPanel, Bindings.createStringBinding(
                () -> vm.live() ? vm.outOfDateProperty().get() : "", vm.outOfDateProperty(), vm.run().job().stateProperty())));
        layersPanel = new LayerByLayerPanel(context.ui());
        layersTab.setContent(OutOfDate.wrap(layersPanel, vm.outOfDateProperty()));
        layersTab.selectedProperty().addListener((o, a, now) -> {
            if (now) refreshLayers(true);
        });
        diagnosticsPanel = new FlowDiagnosticsPanel(context.ui());
        ScrollPane diagnosticsScroll = new ScrollPane(diagnosticsPanel);    // nothing is cut off in presenter mode
        diagnosticsScroll.setFitToWidth(true);
        diagnosticsScroll.setFitToHeight(true);
        diagnosticsTab.setContent(OutOfDate.wrap(diagnosticsScroll, vm.outOfDateProperty()));
        diagnosticsTab.selectedProperty().addListener((o, a, now) -> {
            if (now) refreshDiagnostics(true);
        });
        PaintPanel paint = new PaintPanel(context.ui());
        paint.setOnUse(vm::usePainted);
        paintTab.setContent(paint);
        presetChoice.getSelectionModel().select(0);
    }

    private void onData() {
        noiseField.setDisable(!vm.toyChosen());
        pointsSpinner.setDisable(!vm.toyChosen());
        if (vm.fileMissing()) context.openDataset().run();
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

    @Override
    public Use<DataSplits> useDataset(DataOrigin origin, Dataset data) {
        return remembering(origin, vm.useDataset(origin, data));
    }

    @FXML
    private void onSaveModel() {
        context.files().askSave(root.getScene().getWindow(), "Save trained flow", "flow", ExportService.MODEL)
                .ifPresent(vm.run()::save);
    }

    @FXML
    private void onOpenModel() {
        ModelOpener.ask(root.getScene().getWindow(), "Open a trained flow").ifPresent(this::openModel);
    }

    @Override
    public void openModel(Path file) {
        vm.openModel(file);
    }

    @Override
    public void openModel(ModelFile model) {
        vm.openModel(model);
    }

    @FXML
    private void onSaveSamples() {
        context.files().askSave(root.getScene().getWindow(), "Save model samples", "flow-samples", SAMPLES)
                .ifPresent(vm::saveSamples);
    }
}
