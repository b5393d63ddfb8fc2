package org.genscope.ui.theme;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
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

    private static final String[] NAMES = {"-app-bg", "-app-surface", "-app-text", "-app-text-muted", "-app-border",
            "-app-accent", "-app-danger", "-app-success", "-app-chart-1", "-app-chart-2", "-app-chart-3", "-app-chart-4",
            "-app-chart-5", "-app-chart-6", "-app-chart-7", "-app-chart-8"};
    private static final Color[] FALLBACKS = {Color.WHITE, Color.WHITE, Color.BLACK, Color.GRAY, Color.LIGHTGRAY,
            Color.DODGERBLUE, Color.RED, Color.GREEN, Color.STEELBLUE, Color.STEELBLUE, Color.STEELBLUE, Color.STEELBLUE,
            Color.STEELBLUE, Color.STEELBLUE, Color.STEELBLUE, Color.STEELBLUE};

    /** What a scene's palette depends on: its stylesheets and its root's style classes (presenter mode). */
    private record Look(List<String> stylesheets, List<String> rootClasses) {
        static Look of(Scene scene) {
            return new Look(List.copyOf(scene.getStylesheets()), List.copyOf(scene.getRoot().getStyleClass()));
        }
    }

    private record Cached(Look look, Palette palette) {}

    /** One palette per scene and look: every canvas of a scene shares it, so a theme change resolves it once. */
    private static final Map<Scene, Cached> CACHE = new WeakHashMap<>();

    /**
     * The palette for a node (colours are defined on the scene's root); the same instance for every node of a
     * scene until its theme or presenter mode changes.
     */
    public static Palette of(Parent node) {
        Scene scene = node.getScene();
        if (scene == null) return resolve(node);
        Look look = Look.of(scene);
        Cached c = CACHE.get(scene);
        if (c == null || !c.look().equals(look)) {
            c = new Cached(look, resolve(scene.getRoot()));
            CACHE.put(scene, c);
        }
        return c.palette();
    }

    /** Resolves every named colour at once (one probe, one CSS pass). */
    private static Palette resolve(Parent p) {
        Color[] c = ThemeColors.resolveAll(p, NAMES, FALLBACKS);
        return new Palette(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], Arrays.copyOfRange(c, 8, 16),
                ThemeManager.isPresenter(p.getScene()) ? 1.5 : 1.0);
    }

    /** One named theme colour (e.g. {@code -app-warning}) as the node's scene resolves it, else {@code fallback}. */
    public static Color named(Parent node, String name, Color fallback) {
        return ThemeColors.resolve(node.getScene() != null ? node.getScene().getRoot() : node, name, fallback);
    }

    /**
     * Calls {@code onChange} whenever the palette the node sees changes: its scene's theme (stylesheets) or
     * presenter mode, or a new scene with another look. Moving the node between places of the same look (a
     * workspace shown again) calls nothing, so canvases are not redrawn for nothing.
     */
    public static void watch(Parent node, Runnable onChange) {
        Palette[] last = new Palette[1];
        Runnable check = () -> {
            if (node.getScene() == null) return;
            Palette now = of(node);
            if (now != last[0]) {
                last[0] = now;
                onChange.run();
            }
        };
        ListChangeListener<String> listener = c -> check.run();
        node.sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.getStylesheets().removeListener(listener);
                old.getRoot().getStyleClass().removeListener(listener);
            }
            if (now != null) attach(now, listener);
            check.run();
        });
        if (node.getScene() != null) {
            attach(node.getScene(), listener);
            last[0] = of(node);
        }
    }

    private static void attach(Scene scene, ListChangeListener<String> listener) {
        scene.getStylesheets().addListener(listener);
        scene.getRoot().getStyleClass().addListener(listener);
    }
}
