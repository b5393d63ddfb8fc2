package org.genscope.ui.vae;

import java.nio.file.Path;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.genscope.data.DataOrigin;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.io.ModelFile;
import org.genscope.nn.Activations;
import org.genscope.nn.OptimizerKind;
import org.genscope.session.DataChoice;
import org.genscope.train.JobState;
import org.genscope.train.Snapshot;
import org.genscope.ui.common.Labels;
import org.genscope.ui.common.OutOfDate;
import org.genscope.ui.common.PaintPanel;
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
import org.genscope.vae.VaePayload;

/**
 * Controller of fxml/vae/VaeView.fxml, wiring only: train a variational autoencoder live, explore its latent space
 * by hand (decode any point, interpolate, the manifold grid) and look inside its bound (KL per unit, ELBO against the
 * importance-sampled log-likelihood). State and rules are the {@link VaeViewModel}'s.
 */
public final class VaeView extends TabbedWorkspace implements DatasetTarget, ModelTarget {
    /** The workspace's registration. */
    public static final WorkspaceDescriptor DESCRIPTOR = new WorkspaceDescriptor("vae", "VAE", "Variational autoencoders",
            "A variational autoencoder learns a small latent space and a decoder that maps latent points back to data, "
                    + "trained on the ELBO = reconstruction − KL. Scatter the latent codes, decode a grid of latent "
                    + "points, and click anywhere in latent space to see what it means. (Kingma & Welling, 2014)",
            "vae", VaeView::create);
    private static final FileChooser.ExtensionFilter GIF = new FileChooser.ExtensionFilter("Animated GIF (*.gif)", "*.gif");
    private static final FileChooser.ExtensionFilter CSV = new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv");
    /** Least time between two recomputations of the latent space while a run trains. */
    private static final long LATENT_EVERY_NANOS = 1_000_000_000L;

    @FXML private Parent root;
    @FXML private ComboBox<VaePreset> presetChoice;
    @FXML private Label presetNote;
    @FXML private ComboBox<VaeData> dataChoice;
    @FXML private CheckBox binarizeCheck;
    @FXML private Label dataNote;
    @FXML private TextField hiddenField;
    @FXML private ComboBox<String> activationChoice;
    @FXML private Spinner<Integer> latentSpinner;
    @FXML private Spinner<Integer> samplesSpinner;
    @FXML private TextField betaField;
    @FXML private Spinner<Integer> warmupSpinner;
    @FXML private Label errorLabel;
    @FXML private ComboBox<OptimizerKind> optimizerChoice;
    @FXML private TextField lrField;
    @FXML private Spinner<Integer> epochsSpinner;
    @FXML private Spinner<Integer> batchSpinner;
    @FXML private Spinner<Integer> seedSpinner;
    @FXML private VBox trainingBox;
    @FXML private Button saveModelButton;
    @FXML private TabPane tabs;
    @FXML private Tab trainTab;
    @FXML private Tab latentTab;
    @FXML private Tab boundTab;
    @FXML private Tab paintTab;
    @FXML private GridPane modelGrid;
    @FXML private GridPane trainingGrid;

    private final WorkspaceContext context;
    private final VaeViewModel vm;
    private final VaeTrainingPanel trainingPanel = new VaeTrainingPanel();
    private LatentPanel latentPanel;
    private BoundPanel boundPanel;
    private VaePayload lastPayload;
    private long latentShown;

    private VaeView(WorkspaceContext context) {
        this.context = context;
        this.vm = new VaeViewModel(context.ui(), context.message());
        vm.run().publishTo(context.models()::publish);
    }

    static VaeView create(WorkspaceContext context) {
        return load("/fxml/vae/VaeView.fxml", new VaeView(context));
    }

    /** The workspace's state (tests drive it directly). */
    public VaeViewModel viewModel() {
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
        return "vae";
    }

    @Override
    protected String applySetting(String key, String value) {
        return VaeLessonSettings.apply(vm, key, value);
    }

    @Override
    protected Map<String, String> currentSettings() {
        return VaeLessonSettings.capture(vm);
    }

    @Override
    protected DataChoice.Kind dataKind() {
        return switch (vm.dataProperty().get().kind()) {
            case BINARIZED_MNIST, LABELLED_MNIST, TOY -> DataChoice.Kind.BUILT_IN;
            case PAINTED -> DataChoice.Kind.PAINTED;
            case FILE -> DataChoice.Kind.FILE;
        };
    }

    @Override
    protected Painting painting() {
        return new Painting(vm::painted, vm::usePainted);
    }

    @FXML
    private void initialize() {
        keepLabelsWhole(modelGrid, trainingGrid);
        presetChoice.getItems().setAll(VaePreset.ALL);
        presetChoice.valueProperty().bindBidirectional(vm.presetProperty());
        presetNote.textProperty().bind(vm.presetNoteProperty());
        dataChoice.setItems(vm.dataChoices());
        Labels.shortWhenClosed(dataChoice, VaeData::shortLabel);
        dataChoice.valueProperty().bindBidirectional(vm.dataProperty());
        dataLine().bind(vm.dataProperty().map(d -> "Data: " + d.shortLabel()));
        vm.dataProperty().addListener((o, a, d) -> {
            if (d.kind() == VaeData.Kind.FILE && vm.file() == null) context.openDataset().run();
        });
        binarizeCheck.selectedProperty().bindBidirectional(vm.binarizeProperty());
        binarizeCheck.disableProperty().bind(vm.binarizableProperty().not());
        dataNote.textProperty().bind(vm.dataNoteProperty());
        hiddenField.textProperty().bindBidirectional(vm.hiddenProperty());
        activationChoice.getItems().setAll(Activations.NAMES);
        activationChoice.valueProperty().bindBidirectional(vm.activationProperty());
        Spinners.bind(latentSpinner, 0, 1_000_000, 1, vm.latentProperty());        // 0 and > 100 reach the error line
        Spinners.bind(samplesSpinner, 0, 1_000_000, 1, vm.samplesProperty());
        Spinners.bind(warmupSpinner, 0, Integer.MAX_VALUE, 500, vm.warmupProperty());
        betaField.textProperty().bindBidirectional(vm.betaProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        optimizerChoice.getItems().setAll(OptimizerKind.values());
        optimizerChoice.valueProperty().bindBidirectional(vm.optimizerProperty());
        lrField.textProperty().bindBidirectional(vm.learningRateProperty());
        Spinners.bind(epochsSpinner, 1, VaeSettings.MAX_EPOCHS, 5, vm.epochsProperty());
        Spinners.bind(batchSpinner, 1, VaeSettings.MAX_BATCH, 50, vm.batchProperty());
        Spinners.bind(seedSpinner, 0, Integer.MAX_VALUE, 1, vm.seedProperty());
        trainingBox.getChildren().add(new TrainingControls(vm.run()));
        saveModelButton.disableProperty().bind(vm.run().hasModelProperty().not());

        latentPanel = new LatentPanel(vm.latentSpace());
        latentPanel.gifButton.setOnAction(e -> ask("Save the interpolation as a GIF", "vae-interpolation", GIF)
                .ifPresent(f -> vm.latentSpace().saveGif(f, gifRows(), gifCols())));
        latentPanel.codesButton.setOnAction(e -> ask("Save the codes as CSV", "vae-codes", CSV)
                .ifPresent(vm.latentSpace()::saveCodes));
        boundPanel = new BoundPanel(vm.evaluation());
        boundPanel.evaluate.setOnAction(e -> evaluate());
        trainTab.setContent(OutOfDate.wrap(scrolling(trainingPanel), vm.outOfDateProperty()));
        latentTab.setContent(OutOfDate.wrap(scrolling(latentPanel), vm.outOfDateProperty()));
        boundTab.setContent(OutOfDate.wrap(scrolling(boundPanel), vm.outOfDateProperty()));
        PaintPanel paint = new PaintPanel(context.ui());
        paint.setOnUse(vm::usePainted);
        paintTab.setContent(paint);
        latentTab.selectedProperty().addListener((o, a, now) -> {
            if (now) refreshLatent(true);
        });
        vm.run().job().setOnSnapshot(this::onSnapshot);
        vm.run().job().preparingProperty().addListener((o, a, now) -> {
            if (now && (paintTab.isSelected() || boundTab.isSelected())) tabs.getSelectionModel().select(trainTab);
        });
        vm.runDataProperty().addListener((o, a, r) -> {
            lastPayload = null;
            trainingPanel.reset(r.data(), r.config());
            latentPanel.reset(r.data());
            boundPanel.clear();
        });
        presetChoice.getSelectionModel().select(0);
    }

    /** A tab's content filling the tab, scrolled vertically where presenter mode makes it taller than the window. */
    private static ScrollPane scrolling(javafx.scene.layout.Region content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        s.setFitToHeight(true);
        return s;
    }

    private void onSnapshot(Snapshot<VaePayload> s) {
        trainingPanel.show(s);
        VaePayload p = s.payload();
        if (p == null || p == lastPayload) return;
        lastPayload = p;
        boundPanel.showUnits(p.latent(), p.step());
        refreshLatent(s.state().isTerminal() || s.state() == JobState.PAUSED || s.state() == JobState.NEW);
    }

    /** Re-encodes the scatter with the newest model if its tab is visible (at most once a second while training). */
    private void refreshLatent(boolean now) {
        if (lastPayload == null || !latentTab.isSelected()) return;
        long t = System.nanoTime();
        if (!now && t - latentShown < LATENT_EVERY_NANOS) return;
        latentShown = t;
        vm.latentSpace().refresh(lastPayload.model().copy(), lastPayload.step());
    }

    private void evaluate() {
        VaeViewModel.RunData r = vm.runDataProperty().get();
        if (lastPayload == null || r == null) return;
        vm.evaluation().evaluate(lastPayload.model().copy(), r.data().splits().test(), lastPayload.step());
    }

    private int gifRows() {
        return vm.runDataProperty().get().data().scatter().imageRows();
    }

    private int gifCols() {
        return vm.runDataProperty().get().data().scatter().imageCols();
    }

    private java.util.Optional<Path> ask(String title, String slug, FileChooser.ExtensionFilter filter) {
        return context.files().askSave(root.getScene().getWindow(), title, slug, filter);
    }

    @FXML
    private void onOpenData() {
        context.openDataset().run();
    }

    @Override
    public Use<OpenedFile> useDataset(DataOrigin origin, Dataset data) {
        return remembering(origin, vm.useDataset(origin, data));
    }

    @FXML
    private void onSaveModel() {
        ask("Save trained VAE", "vae", ExportService.MODEL).ifPresent(vm.run()::save);
    }

    @FXML
    private void onOpenModel() {
        ModelOpener.ask(root.getScene().getWindow(), "Open a trained VAE").ifPresent(this::openModel);
    }

    @Override
    public void openModel(Path file) {
        vm.openModel(file);
    }

    @Override
    public void openModel(ModelFile model) {
        vm.openModel(model);
    }
}
