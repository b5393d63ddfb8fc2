package org.genscope.ui.flow;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.genscope.data.Grid2D;
import org.genscope.ui.common.Colormap;
import org.genscope.ui.common.HeatMap;
import org.genscope.ui.common.Texts;

/**
 * Small multiples: one titled diverging heat map per layer, all on the same symmetric range [−R, R], in rows of
 * at least four (a square-ish grid for long stacks). The cells are rebuilt only when the layers change, so a
 * model that keeps training just updates the pixels. FX thread only.
 */
final class LogDetGrid extends GridPane {
    /** Called with (layer, grid row from the top, column) under the mouse, or (−1, −1, −1) when it leaves. */
    interface Hover {
        void at(int layer, int row, int col);
    }

    private List<String> titles = List.of();
    private HeatMap[] maps = new HeatMap[0];
    private Hover hover = (k, r, c) -> { };

    LogDetGrid() {
        getStyleClass().add("log-det-grid");
        setHgap(8);
        setVgap(6);
    }

    void setOnHover(Hover hover) {
        this.hover = hover;
    }

    int count() {
        return maps.length;
    }

    /** Shows values[k] (on {@code g}, row 0 at the bottom) under titles[k], colours over [−range, range]. */
    void show(List<String> newTitles, float[][] values, Grid2D g, double range) {
        if (!newTitles.equals(titles)) rebuild(newTitles);
        for (int k = 0; k < maps.length; k++) {
            maps[k].setRange(-range, range);
            maps[k].setData(DiagnosticsReport.topDown(values[k], g), g.ny(), g.nx());
        }
    }

    private void rebuild(List<String> newTitles) {
        titles = List.copyOf(newTitles);
        getChildren().clear();
        getColumnConstraints().clear();
        getRowConstraints().clear();
        int n = titles.size();
        int cols = Math.max(Math.min(n, 4), (int) Math.ceil(Math.sqrt(n)));
        int rows = (n + cols - 1) / cols;
        for (int c = 0; c < cols; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / cols);
            getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(rc);
        }
        maps = new HeatMap[n];
        for (int k = 0; k < n; k++) {
            HeatMap m = new HeatMap();
            m.setColormap(Colormap.DIVERGING);
            m.setMinSize(48, 48);
            m.setPrefSize(120, 120);
            int layer = k;
            m.setOnHover((r, c) -> hover.at(r < 0 ? -1 : layer, r, c));
            maps[k] = m;
            String full = titles.get(k);
            Label t = new Label(full);
            t.setMinWidth(0);
            t.setTooltip(new javafx.scene.control.Tooltip(full));
            VBox cell = new VBox(2, t, m);
            // a narrow tile (presenter type, small window) shows the layer number only; the tooltip has the rest
            String number = String.valueOf(layer + 1);
            cell.widthProperty().addListener((o, a, w) ->
                    t.setText(Texts.width(full, t.getFont()) <= w.doubleValue() ? full : number));
            VBox.setVgrow(m, Priority.ALWAYS);
            add(cell, k % cols, k / cols);
        }
    }
}
