package org.genscope.ui.shell;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.genscope.ui.settings.Settings;
import org.genscope.ui.theme.Theme;

/**
 * State of the main window, free of controls so it can be unit-tested: the registered workspaces and the current
 * one, theme and presenter mode (both remembered between runs), and the status-bar texts.
 */
public final class MainViewModel {
    static final String THEME_KEY = "view.theme";
    static final String PRESENTER_KEY = "view.presenter";

    private final Settings settings;
    private final WorkspaceDescriptor home;
    private final List<WorkspaceDescriptor> workspaces;
    private final ObjectProperty<WorkspaceDescriptor> current = new SimpleObjectProperty<>();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final BooleanProperty presenter = new SimpleBooleanProperty();
    private final StringProperty backend = new SimpleStringProperty("");
    private final StringProperty dataset = new SimpleStringProperty("No dataset opened");
    private final StringProperty message = new SimpleStringProperty("");

    /**
     * @param home       the home page (always available)
     * @param workspaces the workspaces in sidebar order, built or planned
     */
    public MainViewModel(Settings settings, String backendDescription, WorkspaceDescriptor home,
                         List<WorkspaceDescriptor> workspaces) {
        if (!home.available()) throw new IllegalArgumentException("the home page must be built");
        this.settings = settings;
        this.home = home;
        this.workspaces = List.copyOf(workspaces);
        current.set(home);
        theme.set(settings.getEnum(THEME_KEY, Theme.class, Theme.LIGHT));
        presenter.set(settings.getBoolean(PRESENTER_KEY, false));
        backend.set("Compute: " + backendDescription);
        theme.addListener((obs, old, now) -> remember(THEME_KEY, now));
        presenter.addListener((obs, old, now) -> remember(PRESENTER_KEY, now));
    }

    private void remember(String key, Object value) {
        settings.put(key, value);
        settings.save();
    }

    public Settings settings() {
        return settings;
    }

    public WorkspaceDescriptor home() {
        return home;
    }

    /** The workspaces in sidebar order (without the home page). */
    public List<WorkspaceDescriptor> workspaces() {
        return workspaces;
    }

    /** The home page or workspace with this id. */
    public Optional<WorkspaceDescriptor> byId(String id) {
        if (home.id().equals(id)) return Optional.of(home);
        return workspaces.stream().filter(w -> w.id().equals(id)).findFirst();
    }

    /** The built workspace that opens model files of {@code kind}. */
    public Optional<WorkspaceDescriptor> forModelKind(String kind) {
        return workspaces.stream().filter(w -> w.opens(kind)).findFirst();
    }

    /** Opens a workspace; refuses (returns false) one that is not built in this version. */
    public boolean select(WorkspaceDescriptor w) {
        if (!w.available()) return false;
        current.set(w);
        return true;
    }

    /** Opens the workspace with this id; false if there is none or it is not built. */
    public boolean select(String id) {
        return byId(id).map(this::select).orElse(false);
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    public ObjectProperty<WorkspaceDescriptor> currentProperty() {
        return current;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public BooleanProperty presenterProperty() {
        return presenter;
    }

    public StringProperty backendProperty() {
        return backend;
    }

    /** The latest one-line outcome of a user action (e.g. where an export went). */
    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty datasetProperty() {
        return dataset;
    }
}
