package org.genscope.ui.shell;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.genscope.ui.settings.Settings;
import org.genscope.ui.theme.Theme;

/**
 * State of the main window, free of controls so it can be unit-tested: the current workspace, theme and
 * presenter mode (both remembered between runs), and the status-bar texts.
 */
public final class MainViewModel {
    static final String THEME_KEY = "view.theme";
    static final String PRESENTER_KEY = "view.presenter";

    private final Settings settings;
    private final ObjectProperty<Workspace> current = new SimpleObjectProperty<>(Workspace.HOME);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final BooleanProperty presenter = new SimpleBooleanProperty();
    private final StringProperty backend = new SimpleStringProperty("");
    private final StringProperty trainingState = new SimpleStringProperty("Idle: no model training");
    private final StringProperty dataset = new SimpleStringProperty("No dataset opened");
    private final StringProperty message = new SimpleStringProperty("");

    public MainViewModel(Settings settings, String backendDescription) {
        this.settings = settings;
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

    /** Opens a workspace; refuses (returns false) one that is not built in this version. */
    public boolean select(Workspace w) {
        if (!w.available()) return false;
        current.set(w);
        return true;
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    public ObjectProperty<Workspace> currentProperty() {
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

    public StringProperty trainingStateProperty() {
        return trainingState;
    }

    /** The latest one-line outcome of a user action (e.g. where an export went). */
    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty datasetProperty() {
        return dataset;
    }
}
