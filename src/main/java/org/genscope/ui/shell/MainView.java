package org.genscope.ui.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import org.genscope.ui.common.Lesson;
import org.genscope.ui.common.UiExecutor;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.theme.Theme;
import org.genscope.ui.theme.ThemeColors;
import org.genscope.ui.theme.ThemeManager;
import org.genscope.ui.train.SessionModels;

/**
 * Controller of fxml/shell/MainView.fxml: menus, workspace switching ({@link Sidebar}), status bar. It knows the
 * workspaces only as registered {@link WorkspaceDescriptor}s and their {@link WorkspaceView} handles.
 */
public final class MainView {
    @FXML private BorderPane root;
    @FXML private VBox navBox;
    @FXML private StackPane content;
    @FXML private Label backendLabel;
    @FXML private Label datasetLabel;
    @FXML private Label trainingLabel;
    @FXML private Label messageLabel;
    @FXML private RadioMenuItem lightThemeItem;
    @FXML private RadioMenuItem darkThemeItem;
    @FXML private CheckMenuItem presenterItem;

    private final MainViewModel model;
    private final ExportService exporter;
    private final DatasetOpener datasetOpener;
    private final LessonOpener lessonOpener;
    private final ModelRouter modelRouter;
    private final SessionFiles sessions;
    private final UiExecutor ui;
    private final Map<String, WorkspaceView> views = new LinkedHashMap<>();
    /** The models trained or opened in this session, for the Compare view. */
    private final SessionModels models = new SessionModels();
    private Sidebar sidebar;
    private QuitConfirmer quitConfirmer = Dialogs::quitAnyway;

    /** @param ui runs slow work (reading files) off the FX thread */
    public MainView(MainViewModel model, ExportService exporter, UiExecutor ui) {
        this.model = model;
        this.exporter = exporter;
        this.datasetOpener = new DatasetOpener(model, ui);
        this.lessonOpener = new LessonOpener(model, ui, this::visible);
        this.modelRouter = new ModelRouter(model, ui, this::visible);
        this.sessions = new SessionFiles(model, ui, exporter, views, () -> datasetOpener);
        this.ui = ui;
    }

    public MainViewModel model() {
        return model;
    }

    /** Loads the FXML view with this controller. */
    public Parent load() {
        FXMLLoader loader = new FXMLLoader(MainView.class.getResource("/fxml/shell/MainView.fxml"));
        loader.setControllerFactory(type -> this);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load MainView.fxml", e);
        }
    }

    @FXML
    private void initialize() {
        sidebar = new Sidebar(navBox, model.home(), model.workspaces(), model::select);
        model.currentProperty().addListener((obs, old, now) -> show(now));
        show(model.currentProperty().get());

        backendLabel.textProperty().bind(model.backendProperty());
        messageLabel.textProperty().bind(model.messageProperty());

        lightThemeItem.setSelected(model.themeProperty().get() == Theme.LIGHT);
        darkThemeItem.setSelected(model.themeProperty().get() == Theme.DARK);
        lightThemeItem.setOnAction(e -> model.themeProperty().set(Theme.LIGHT));
        darkThemeItem.setOnAction(e -> model.themeProperty().set(Theme.DARK));
        model.themeProperty().addListener((obs, old, now) -> {
            lightThemeItem.setSelected(now == Theme.LIGHT);
            darkThemeItem.setSelected(now == Theme.DARK);
        });
        presenterItem.selectedProperty().bindBidirectional(model.presenterProperty());
    }

    /** Applies theme and presenter mode to the scene now and whenever they change; adds navigation shortcuts. */
    public void attach(Scene scene) {
        Runnable restyle = () -> ThemeManager.apply(scene, model.themeProperty().get(), model.presenterProperty().get());
        restyle.run();
        model.themeProperty().addListener((obs, old, now) -> restyle.run());
        model.presenterProperty().addListener((obs, old, now) -> restyle.run());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
                () -> visible().training().ifPresent(TrainingShortcuts::trainOrResume));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE),
                () -> visible().training().ifPresent(TrainingShortcuts::pause));
        List<WorkspaceDescriptor> all = new java.util.ArrayList<>(List.of(model.home()));
        all.addAll(model.workspaces());
        for (int i = 0; i < Math.min(all.size(), 9); i++) {
            WorkspaceDescriptor w = all.get(i);
            KeyCombination key = new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (i + 1)), KeyCombination.SHORTCUT_DOWN);
            scene.getAccelerators().put(key, () -> model.select(w));
        }
    }

    /**
     * Builds the workspaces not opened yet in the idle time after the window shows, so that opening one is quick
     * ({@link WorkspacePrebuilder}); call once the stage is showing.
     */
    public void prebuildWorkspaces() {
        new WorkspacePrebuilder(model.workspaces(), w -> {
            if (views.containsKey(w.id())) return null;
            WorkspaceView v = createView(w);
            views.put(w.id(), v);
            return v.root();
        }, root.getScene()).start();
    }

    private void show(WorkspaceDescriptor w) {
        WorkspaceView view = views.computeIfAbsent(w.id(), id -> createView(w));
        content.getChildren().setAll(view.root());
        sidebar.select(w.id());
        bindStatus(datasetLabel, view.datasetStatus().map(p -> (ObservableValue<String>) p).orElse(model.datasetProperty()));
        bindStatus(trainingLabel, view.trainingStatus().map(p -> (ObservableValue<String>) p).orElseGet(this::runningElsewhere));
    }

    private static void bindStatus(Label label, ObservableValue<String> text) {
        label.textProperty().unbind();
        label.textProperty().bind(text);
    }

    /** For a view that trains nothing (the home page): the runs going on in the other workspaces, if any. */
    private StringBinding runningElsewhere() {
        List<ReadOnlyStringProperty> all = views.values().stream().flatMap(v -> v.trainingStatus().stream()).toList();
        return Bindings.createStringBinding(() -> {
            List<String> live = all.stream().map(ReadOnlyStringProperty::get)
                    .filter(t -> t.contains(": running") || t.contains(": paused")).toList();
            return live.isEmpty() ? "Idle: no model training" : String.join("   ", live);
        }, all.toArray(ReadOnlyStringProperty[]::new));
    }

    private WorkspaceView createView(WorkspaceDescriptor w) {
        if (!w.available()) throw new IllegalStateException(w.title() + " is not built");
        WorkspaceContext context = new WorkspaceContext(model.settings(), ui, exporter, model.messageProperty(),
                this::onOpenDataset, model.workspaces(), model::select, this::openLesson, models);
        return w.factory().apply(context);
    }

    /** The view of workspace {@code id} if it has been built (opened or prebuilt). */
    Optional<WorkspaceView> built(String id) {
        return Optional.ofNullable(views.get(id));
    }

    /** The handle of the visible workspace (or the home page). */
    public WorkspaceView visible() {
        return views.get(model.currentProperty().get().id());
    }

    /** The node shown in the content area. */
    public Node currentView() {
        return content.getChildren().isEmpty() ? content : content.getChildren().get(0);
    }

    @FXML
    private void onExportView() {
        WorkspaceView view = visible();
        Color bg = ThemeColors.resolve(content, "-app-bg", Color.WHITE);
        try {
            Optional<Path> written = exporter.exportView(root.getScene().getWindow(), view.exportNode(),
                    view.exportSlug(), bg);
            written.ifPresent(p -> model.messageProperty().set("Exported " + p.toAbsolutePath()));
        } catch (IOException | RuntimeException e) {
            Dialogs.error(root.getScene().getWindow(), "Export failed", e.getMessage()
                    + "\n\nNothing was written. Check that the folder exists and is writable, then try again.");
        }
    }

    @FXML
    private void onOpenDataset() {
        datasetOpener.open(root.getScene().getWindow(), visible().datasets().orElse(null),
                model.currentProperty().get().title());
    }

    @FXML
    private void onOpenImageFolder() {
        datasetOpener.openFolder(root.getScene().getWindow(), visible().datasets().orElse(null),
                model.currentProperty().get().title());
    }

    @FXML
    private void onOpenModel() {
        ModelOpener.ask(root.getScene().getWindow(), "Open a trained model").ifPresent(this::openModel);
    }

    /**
     * Opens a model file saved by Genscope in the workspace registered for its kind (its {@code model} metadata),
     * which shows it; a file of another kind, or not a model, gets a message naming it. FX thread; returns at once.
     */
    public void openModel(Path file) {
        modelRouter.open(root.getScene().getWindow(), file);
    }

    /** Shows {@code lesson} in its workspace's Lessons tab (the home page's links, tests). FX thread. */
    public void openLesson(Lesson lesson) {
        lessonOpener.show(root.getScene().getWindow(), lesson);
    }

    @FXML
    private void onSaveSession() {
        sessions.askAndSave(root.getScene().getWindow());
    }

    @FXML
    private void onOpenSession() {
        sessions.askAndOpen(root.getScene().getWindow());
    }

    /** File ▸ Save session / Open session (tests save and open without the file choosers). */
    SessionFiles sessions() {
        return sessions;
    }

    @FXML
    private void onOpenLesson() {
        lessonOpener.openFile(root.getScene().getWindow());
    }

    /** File ▸ Open dataset (tests replace its file chooser and dialogs). */
    DatasetOpener datasetOpener() {
        return datasetOpener;
    }

    @FXML
    private void onToggleTheme() {
        model.toggleTheme();
    }

    @FXML
    private void onShortcuts() {
        Dialogs.shortcuts(root.getScene().getWindow());
    }

    @FXML
    private void onAbout() {
        Dialogs.about(root.getScene().getWindow(), model.backendProperty().get());
    }

    @FXML
    private void onQuit() {
        if (confirmQuit()) Platform.exit();
    }

    /** Asks whether to quit though trained work is unsaved; tests replace the dialog. */
    interface QuitConfirmer {
        boolean quitAnyway(Window owner, List<String> unsaved);
    }

    void setQuitConfirmer(QuitConfirmer confirmer) {
        quitConfirmer = confirmer;
    }

    /**
     * File ▸ Quit, Ctrl+Q and the window's close button: true if nothing trained is unsaved, or the user chose to
     * quit anyway. FX thread.
     */
    public boolean confirmQuit() {
        List<String> unsaved = views.entrySet().stream().filter(e -> e.getValue().hasUnsavedWork())
                .map(e -> model.byId(e.getKey()).map(WorkspaceDescriptor::title).orElse(e.getKey())).toList();
        return unsaved.isEmpty() || quitConfirmer.quitAnyway(root.getScene().getWindow(), unsaved);
    }
}
