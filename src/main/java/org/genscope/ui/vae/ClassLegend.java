package org.genscope.ui.vae;

import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import org.genscope.ui.theme.Palette;

/**
 * The scatter's class legend: one toggle per class with its colour, its name and how many dots it has; switching
 * one off hides that class's dots (and they can no longer be hovered or picked). Without labels it says so. FX thread.
 */
final class ClassLegend extends FlowPane {
    private BiConsumer<Integer, Boolean> onToggle = (k, shown) -> { };
    private final java.util.List<Region> swatches = new java.util.ArrayList<>();

    ClassLegend() {
        super(6, 4);
        getStyleClass().add("class-legend");
        Palette.watch(this, this::paint);
    }

    void setOnToggle(BiConsumer<Integer, Boolean> onToggle) {
        this.onToggle = onToggle;
    }

    /** One toggle per class of {@code codes} ({@code noun} names a class, e.g. "digit"), all shown. */
    void show(LatentCodes codes, String noun) {
        getChildren().clear();
        swatches.clear();
        int n = codes == null ? 0 : codes.classes();
        if (n == 0) {
            Label none = new Label(codes == null ? "" : "These examples have no class labels: every dot has one colour.");
            none.getStyleClass().add("muted");
            none.setWrapText(true);
            getChildren().add(none);
            return;
        }
        int[] counts = new int[n];
        for (int y : codes.examples().labels()) counts[y]++;
        Label title = new Label(plural(noun) + ":");
        title.getStyleClass().add("muted");
        getChildren().add(title);
        for (int k = 0; k < n; k++) {
            int cls = k;
            Region swatch = new Region();
            swatch.getStyleClass().add("class-swatch");
            swatches.add(swatch);
            ToggleButton b = new ToggleButton(Integer.toString(k), swatch);
            b.getStyleClass().add("class-toggle");
            b.setSelected(true);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setTooltip(new Tooltip(String.format(Locale.ROOT, "%s %d: %,d dots. Click to hide or show them.", noun, k,
                    counts[k])));
            b.selectedProperty().addListener((o, was, now) -> onToggle.accept(cls, now));
            getChildren().add(b);
        }
        paint();
    }

    private void paint() {
        if (getScene() == null || swatches.isEmpty()) return;
        Color[] colours = ClassColours.of(this, Palette.of(this));
        for (int k = 0; k < swatches.size(); k++) {
            swatches.get(k).setBackground(new Background(new BackgroundFill(colours[k % colours.length], new CornerRadii(99), null)));
        }
    }

    /** "Digits", "Classes": the legend's heading for a class noun. */
    static String plural(String noun) {
        if (noun.isEmpty()) return noun;
        String cap = Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
        return cap + (noun.endsWith("s") ? "es" : "s");
    }
}
