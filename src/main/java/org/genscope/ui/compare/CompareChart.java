package org.genscope.ui.compare;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import org.genscope.compare.Figure;
import org.genscope.ui.common.Charts;
import org.genscope.ui.common.FxDataSet;

/**
 * The Compare view's bar chart: one bar per row of the table in the charted measure, this session's in one colour,
 * the references in another, at the table's row numbers. It takes {@link #SHARE} of the visible height (never less
 * than its CSS minimum, in em so presenter type enlarges it), so the bars stay readable on a projector whatever the
 * table above and the densities below need; the page scrolls beyond. FX thread.
 */
final class CompareChart {
    /** The share of the page's visible height the chart asks for. */
    static final double SHARE = 0.45;

    private final DefaultNumericAxis rowAxis = Charts.axis("row of the table");
    private final DefaultNumericAxis valueAxis = Charts.axis("nats");
    private final XYChart chart = new XYChart(rowAxis, valueAxis);
    private final FxDataSet session = new FxDataSet("this session");
    private final FxDataSet references = new FxDataSet("reference");
    private int slots = 1;

    /** A chart as tall as {@link #SHARE} of {@code viewport}'s height (the page's scroll pane's). */
    CompareChart(ObservableValue<Bounds> viewport) {
        chart.getDatasets().addAll(session, references);
        Charts.standard(chart);
        Charts.bars(chart);
        Charts.wholeTicks(rowAxis, "");
        rowAxis.setAutoRanging(false);
        rowAxis.setMinorTickCount(0);
        valueAxis.setForceZeroInRange(true);
        valueAxis.setAutoRangePadding(0.06);             // room above the tallest bar: its top is not the plot edge
        chart.getStyleClass().add("compare-chart");
        chart.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(chart.getMinHeight(), SHARE * viewport.getValue().getHeight()), viewport, chart.minHeightProperty()));
        chart.widthProperty().addListener((o, a, w) -> Charts.barWidth(chart, slots));
    }

    XYChart node() {
        return chart;
    }

    /**
     * Shows the rows of measure {@code m} that have a figure, on an axis of {@code tableRows} slots (one per row of
     * the table, so bar n stands at row n), titled {@code title}.
     */
    void show(List<CompareRow> rows, Figure.Measure m, int tableRows, String title) {
        List<CompareRow> shown = rows.stream().filter(r -> r.measure() == m && Double.isFinite(r.figure())).toList();
        double[][] mine = xy(shown.stream().filter(r -> !r.reference()).toList());
        double[][] refs = xy(shown.stream().filter(CompareRow::reference).toList());
        session.set(mine[0], mine[1]);
        references.set(refs[0], refs[1]);
        valueAxis.setName(m.unit);                          // the title names the measure
        chart.setTitle(title);
        slots = Math.max(1, tableRows);
        rowAxis.set(0.5, slots + 0.5);
        rowAxis.setTickUnit(1);
        Charts.barWidth(chart, slots);
    }

    private static double[][] xy(List<CompareRow> rows) {
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rows.get(i).number();
            y[i] = rows.get(i).plotted();
        }
        return new double[][] {x, y};
    }
}
