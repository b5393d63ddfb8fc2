package org.genscope.ui.made;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.List;
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
import org.genscope.ui.common.FxDataSet;
import org.genscope.ui.common.MatrixView;
import org.genscope.ui.common.Swatch;
import org.genscope.ui.common.SwatchLegend;

/**
 * Each layer's mask as a labelled matrix (rows = units of the upper layer, columns = units of the lower one, as in the
 * paper's M^W and M^V; kept and masked weights in their theme colours, with a legend) and a bar chart of the
 * fraction of weights kept per layer — so "do masks get sparser as the network gets deeper?" is answered by looking,
 * for any configuration.
 */
final class MasksPanel extends VBox {
    private final HBox maps = new HBox(12);
    private final XYChart chart;
    private final DoubleDataSet kept = new FxDataSet("kept fraction");
    private final Label hover = new Label(" ");

    /** Cell value 0 = masked, 1 = kept. */
    static final List<Swatch> STATES = List.of(
            new Swatch("-app-grid", "masked: the weight is held at 0"),
            new Swatch("-app-accent", "kept: the row's unit may see the column's unit"));

    MasksPanel() {
        setSpacing(10);
        setPadding(new Insets(12));
        DefaultNumericAxis x = Charts.axis("mask (M1 = inputs → hidden 1, last = hidden → outputs)");
        DefaultNumericAxis y = Charts.axis("fraction kept");
        y.set(0, 1);
        y.setAutoRanging(false);
        x.setAutoRanging(false);
        x.setTickUnit(1);
        x.setMinorTickCount(0);
        Charts.wholeTicks(x, "M");                 // masks are numbered
        chart = Charts.standard(new XYChart(x, y));
        chart.setTitle("Weights kept per layer");
        chart.getDatasets().add(kept);
        Charts.bars(chart);
        chart.setLegendVisible(false);             // one series, named by the title
        chart.getStyleClass().add("kept-chart");   // sized in base.css: ChartFX's chart.css overrides sizes set in code
        hover.getStyleClass().add("muted");
        VBox.setVgrow(maps, Priority.ALWAYS);
        SwatchLegend legend = new SwatchLegend();
        legend.set(STATES, null);
        Label caption = new Label("How to read a mask: row k is a unit of layer l, column j a unit of layer l − 1 "
                + "(the paper's M). A weight is kept when m_l(k) ≥ m_l−1(j) (outputs: d > m_L(k)), so each unit sees "
                + "only inputs up to its degree m(k). Hover a cell for both degrees.");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        caption.getStyleClass().add("muted");
        HBox key = new HBox(20, legend, caption);         // the legend beside how to read it
        HBox.setHgrow(caption, Priority.ALWAYS);
        legend.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(maps, hover, key, chart);
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
            float[] t = new float[in * out];       // shown out×in, as the paper writes M: 1 = kept, 0 = masked
            for (int i = 0; i < in; i++) {
                for (int o = 0; o < out; o++) t[o * in + i] = m.data[i * out + o];
            }
            int below = l;
            int above = l + 1;
            MatrixView map = new MatrixView();
            map.setStates(STATES);
            map.setMatrix(t, out, in,
                    new MatrixView.Axis("layer " + above + " · " + layerName(above, layers), r -> unit(above, layers, r)),
                    new MatrixView.Axis("layer " + below + " · " + layerName(below, layers), j -> unit(below, layers, j)));
            map.setMinSize(120, 120);
            String name = "M" + above + ": " + layerName(above, layers) + " ← " + layerName(below, layers);
            map.setOnHover((r, col) -> hover.setText(r < 0 ? " " : String.format(Locale.ROOT,
                    "%s — row %s (m = %d), column %s (m = %d): %s", name, unit(above, layers, r),
                    c.degrees(above)[r], unit(below, layers, col), c.degrees(below)[col],
                    STATES.get((int) t[r * in + col]).meaning())));
            // the axes say which layers; the title names the mask and its size
            Label title = new Label(String.format(Locale.ROOT, "M%d  (%d×%d, %.0f%% kept)", above, out, in,
                    100 * c.keptFraction(l)));
            title.setTooltip(new javafx.scene.control.Tooltip(name));
            title.setWrapText(true);
            title.setMinHeight(Region.USE_PREF_SIZE);
            VBox box = new VBox(4, title, map);
            VBox.setVgrow(map, Priority.ALWAYS);
            HBox.setHgrow(box, Priority.ALWAYS);
            box.setMinWidth(120);
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

    /** Layer k of a network with {@code masks} masks: inputs (0), hidden 1 … hidden L, outputs (L + 1). */
    private static String layerName(int k, int masks) {
        return k == 0 ? "inputs x" : k == masks ? "outputs x̂" : "hidden " + k;
    }

    /** Unit i of layer k as the axes label it: x3 for an input, x̂3 for an output, 3 for a hidden unit. */
    private static String unit(int k, int masks, int i) {
        return (k == 0 ? "x" : k == masks ? "x̂" : "") + (i + 1);
    }
}
