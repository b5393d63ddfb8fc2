package org.genscope.ui.wta;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.genscope.ui.common.FormLabels;
import org.genscope.ui.common.Colormap;
import org.genscope.ui.common.ImageGrid;
import org.genscope.wta.Filters;

/**
 * Two sets of decoder filters side by side, most used first: a reference (kept from an earlier run or opened from a
 * file) and the training run's, so a plain conv autoencoder's delta functions and a Conv-WTA's strokes on the same
 * data are seen together.
 */
final class ComparePanel extends VBox {
    /** Tiles shown per side. */
    static final int TILES = 64;

    private final Button keep = new Button("Keep the current filters as the reference");
    private final Button open = new Button("Open a saved model as the reference…");
    private final ImageGrid left = new ImageGrid();
    private final ImageGrid right = new ImageGrid();
    private final Label leftTitle = FormLabels.section("Reference: none yet");
    private final Label rightTitle = FormLabels.section("This run: not trained yet");

    ComparePanel() {
        getStyleClass().add("wta-compare");
        setPadding(new Insets(12));
        setSpacing(8);
        keep.setTooltip(new Tooltip("Copy this run's latest filters to the left, then train another preset to compare"));
        open.setTooltip(new Tooltip("Read a WTA model saved by Genscope (app or genscope train wta) and show its filters on the left"));
        keep.setId("wta-keep-reference");
        for (Button b : new Button[] {keep, open}) b.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(8, keep, open);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox sides = new HBox(16, side(leftTitle, left), side(rightTitle, right));
        VBox.setVgrow(sides, Priority.ALWAYS);
        Label note = FormLabels.muted("A demonstration in three clicks: train “plain conv AE (delta filters)”, keep its filters, "
                + "then train “Conv-WTA 32 maps” on the same data. Without sparsity the autoencoder just copies the image: "
                + "its weight decay clears away what no image needs and each filter shrinks to a dot, a delta function "
                + "(with weight decay 0 they keep their random start: noise). With spatial and lifetime sparsity they "
                + "become strokes.");
        getChildren().addAll(buttons, sides, note);
    }

    Button keepButton() {
        return keep;
    }

    Button openButton() {
        return open;
    }

    void showReference(CompareModel.FilterSet s) {
        show(left, leftTitle, "Reference: ", s);
    }

    void showCurrent(CompareModel.FilterSet s) {
        show(right, rightTitle, "This run: ", s);
    }

    private static void show(ImageGrid grid, Label title, String prefix, CompareModel.FilterSet s) {
        if (s == null) return;
        Filters f = s.filters();
        int[] order = FilterOrder.USAGE.order(s.winRate(), s.usage());
        int n = Math.min(TILES, f.count());
        float[] tiles = FilterOrder.arrange(f.contrastNormalised(), f.rows(), f.cols(), order, n);
        grid.setGapArgb(FiltersPanel.GAP);
        grid.setImages(tiles, n, f.rows(), f.cols(), (int) Math.ceil(Math.sqrt(n)), Colormap.GRAY, false, 0, 1);
        title.setText(prefix + s.title());
    }

    private static VBox side(Label title, ImageGrid grid) {
        VBox.setVgrow(grid, Priority.ALWAYS);
        VBox box = new VBox(6, title, grid);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setPrefWidth(400);
        grid.setMinSize(160, 160);
        return box;
    }
}
