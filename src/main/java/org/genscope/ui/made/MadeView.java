package org.genscope.ui.made;

import java.nio.file.Path;
import java.util.Map;
import java.util.Locale;
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
import org.genscope.data.DataOrigin;
import org.genscope.data.Dataset;
import org.genscope.io.ModelFile;
import org.genscope.made.Connectivity;
import org.genscope.made.DegreeRule;
import org.genscope.made.OrderingKind;
import org.genscope.nn.OptimizerKind;
import org.genscope.session.DataChoice;
import org.genscope.ui.common.Labels;
import org.genscope.ui.common.OutOfDate;
import org.genscope.ui.common.TwoWay;
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
 * Controller of fxml/made/MadeView.fxml, wiring only: build a MADE by hand (D, widths, ordering, degree rule, seed;
 * drag the ordering; edit a unit's m(k)), see its connectivity graph and mask matrices, check the autoregressive
 * property numerically, and train it. State and rules are the {@link MadeViewModel}'s.
 */
public final class MadeView extends TabbedWorkspace implements DatasetTarget, ModelTarget {
    /** The workspace's registration. */
    public static final WorkspaceDescriptor DESCRIPTOR = new WorkspaceDescriptor("made", "MADE", "Masked autoencoders",
            "A MADE turns an ordinary autoencoder into a density model by masking its weights so that each output sees "
                    + "only the inputs before it in an ordering. Build the masks by hand, see which inputs each unit "
                    + "can reach, train on binarized MNIST and draw digits pixel by pixel. (Germain et al., 2015)",
            "made", MadeView::create);

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
    @FXML private Label errorLabel;
    @FXML private FlowPane orderingStrip;
    @FXML private Label unitLabel;
    @FXML private HBox unitBox;
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
    private final MadeViewModel vm;
    private final ConnectivityGraph graph = new ConnectivityGraph();
    private final MasksPanel masks = new MasksPanel();
    private final DependencyPanel dependencyPanel = new DependencyPanel();
    private final MadeTrainingPanel trainingPanel = new MadeTrainingPanel();
    private UnitEditor unitEditor;

    private MadeView(WorkspaceContext context) {
        this.context = context;
        this.vm = new MadeViewModel(context.ui(), context.message());
        vm.run().publishTo(context.models()::publish);
    }

    static MadeView create(WorkspaceContext context) {
        return load("/fxml/made/MadeView.fxml", new MadeView(context));
    }

    /** The workspace's state (tests drive it directly). */
    public MadeViewModel viewModel() {
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
        return "made";
    }

    @Override
    protected String applySetting(String key, String value) {
        return MadeLessonSettings.apply(vm, key, value);
    }

    @Override
    protected Map<String, String> currentSettings() {
        return MadeLessonSettings.capture(vm);
    }

    @Override
    protected DataChoice.Kind dataKind() {
        return vm.dataProperty().get() instanceof OpenedData ? DataChoice.Kind.FILE : DataChoice.Kind.BUILT_IN;
    }

    @FXML
    private void initialize() {
        keepLabelsWhole(networkGrid, trainingGrid);
        MadeBuilderModel b = vm.builder();
        dataChoice.setItems(vm.dataChoices());
        Labels.shortWhenClosed(dataChoice, MadeSource::shortLabel);
        dataChoice.valueProperty().bindBidirectional(vm.dataProperty());
        dataNote.textProperty().bind(vm.dataProperty().map(MadeSource::note));
        dataLine().bind(vm.dataProperty().map(d -> d.trainable() ? "Data: " + d.shortLabel() : "Data: none (sandbox)"));
        inputsSpinner.disableProperty().bind(vm.dataProperty().isNotEqualTo(MadeData.SANDBOX));
        inputsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(2, OpenedData.MAX_INPUTS, b.inputsProperty().get()));
        TwoWay.follow(inputsSpinner.getValueFactory().valueProperty(), b.inputsProperty(), Number::intValue,
                v -> edit(() -> b.inputsProperty().set(v)));
        widthsField.setText(b.widthsProperty().get());
        b.widthsProperty().addListener((o, a, v) -> widthsField.setText(v));
        widthsField.setOnAction(e -> applyWidths());
        widthsField.focusedProperty().addListener((o, was, now) -> {
            if (!now) applyWidths();
        });
        orderingChoice.getItems().setAll(OrderingKind.values());
        orderingChoice.setConverter(Labels.converter(k -> k.name().toLowerCase(Locale.ROOT)));
        TwoWay.follow(orderingChoice.valueProperty(), b.orderingProperty(), v -> edit(() -> b.orderingProperty().set(v)));
        ruleChoice.getItems().setAll(DegreeRule.values());
        ruleChoice.setConverter(Labels.converter(r -> switch (r) {
            case UNIFORM -> "uniform (paper)";
            case EVEN -> "evenly spread";
            case SOFTMAX -> "softmax-weighted";
        }));
        Labels.shortWhenClosed(ruleChoice, r -> r == DegreeRule.UNIFORM ? "uniform" : r == DegreeRule.EVEN ? "even" : "softmax");
        TwoWay.follow(ruleChoice.valueProperty(), b.ruleProperty(), v -> edit(() -> b.ruleProperty().set(v)));
        softmaxLabel.disableProperty().bind(ruleChoice.valueProperty().isNotEqualTo(DegreeRule.SOFTMAX));
        softmaxSpinner.disableProperty().bind(ruleChoice.valueProperty().isNotEqualTo(DegreeRule.SOFTMAX));
        softmaxSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(-5, 5, 0, 0.1));
        TwoWay.follow(softmaxSpinner.getValueFactory().valueProperty(), b.softmaxLProperty(), Number::doubleValue,
                v -> edit(() -> b.softmaxLProperty().set(v)));
        seedSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Integer.MAX_VALUE, 1));
        TwoWay.follow(seedSpinner.getValueFactory().valueProperty(), b.seedProperty(), Number::intValue,
                v -> edit(() -> b.seedProperty().set(v)));
        directCheck.selectedProperty().bindBidirectional(b.directProperty());
        errorLabel.textProperty().bind(b.errorProperty());

        unitEditor = new UnitEditor(b, unitLabel, unitBox, degreeSpinner);
        graph.setOnSelect(unitEditor::select);
        networkTab.setContent(graph);
        masksTab.setContent(masks);
        checkTab.setContent(dependencyPanel);
        trainingTab.setContent(OutOfDate.wrap(trainingPanel, vm.outOfDateProperty()));
        b.connectivityProperty().addListener((o, a, c) -> showNetwork(c));
        directCheck.selectedProperty().addListener((o, a, v) -> showNetwork(b.connectivity()));
        vm.checkProperty().addListener((o, a, c) -> showCheck(c));
        initTraining();
        showNetwork(b.connectivity());
        showCheck(vm.checkProperty().get());
    }

    /** A builder setting changed: the network is drawn again from the settings. */
    private void edit(Runnable change) {
        change.run();
        vm.builder().rebuild();
    }

    private void applyWidths() {
        if (!widthsField.getText().equals(vm.builder().widthsProperty().get())) {
            edit(() -> vm.builder().widthsProperty().set(widthsField.getText()));
        }
    }

    private void initTraining() {
        masksSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 64, 1));
        masksSpinner.getValueFactory().valueProperty().bindBidirectional(vm.masksProperty());
        orderAgnosticCheck.selectedProperty().bindBidirectional(vm.orderAgnosticProperty());
        optimizerChoice.getItems().setAll(OptimizerKind.values());
        optimizerChoice.valueProperty().bindBidirectional(vm.optimizerProperty());
        lrField.textProperty().bindBidirectional(vm.learningRateProperty());
        epochsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 10_000, 20));
        epochsSpinner.getValueFactory().valueProperty().bindBidirectional(vm.epochsProperty());
        batchSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 10_000, 100));
        batchSpinner.getValueFactory().valueProperty().bindBidirectional(vm.batchProperty());
        trainingBox.getChildren().add(new TrainingControls(vm.run()));
        saveModelButton.disableProperty().bind(vm.run().hasModelProperty().not());
        vm.run().job().setOnSnapshot(trainingPanel::show);
        vm.run().job().preparingProperty().addListener((o, a, now) -> {
            if (now) tabs.getSelectionModel().select(trainingTab);
        });
        vm.runDataProperty().addListener((o, a, r) -> trainingPanel.reset(r.train(), r.images()));
        trainingPanel.drawButton().setOnAction(e -> vm.drawPixelByPixel(frames -> trainingPanel.play(frames,
                vm.runDataProperty().get().train().imageRows(), vm.runDataProperty().get().train().imageCols())));
    }

    private void showNetwork(Connectivity c) {
        if (c == null) return;
        int[] selected = unitEditor.keep(c);
        graph.setGraph(new GraphModel(c, vm.builder().directProperty().get()));
        if (selected[0] > 0) graph.select(selected[0], selected[1]);
        masks.show(c);
        OrderingStrip.fill(orderingStrip, c.sequence(), vm.builder()::moveInOrdering);
    }

    private void showCheck(MadeViewModel.Check c) {
        if (c == null) dependencyPanel.checking();
        else if (c.error() != null) dependencyPanel.failed(c.error());
        else dependencyPanel.show(c.network(), c.dependencies());
    }

    @FXML
    private void onOpenData() {
        context.openDataset().run();
    }

    @Override
    public Use<OpenedData> useDataset(DataOrigin origin, Dataset data) {
        return remembering(origin, vm.useDataset(origin, data));
    }

    @FXML
    private void onResample() {
        vm.builder().resample();
    }

    @FXML
    private void onOpenModel() {
        ModelOpener.ask(root.getScene().getWindow(), "Open a trained MADE").ifPresent(this::openModel);
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
    private void onSaveModel() {
        context.files().askSave(root.getScene().getWindow(), "Save trained MADE", "made", ExportService.MODEL)
                .ifPresent(vm.run()::save);
    }
}
