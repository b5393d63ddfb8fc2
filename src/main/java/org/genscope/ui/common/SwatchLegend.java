package org.genscope.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.genscope.ui.theme.Palette;

/**
 * The legend of a state-coloured view: one line per state, a swatch in its theme colour and its meaning (wrapping to
 * the width it is given). The swatches resolve the same named colours the view draws with ({@link Palette#named}),
 * again whenever the theme or presenter mode changes, so they always agree.
 */
public final class SwatchLegend extends VBox {
    private List<Swatch> swatches = List.of();
    private final List<Region> colours = new ArrayList<>();

    public SwatchLegend() {
        getStyleClass().add("swatch-legend");
        Palette.watch(this, this::paint);
    }

    /** Shows {@code swatches}, each with its {@code counts[i]} in brackets if counts is not null. */
    public void set(List<Swatch> swatches, int[] counts) {
        this.swatches = List.copyOf(swatches);
        getChildren().clear();
        colours.clear();
        for (int i = 0; i < swatches.size(); i++) {
            Swatch s = swatches.get(i);
            Region colour = new Region();
            colour.getStyleClass().add("swatch");
            colours.add(colour);
            StackPane box = new StackPane(colour);
            box.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            if (s.marked()) {
                Label cross = new Label("×");
                cross.getStyleClass().add("swatch-mark");
                box.getChildren().add(cross);
            }
            Label meaning = new Label(counts == null ? s.meaning()
                    : s.meaning() + " (" + String.format(Locale.ROOT, "%,d", counts[i]) + ")");
            meaning.setWrapText(true);
            meaning.setMinHeight(Region.USE_PREF_SIZE);
            HBox.setHgrow(meaning, Priority.ALWAYS);
            HBox item = new HBox(box, meaning);
            item.getStyleClass().add("swatch-item");
            item.setAlignment(Pos.TOP_LEFT);
            getChildren().add(item);
        }
        paint();
    }

    private void paint() {
        if (getScene() == null) return;
        for (int i = 0; i < colours.size(); i++) {
            Color c = Palette.named(this, swatches.get(i).colour(), Color.GRAY);
            colours.get(i).setBackground(new Background(new BackgroundFill(c, null, null)));
        }
    }
}
