package org.genscope.ui.common;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The legend of a state-coloured view: one line per state, a swatch in its theme colour and its meaning (wrapping to
 * the width it is given). The swatches are styled by the same named colours the view draws with, so they agree.
 */
public final class SwatchLegend extends VBox {
    public SwatchLegend() {
        getStyleClass().add("swatch-legend");
    }

    /** Shows {@code swatches}, each with its {@code counts[i]} in brackets if counts is not null. */
    public void set(List<Swatch> swatches, int[] counts) {
        getChildren().clear();
        for (int i = 0; i < swatches.size(); i++) {
            Swatch s = swatches.get(i);
            Region colour = new Region();
            colour.getStyleClass().add("swatch");
            colour.setStyle("-fx-background-color: " + s.colour() + ";");
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
    }
}
