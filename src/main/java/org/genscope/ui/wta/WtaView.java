package org.genscope.ui.wta;

import java.nio.file.Path;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.genscope.data.DataOrigin;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.io.ModelFile;
import org.genscope.session.DataChoice;
import org.genscope.train.JobState;
import org.genscope.train.Snapshot;
import org.genscope.ui.common.Labels;
import org.genscope.ui.common.Spinners;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.shell.DatasetTarget;
import org.genscope.ui.shell.ModelOpener;
import org.genscope.ui.shell.ModelTarget;
import org.genscope.ui.shell.TabbedWorkspace;
import org.genscope.ui.shell.WorkspaceContext;
import org.genscope.ui.shell.WorkspaceDescriptor;
import org.genscope.ui.train.RunLifecycle;
import org.genscope.ui.train.TrainingControls;
import org.genscope.wta.WtaKind;
import org.genscope.wta.WtaPayload;
import org.genscope.wta.WtaPreset;

/**
 * Controller of fxml/wta/WtaView.fxml, wiring only: build a winner-take-all autoencoder (Makhzani &amp; Frey 2015),
 * train it, and watch lifetime and spatial sparsity turn its decoder's filters into strokes; look at one image's
 * code before and after the rules; measure the features with a linear classifier. State and rules are the
 * {@link WtaViewModel}'s.
 */
public final class WtaView extends TabbedWorkspace implements DatasetTarget, ModelTarget {
    /** The workspace's registration. */
    public static final WorkspaceDescriptor DESCRIPTOR = new WorkspaceDescriptor("wta", "WTA", "Winner-take-all autoencoders",
            "Winner-take-all autoencoders learn sparse features by letting only the strongest units fire: lifetime "
                    + "sparsity across a batch, spatial sparsity in convolutional maps. Watch the filters turn into "
                    + "pen strokes as it trains, then measure the features with a linear classifier. "
                    + "(Makhzani & Frey, 2015)",
            "wta", WtaView::create);

    @FXML private Parent root;
    @FXML private ComboBox<WtaPreset> presetChoice;
    @FXML private ComboBox<WtaKind> kindChoice;
    @FXML private Label unitsLabel;
    @FXML private TextField unitsField;
    @FXML private Spinner<Integer> encoderSpinner;
    @FXML private Spinner<Integer> decoderSpinner;
    @FXML private Label sparsityTitle;
    @FXML private Slider kSlider;
    @FXML private CheckBox spatialCheck;
    @FXML private ComboBox<WtaData> dataChoice;
    @FXML private Label dataNote;
    @FXML private Label errorLabel;
    @FXML private TextField lrField;
    @FXML private TextField decayField;
    @FXML private Spinner<Integer> batchSpinner;
    @FXML private Spinner<Integer> epochsSpinner;
    @FXML private Spinner<Integer> seedSpinner;
    @FXML private VBox trainingBox;
    @FXML private Button saveModelButton;
    @FXML private Button exportFiltersButton;
    @FXML private Button gifButton;
    @FXML private TabPane tabs;
    @FXML private Tab trainTab;
    @FXML private Tab filtersTab;
    @FXML private Tab activityTab;
    @FXML private Tab featuresTab;
    @FXML private Tab compareTab;
    @FXML private GridPane modelGrid;
    @FXML private GridPane trainingGrid;

    private final WorkspaceContext context;
    private final WtaViewModel vm;
    private TrainPanel trainPanel;
    private final FiltersPanel filtersPanel = new FiltersPanel();
    private ActivityPanel activityPanel;
    private final ComparePanel comparePanel = new ComparePanel();
    private WtaPayload lastPayload;
    private long activityShown;

    private WtaView(WorkspaceContext context) {
        this.context = context;
        this.vm = new WtaViewModel(context.ui(), context.message());
        vm.run().publishTo(context.models()::publish);
    }

    static WtaView create(WorkspaceContext context) {
        return load("/fxml/wta/WtaView.fxml", new WtaView(context));
    }

    /** The workspace's state (tests drive it directly). */
    public WtaViewModel viewModel() {
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
        return "wta";
    }

    @Override
    protected String applySetting(String key, String value) {
        return WtaLessonSettings.apply(vm, key, value);
    }

    @Override
    protected Map<String, String> currentSettings() {
        return WtaLessonSettings.capture(vm);
    }

    @Override
    protected DataChoice.Kind dataKind() {
        return vm.dataProperty().get() == WtaData.FILE ? DataChoice.Kind.FILE : DataChoice.Kind.BUILT_IN;
    }

    @FXML
    private void initialize() {
        keepLabelsWhole(modelGrid, trainingGrid);
        presetChoice.getItems().setAll(WtaPreset.values());
        presetChoice.setConverter(Labels.converter(p -> p.title));
        presetChoice.valueProperty().bindBidirectional(vm.presetProperty());
        kindChoice.getItems().setAll(WtaKind.values());
        kindChoice.setConverter(Labels.converter(k -> k == WtaKind.FC ? "FC (fully connected)" : "Conv (convolutional)"));
        Labels.shortWhenClosed(kindChoice, k -> k == WtaKind.FC ? "FC" : "Conv");
        kindChoice.valueProperty().bindBidirectional(vm.kindProperty());
        unitsField.textProperty().bindBidirectional(vm.unitsProperty());
        unitsLabel.textProperty().bind(vm.kindProperty().map(k -> k == WtaKind.FC ? "Hidden units" : "Feature maps"));
        Spinners.bind(encoderSpinner, 0, 99, 2, vm.encoderKernelProperty());
        Spinners.bind(decoderSpinner, 0, 99, 2, vm.decoderKernelProperty());
        var fc = vm.kindProperty().isEqualTo(WtaKind.FC);
        encoderSpinner.disableProperty().bind(fc);
        decoderSpinner.disableProperty().bind(fc);
        spatialCheck.disableProperty().bind(fc);
        kSlider.valueProperty().bindBidirectional(vm.kPercentProperty());
        sparsityTitle.textProperty().bind(Bindings.createStringBinding(() -> "Lifetime sparsity k = "
                + WtaLabels.percent(Math.round(vm.kPercentProperty().get() * 2) / 2.0) + "%"
                + (vm.kPercentProperty().get() >= 100 ? " (off)" : ""), vm.kPercentProperty()));
        kSlider.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) vm.kPercentProperty().set(Math.round(kSlider.getValue() * 2) / 2.0);
        });
        spatialCheck.selectedProperty().bindBidirectional(vm.spatialProperty());
        dataChoice.getItems().setAll(WtaData.values());
        Labels.shortWhenClosed(dataChoice, WtaData::shortLabel);
        dataChoice.valueProperty().bindBidirectional(vm.dataProperty());
        vm.dataProperty().addListener((o, a, d) -> onData());
        dataNote.setText(vm.dataNote());
        dataLine().bind(vm.dataProperty().map(d -> "Data: " + d.shortLabel()));
        errorLabel.textProperty().bind(vm.errorProperty());
        lrField.textProperty().bindBidirectional(vm.learningRateProperty());
        decayField.textProperty().bindBidirectional(vm.weightDecayProperty());
        Spinners.bind(batchSpinner, 1, WtaSettings.MAX_BATCH, 10, vm.batchProperty());
        Spinners.bind(epochsSpinner, 1, WtaSettings.MAX_EPOCHS, 1, vm.epochsProperty());
        Spinners.bind(seedSpinner, 0, Integer.MAX_VALUE, 1, vm.seedProperty());
        trainingBox.getChildren().add(new TrainingControls(vm.run()));
        saveModelButton.disableProperty().bind(vm.run().hasModelProperty().not());
        exportFiltersButton.disableProperty().bind(vm.run().hasModelProperty().not());
        gifButton.disableProperty().bind(vm.run().hasModelProperty().not());
        initTabs();
        presetChoice.getSelectionModel().select(WtaPreset.FC_20);
    }

    private void initTabs() {
        trainPanel = new TrainPanel(vm.run().job().statusProperty());
        trainTab.setContent(trainPanel);
        filtersTab.setContent(filtersPanel);
        activityPanel = new ActivityPanel(vm.activity());
        activityTab.setContent(activityPanel);
        FeaturesPanel features = new FeaturesPanel(vm.features());
        features.runButton().setOnAction(e -> vm.features().run(vm.modelCopy(), vm.modelName(lastPayload, true)));
        ScrollPane featuresScroll = new ScrollPane(features);   // nothing is cut off in presenter mode
        featuresScroll.setFitToWidth(true);
        featuresScroll.setFitToHeight(true);
        featuresTab.setContent(featuresScroll);
        compareTab.setContent(comparePanel);
        comparePanel.keepButton().setOnAction(e -> keepReference());
        comparePanel.keepButton().disableProperty().bind(vm.run().hasModelProperty().not());
        comparePanel.openButton().setOnAction(e -> ModelOpener.ask(root.getScene().getWindow(),
                "Open a WTA model to compare").ifPresent(vm.compare()::open));
        vm.compare().referenceProperty().addListener((o, a, s) -> comparePanel.showReference(s));
        vm.activity().passProperty().addListener((o, a, p) -> activityPanel.show(p));
        vm.activity().imageProperty().addListener((o, a, i) -> refreshActivity(true));
        activityTab.selectedProperty().addListener((o, a, now) -> {
            if (now) refreshActivity(true);
        });
        vm.run().job().setOnSnapshot(this::onSnapshot);
        vm.run().job().preparingProperty().addListener((o, a, now) -> {
            if (now && !filtersTab.isSelected()) tabs.getSelectionModel().select(trainTab);
        });
        vm.runDataProperty().addListener((o, a, r) -> {
            lastPayload = null;
            trainPanel.reset(r);
            filtersPanel.reset(r.config());
            activityPanel.reset();
            vm.activity().clear();
        });
    }

    /** The Compare tab's "keep": this run's latest filters become the reference (tests press it too). */
    void keepReference() {
        vm.compare().keep(lastPayload, vm.modelName(lastPayload, false));
    }

    private void onData() {
        dataNote.setText(vm.dataNote());
        if (vm.fileMissing()) context.openDataset().run();
    }

    private void onSnapshot(Snapshot<WtaPayload> s) {
        trainPanel.show(s);
        WtaPayload p = s.payload();
        if (p == null || p == lastPayload) return;
        lastPayload = p;
        boolean settled = s.state().isTerminal() || s.state() == JobState.PAUSED || s.state() == JobState.NEW;
        CompareModel.FilterSet set = CompareModel.FilterSet.of(vm.modelName(lastPayload, false), p);
        filtersPanel.show(set, settled);
        if (compareTab.isSelected() || settled) comparePanel.showCurrent(set);
        refreshActivity(settled);
    }

    /** Recomputes the Activity tab from a model copy if it is visible (at most once a second while training). */
    private void refreshActivity(boolean now) {
        if (!activityTab.isSelected() || vm.runDataProperty().get() == null) return;
        long t = System.nanoTime();
        if (!now && t - activityShown < 1_000_000_000L) return;
        activityShown = t;
        vm.activity().refresh(vm.modelCopy(), vm.runDataProperty().get().heldOut());
    }

    @Override
    public Use<DataSplits> useDataset(DataOrigin origin, Dataset data) {
        return remembering(origin, vm.useDataset(origin, data));
    }

    @FXML
    private void onSaveModel() {
        context.files().askSave(root.getScene().getWindow(), "Save trained WTA autoencoder", "wta", ExportService.MODEL)
                .ifPresent(vm.run()::save);
    }

    @FXML
    private void onOpenModel() {
        ModelOpener.ask(root.getScene().getWindow(), "Open a trained WTA autoencoder").ifPresent(this::openModel);
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
    private void onExportFilters() {
        FilterExports.png(context, root.getScene().getWindow(), filtersPanel.grid());
    }

    @FXML
    private void onSaveGif() {
        FilterExports.gif(context, root.getScene().getWindow(), filtersPanel.frames().frames());
    }
}
