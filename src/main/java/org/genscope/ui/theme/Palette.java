package org.genscope.ui.theme;

import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.paint.Color;

/**
 * The theme's named colours resolved for canvas drawing, plus the presenter-mode line scale. Canvases keep one
 * and rebuild it when {@link #watch} reports a theme or presenter change.
 */
public record Palette(Color bg, Color surface, Color text, Color muted, Color border, Color accent, Color danger,
                      Color success, Color[] chart, double lineScale) {

    /** Resolves the palette for a node in a scene (colours are defined on the scene's root). */
    public static Palette of(Parent node) {
        Color[] chart = new Color[8];
        for (int i = 0; i < 8; i++) chart[i] = named(node, "-app-chart-" + (i + 1), Color.STEELBLUE);
        return new Palette(
                named(node, "-app-bg", Color.WHITE),
                named(node, "-app-surface", Color.WHITE),
                named(node, "-app-text", Color.BLACK),
                named(node, "-app-text-muted", Color.GRAY),
                named(node, "-app-border", Color.LIGHTGRAY),
                named(node, "-app-accent", Color.DODGERBLUE),
                named(node, "-app-danger", Color.RED),
                named(node, "-app-success", Color.GREEN),
                chart,
                ThemeManager.isPresenter(node.getScene()) ? 1.5 : 1.0);
    }

    /** One named theme colour (e.g. {@code -app-warning}) as the node's scene resolves it, else {@code fallback}. */
    public static Color named(Parent node, String name, Color fallback) {
        return ThemeColors.resolve(node.getScene() != null ? node.getScene().getRoot() : node, name, fallback);
    }

    /** Calls {@code onChange} whenever the node's scene changes theme (stylesheets) or presenter mode. */
    public static void watch(Parent node, Runnable onChange) {
        ListChangeListener<String> listener = c -> onChange.run();
        node.sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.getStylesheets().removeListener(listener);
                old.getRoot().getStyleClass().removeListener(listener);
            }
            if (now != null) attach(now, listener);
            onChange.run();
        });
        if (node.getScene() != null) attach(node.getScene(), listener);
    }

    private static void attach(Scene scene, ListChangeListener<String> listener) {
        scene.getStylesheets().addListener(listener);
        scene.getRoot().getStyleClass().addListener(listener);
    }
}
