package org.genscope.ui.made;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ejml.data.FMatrixRMaj;
import org.genscope.made.Connectivity;
import org.genscope.ui.common.Charts;
import org.genscope.ui.common.Colormap;
import org.genscope.ui.common.HeatMap;

/**
 * Each layer's mask as a matrix (rows = units of the upper layer, columns = units of the lower one, bright = kept,
 * as in the paper's M^W and M^V) and a plot of the fraction of weights kept per layer — so "do masks get sparser as
 * the network gets deeper?" is answered by looking, for any configuration.
 */
final class MasksPanel extends VBox {
    private final HBox maps = new HBox(12);
    private final XYChart chart;
    private final DoubleDataSet kept = new DoubleDataSet("kept fraction");
    private final Label hover = new Label(" ");

    MasksPanel() {
        setSpacing(10);
        setPadding(new Insets(12));
        DefaultNumericAxis x = Charts.axis("mask (M1 = inputs → hidden 1, last = hidden → outputs)");
        DefaultNumericAxis y = Charts.axis("fraction of weights kept");
        y.set(0, 1);
        y.setAutoRanging(false);
        x.setAutoRanging(false);
        x.setTickUnit(1);
        x.setMinorTickCount(0);
        // masks are numbered: label whole ticks only (ChartFX may still place ticks at quarters)
        x.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                return Math.abs(v - Math.rint(v)) < 1e-9 ? "M" + Math.round(v) : "";
            }

            @Override
            public Number fromString(String text) {
                return Double.parseDouble(text.replace("M", ""));
            }
        });
        chart = Charts.standard(new XYChart(x, y));
        chart.setTitle("Weights kept per layer");
        chart.getDatasets().add(kept);
        Charts.bars(chart);
        chart.setLegendVisible(false);             // one series, named by the title
        chart.setPrefHeight(230);
        chart.setMinHeight(180);
        hover.getStyleClass().add("muted");
        VBox.setVgrow(maps, Priority.ALWAYS);
        getChildren().addAll(maps, hover, chart);
    }

    void show(Connectivity c) {
        int layers = c.hiddenLayers() + 1;
        maps.getChildren().clear();
        double[] xs = new double[layers];
        double[] ys = new double[layers];
        for (int l = 0; l < layers; l++) {
            FMatrixRMaj m = c.mask(l);             // in×out
            int in = m.numRows;
            int out = m.numCols;
            float[] t = new float[in * out];       // shown out×in, as the paper writes M
            for (int i = 0; i < in; i++) {
                for (int o = 0; o < out; o++) t[o * in + i] = m.data[i * out + o];
            }
            HeatMap map = new HeatMap();
            map.setColormap(Colormap.VIRIDIS);
            map.setRange(0, 1);
            map.setData(t, out, in);
            map.setMinSize(80, 80);
            String name = l == layers - 1 ? "M" + (l + 1) + ": outputs ← hidden " + l
                    : "M" + (l + 1) + ": hidden " + (l + 1) + " ← " + (l == 0 ? "inputs" : "hidden " + l);
            int layer = l;
            map.setOnHover((r, col) -> hover.setText(r < 0 ? " " : String.format(Locale.ROOT,
                    "%s — row %d (m = %d), column %d (m = %d): %s", name, r + 1, c.degrees(layer + 1)[r], col + 1,
                    c.degrees(layer)[col], t[r * in + col] != 0 ? "kept" : "masked")));
            Label title = new Label(String.format(Locale.ROOT, "%s  (%d×%d, %.0f%% kept)", name, out, in,
                    100 * c.keptFraction(l)));
            title.setWrapText(true);
            title.setMinHeight(Region.USE_PREF_SIZE);
            VBox box = new VBox(4, title, map);
            VBox.setVgrow(map, Priority.ALWAYS);
            HBox.setHgrow(box, Priority.ALWAYS);
            box.setMinWidth(100);
            box.setPrefWidth(10);              // share the row equally
            maps.getChildren().add(box);
            xs[l] = l + 1;
            ys[l] = c.keptFraction(l);
        }
        kept.set(xs, ys);
        DefaultNumericAxis x = (DefaultNumericAxis) chart.getXAxis();
        x.set(0.5, layers + 0.5);
        x.setTickUnit(1);
    }
}
