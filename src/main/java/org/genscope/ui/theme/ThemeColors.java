package org.genscope.ui.theme;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * Reads a named theme colour (e.g. {@code -app-chart-1}) as the current stylesheets resolve it, so canvases draw
 * with exactly the colours the CSS defines: one source of truth, no colour tables duplicated in Java.
 * Works by styling a hidden probe region inside the given parent and reading back its background fill.
 */
public final class ThemeColors {
    private ThemeColors() {}

    /**
     * Resolves {@code name} in the context of {@code parent} (which must be in a scene with the theme applied).
     * Returns {@code fallback} if the name is unknown.
     */
    public static Color resolve(Parent parent, String name, Color fallback) {
        return resolveAll(parent, new String[] {name}, new Color[] {fallback})[0];
    }

    /**
     * Resolves several names with one probe (a background of one fill per name, one CSS pass); the fallbacks where
     * a name is unknown or no theme applies.
     */
    public static Color[] resolveAll(Parent parent, String[] names, Color[] fallbacks) {
        Color[] out = fallbacks.clone();
        if (!themed(parent)) return out;          // nothing defines the names: probing would only log CSS warnings
        Region probe = new Region();
        probe.setManaged(false);
        probe.setVisible(false);
        probe.setStyle("-fx-background-color: " + String.join(", ", names) + ";");
        ProbeHost.add(parent, probe);
        try {
            probe.applyCss();
            Background bg = probe.getBackground();
            if (bg == null || bg.getFills().size() != names.length) return out;
            for (int i = 0; i < names.length; i++) {
                if (bg.getFills().get(i).getFill() instanceof Color c) out[i] = c;
            }
            return out;
        } finally {
            ProbeHost.remove(parent, probe);
        }
    }

    /** Whether a theme stylesheet applies to {@code node}: on its scene, or on an ancestor (e.g. a dialog pane). */
    static boolean themed(Node node) {
        if (node.getScene() != null && hasTheme(node.getScene().getStylesheets())) return true;
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Parent p && hasTheme(p.getStylesheets())) return true;
        }
        return false;
    }

    private static boolean hasTheme(java.util.List<String> sheets) {
        for (String s : sheets) {
            for (Theme t : Theme.values()) if (s.endsWith(t.stylesheet())) return true;
        }
        return false;
    }

    /** Adds and removes the probe through the public children list of a Pane-like parent. */
    private static final class ProbeHost {
        static void add(Parent parent, Region probe) {
            if (parent instanceof javafx.scene.layout.Pane pane) {
                pane.getChildren().add(probe);
            } else if (parent instanceof javafx.scene.Group group) {
                group.getChildren().add(probe);
            } else {
                throw new IllegalArgumentException("theme colours resolve inside a Pane or Group, got "
                        + parent.getClass().getSimpleName());
            }
        }

        static void remove(Parent parent, Region probe) {
            if (parent instanceof javafx.scene.layout.Pane pane) {
                pane.getChildren().remove(probe);
            } else if (parent instanceof javafx.scene.Group group) {
                group.getChildren().remove(probe);
            }
        }
    }
}
