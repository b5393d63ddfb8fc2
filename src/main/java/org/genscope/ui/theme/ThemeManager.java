package org.genscope.ui.theme;

import java.net.URL;
import java.util.List;
import java.util.Objects;
import javafx.scene.Scene;

/**
 * Applies a theme and presenter mode to a scene. base.css carries every rule; the theme sheet only sets the
 * named colours; presenter mode is the style class {@code presenter} on the root (larger type, thicker lines).
 */
public final class ThemeManager {
    public static final String BASE = "/styles/base.css";
    public static final String PRESENTER_CLASS = "presenter";

    private ThemeManager() {}

    /**
     * Sets the theme's stylesheets and the presenter class, each only if it changes: every change makes JavaFX
     * style the whole scene again, and every themed canvas redraw (a presenter toggle used to replace the
     * stylesheets as well, for two full restyles).
     */
    public static void apply(Scene scene, Theme theme, boolean presenter) {
        List<String> sheets = List.of(url(theme.stylesheet()), url(BASE));
        if (!scene.getStylesheets().equals(sheets)) scene.getStylesheets().setAll(sheets);
        List<String> classes = scene.getRoot().getStyleClass();
        if (presenter && !classes.contains(PRESENTER_CLASS)) {
            classes.add(PRESENTER_CLASS);
        } else if (!presenter) {
            classes.remove(PRESENTER_CLASS);
        }
    }

    /** Whether a scene currently shows presenter mode (canvases use it to thicken their own lines). */
    public static boolean isPresenter(Scene scene) {
        return scene != null && scene.getRoot().getStyleClass().contains(PRESENTER_CLASS);
    }

    private static String url(String resource) {
        URL u = Objects.requireNonNull(ThemeManager.class.getResource(resource), "missing stylesheet " + resource);
        return u.toExternalForm();
    }
}
