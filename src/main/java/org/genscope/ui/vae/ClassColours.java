package org.genscope.ui.vae;

import java.util.Map;
import java.util.WeakHashMap;
import javafx.scene.Parent;
import javafx.scene.paint.Color;
import org.genscope.ui.theme.Palette;
import org.genscope.ui.theme.ThemeColors;

/**
 * The colours of the ten digit classes (named theme colours {@code -app-class-0} … {@code -app-class-9}, matplotlib's
 * "tab10" in the light theme, lifted for the dark one), resolved once per look with one probe and shared by the
 * scatter, its legend and the data plane. Labels beyond ten reuse the colours in turn. FX thread only.
 */
final class ClassColours {
    static final int COUNT = 10;
    private static final String[] NAMES = new String[COUNT];
    private static final Color[] FALLBACKS = new Color[COUNT];
    private static final Map<Palette, Color[]> CACHE = new WeakHashMap<>();

    static {
        for (int k = 0; k < COUNT; k++) {
            NAMES[k] = "-app-class-" + k;
            FALLBACKS[k] = Color.hsb(36.0 * k, 0.7, 0.75);
        }
    }

    private ClassColours() {}

    /** The class colours as {@code node}'s scene shows them now ({@code palette} is that scene's, from {@link Palette#of}). */
    static Color[] of(Parent node, Palette palette) {
        return CACHE.computeIfAbsent(palette, p -> ThemeColors.resolveAll(node.getScene() != null
                ? node.getScene().getRoot() : node, NAMES, FALLBACKS));
    }

    /** The colour of class {@code label} (−1, no label: the accent). */
    static Color colour(Color[] classes, Palette palette, int label) {
        return label < 0 ? palette.accent() : classes[label % COUNT];
    }
}
