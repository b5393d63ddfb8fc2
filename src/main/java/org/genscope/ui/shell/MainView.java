package org.genscope.ui.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.genscope.io.Metadata;
import org.genscope.io.ModelFile;
import org.genscope.io.ModelFileException;
import org.genscope.train.TaskExecutor;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.home.HomeView;
import org.genscope.ui.theme.Theme;
import org.genscope.ui.theme.ThemeColors;
import org.genscope.ui.theme.ThemeManager;

/** Controller of fxml/shell/MainView.fxml: menus, sidebar navigation, workspace switching, status bar. */
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
    private final TaskExecutor background;
    private final Map<Workspace, Parent> views = new EnumMap<>(Workspace.class);
    private final Map<Workspace, ToggleButton> navButtons = new EnumMap<>(Workspace.class);
    private final ToggleGroup navGroup = new ToggleGroup();

    /** @param background runs slow work (reading files) off the FX thread */
    public MainView(MainViewModel model, ExportService exporter, TaskExecutor background) {
        this.model = model;
        this.exporter = exporter;
        this.datasetOpener = new DatasetOpener(model, background);
        this.background = background;
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
        Label section = new Label("WORKSPACES");
        section.getStyleClass().add("section");
        navBox.getChildren().add(navButton(Workspace.HOME));
        navBox.getChildren().add(section);
        for (Workspace w : Workspace.values()) {
            if (w != Workspace.HOME) navBox.getChildren().add(navButton(w));
        }
        // Keep exactly one entry selected: clicking the selected entry must not clear it.
        navGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) old.setSelected(true);
        });
        model.currentProperty().addListener((obs, old, now) -> show(now));
        show(model.currentProperty().get());

        backendLabel.textProperty().bind(model.backendProperty());
        datasetLabel.textProperty().bind(model.datasetProperty());
        trainingLabel.textProperty().bind(model.trainingStateProperty());
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
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), () -> {
            if (currentView().getProperties().get(TrainingShortcuts.KEY) instanceof TrainingShortcuts t) t.trainOrResume();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), () -> {
            if (currentView().getProperties().get(TrainingShortcuts.KEY) instanceof TrainingShortcuts t) t.pause();
        });
        Workspace[] all = Workspace.values();
        for (int i = 0; i < all.length; i++) {
            Workspace w = all[i];
            KeyCombination key = new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (i + 1)), KeyCombination.SHORTCUT_DOWN);
            scene.getAccelerators().put(key, () -> model.select(w));
        }
    }

    private ToggleButton navButton(Workspace w) {
        ToggleButton b = new ToggleButton(w.title());
        b.setId("nav-" + w.slug());
        b.getStyleClass().add("nav-button");
        b.setToggleGroup(navGroup);
        b.setMaxWidth(Double.MAX_VALUE);
        if (!w.available()) {
            Label note = new Label("not built yet");
            note.getStyleClass().addAll("nav-note", "muted");
            b.setGraphic(note);
            b.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            b.setGraphicTextGap(10);
            b.setDisable(true);
        }
        b.setOnAction(e -> {
            if (!model.select(w)) b.setSelected(false);
        });
        navButtons.put(w, b);
        return b;
    }

    private void show(Workspace w) {
        Parent view = views.computeIfAbsent(w, this::createView);
        content.getChildren().setAll(view);
        navButtons.get(w).setSelected(true);
    }

    private Parent createView(Workspace w) {
        if (w == Workspace.HOME) {
            FXMLLoader loader = new FXMLLoader(MainView.class.getResource("/fxml/home/HomeView.fxml"));
            try {
                Parent p = loader.load();
                HomeView home = loader.getController();
                home.setOnOpen(model::select);
                return p;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load HomeView.fxml", e);
            }
        }
        WorkspaceContext context = new WorkspaceContext(model.settings(), background, model.trainingStateProperty(),
                model.messageProperty(), this::onOpenDataset);
        return w.factory().orElseThrow(() -> new IllegalStateException(w + " is not built")).apply(context);
    }

    /** The node shown in the content area (what "Export view" exports). */
    public Node currentView() {
        return content.getChildren().isEmpty() ? content : content.getChildren().get(0);
    }

    @FXML
    private void onExportView() {
        Node view = currentView();
        String slug = model.currentProperty().get().slug();
        if (view.getProperties().get(Exportable.KEY) instanceof Exportable e) {
            view = e.exportNode();
            slug = e.exportSlug();
        }
        Color bg = ThemeColors.resolve(content, "-app-bg", Color.WHITE);
        try {
            Optional<Path> written = exporter.exportView(root.getScene().getWindow(), view, slug, bg);
            written.ifPresent(p -> model.messageProperty().set("Exported " + p.toAbsolutePath()));
        } catch (IOException | RuntimeException e) {
            Dialogs.error(root.getScene().getWindow(), "Export failed", e.getMessage()
                    + "\n\nNothing was written. Check that the folder exists and is writable, then try again.");
        }
    }

    @FXML
    private void onOpenDataset() {
        DatasetTarget target = currentView().getProperties().get(DatasetTarget.KEY) instanceof DatasetTarget t ? t : null;
        datasetOpener.open(root.getScene().getWindow(), target, model.currentProperty().get().title());
    }

    @FXML
    private void onOpenModel() {
        ModelOpener.ask(root.getScene().getWindow(), "Open a trained model").ifPresent(this::openModel);
    }

    /**
     * Opens a model file saved by Genscope in the workspace of its kind (MADE or flow, from its metadata), which
     * shows it; a file of another kind, or not a model, gets a message naming it. FX thread; returns at once.
     */
    public void openModel(Path file) {
        model.messageProperty().set("Reading " + file.getFileName() + "…");
        background.execute(() -> {
            try {
                String kind = ModelFile.read(file).meta(Metadata.MODEL).orElse("");
                Workspace w = switch (kind) {
                    case "made" -> Workspace.MADE;
                    case "flow" -> Workspace.FLOWS;
                    default -> throw new ModelFileException(file, kind.isEmpty() ? "names no model kind"
                            : "holds a '" + kind + "' model, which no workspace opens yet");
                };
                Platform.runLater(() -> {
                    if (model.select(w) && currentView().getProperties().get(ModelTarget.KEY) instanceof ModelTarget t) {
                        t.openModel(file);
                    }
                });
            } catch (IOException e) {
                Platform.runLater(() -> {
                    model.messageProperty().set("Could not open " + file.getFileName());
                    Dialogs.error(root.getScene().getWindow(), "Cannot open this model", e.getMessage()
                            + "\n\nGenscope opens the .safetensors files it saves (MADE and flows).");
                });
            }
        });
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
        Platform.exit();
    }
}
