package org.genscope.ui.compare;

import java.util.Arrays;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.genscope.data.Grid2D;
import org.genscope.ui.common.DensityView;

/**
 * The small multiples of a 2-D group: the test points, then each model's density p(x) on the same grid. Every tile
 * has a title of {@value #TITLE_LINES} lines (its CSS height; a longer one ends in an ellipsis and shows whole as its
 * tooltip) above an image of one size, so the images line up, top edges level, whatever the titles. Sizes are in em
 * ({@code .compare-tile-title}, {@code .compare-tile-image}): presenter type enlarges the tiles with their titles.
 * FX thread.
 */
final class DensityTiles extends TilePane {
    /** Lines a tile's title has room for. */
    static final int TITLE_LINES = 2;
    /** Test points drawn at most (the tile is small: more would only fill it). */
    private static final int MAX_POINTS = 3000;

    DensityTiles() {
        super(10, 10);
        getStyleClass().add("compare-tiles");
        setTileAlignment(Pos.TOP_LEFT);
    }

    /** Shows {@code tiles}, the test points in {@code accent}. */
    void show(List<DensityTile> tiles, Color accent) {
        getChildren().clear();
        for (DensityTile t : tiles) {
            DensityView v = new DensityView();
            v.getStyleClass().add("compare-tile-image");
            Grid2D g = t.grid();
            double[] bounds = {g.xmin(), g.xmax(), g.ymin(), g.ymax()};
            if (t.density() != null) {
                v.setDensityRowsFromBottom(t.density(), g.nx(), g.ny(), bounds);
            } else {
                v.setDensity(new float[g.nx() * g.ny()], g.ny(), g.nx(), bounds[0], bounds[1], bounds[2], bounds[3]);
                v.setDataPoints(Arrays.copyOf(t.points(), Math.min(t.points().length, 2 * MAX_POINTS)), accent);
            }
            Label name = new Label(t.title());
            name.getStyleClass().addAll("muted", "compare-tile-title");
            name.setWrapText(true);
            name.setTextOverrun(OverrunStyle.ELLIPSIS);
            name.setAlignment(Pos.TOP_LEFT);
            name.setTooltip(new Tooltip(t.title()));
            VBox tile = new VBox(4, name, v);
            tile.getStyleClass().add("compare-tile");
            getChildren().add(tile);
        }
    }
}
