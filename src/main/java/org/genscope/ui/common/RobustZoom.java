package org.genscope.ui.common;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.dataset.DataSet;
import org.genscope.io.RobustRange;
import javafx.geometry.Bounds;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/**
 * Keeps a chart's y-axis on the {@link RobustRange} of its curves — a lone spike cannot flatten them, the latest
 * point of every data set (so also a flat reference line) is always in view — until the user zooms with the
 * {@link Zoomer} (drag a rectangle, scroll, middle-drag); while zoomed the axes are left as the user set them.
 * A small button in the plot's corner offers the way out: "Show all (n off-scale)" when the robust view leaves
 * points out, "Reset view" when zoomed or showing all. Create it with {@link Charts#zoomable}. FX thread only.
 */
public final class RobustZoom extends ChartPlugin {
    private final Zoomer zoomer;
    private final Button button = new Button();
    private boolean showAll;
    private RobustRange range = RobustRange.EMPTY;

    RobustZoom(Zoomer zoomer) {
        this.zoomer = zoomer;
        button.getStyleClass().add("chart-view-button");
        button.setFocusTraversable(false);
        button.setVisible(false);
        button.setOnAction(e -> {
            if (isZoomed() || showAll) {
                reset();
            } else {
                showAll();
            }
        });
        button.setTooltip(new Tooltip("Drag a rectangle to zoom in, scroll to zoom in or out, right-click to step "
                + "back. The default view leaves out far outliers (e.g. a single spike) so the curves stay readable."));
        getChartChildren().add(button);
    }

    /** Whether the user has zoomed or panned away from the chart's own view. */
    public boolean isZoomed() {
        return !zoomer.zoomStackDeque().isEmpty();
    }

    /** Whether the chart's own view is every point rather than the robust range. */
    public boolean isShowingAll() {
        return showAll;
    }

    /** The range the chart's own view uses now (robust or all), from the last layout. */
    public RobustRange range() {
        return range;
    }

    /** Back to the robust view of the whole run: the zoom history is dropped, the x-axis ranges automatically. */
    public void reset() {
        unzoom();
        showAll = false;
        update();
    }

    /** Every point in view, the spike included; {@link #reset} comes back. */
    public void showAll() {
        unzoom();
        showAll = true;
        update();
    }

    private void unzoom() {
        if (isZoomed()) zoomer.zoomOrigin();
        zoomer.clear();
        if (getChart() instanceof XYChart chart) chart.getXAxis().setAutoRanging(true);
    }

    /** After ChartFX's own auto-ranging (the x-axis), before the axes are drawn: the y-range of the data now. */
    @Override
    public void runPreLayout() {
        update();
    }

    @Override
    public void layoutChildren() {
        if (getChart() == null) return;
        button.autosize();
        Bounds plot = getChart().getCanvas().getBoundsInParent();
        button.relocate(plot.getMaxX() - button.getWidth() - 6, plot.getMinY() + 6);
    }

    private void update() {
        if (!(getChart() instanceof XYChart chart)) return;
        int points = 0;
        for (DataSet ds : chart.getDatasets()) points += ds.getDataCount();
        double[] values = new double[points];
        double[] latest = new double[chart.getDatasets().size()];
        int k = 0;
        for (int s = 0; s < latest.length; s++) {
            DataSet ds = chart.getDatasets().get(s);
            int n = ds.getDataCount();
            for (int i = 0; i < n; i++) values[k++] = ds.get(DataSet.DIM_Y, i);
            latest[s] = n > 0 ? ds.get(DataSet.DIM_Y, n - 1) : Double.NaN;
        }
        range = showAll ? RobustRange.all(values, latest) : RobustRange.of(values, latest);
        Axis y = chart.getYAxis();
        if (!isZoomed()) {
            if (range.isEmpty()) {
                y.setAutoRanging(true);
            } else {
                y.setAutoRanging(false);
                y.set(range.lo(), range.hi());
            }
        }
        String text = isZoomed() || showAll ? "Reset view"
                : range.outside() > 0 ? "Show all (" + range.outside() + " off-scale)" : null;
        button.setVisible(text != null);
        if (text != null && !text.equals(button.getText())) {
            button.setText(text);
            layoutChildren();
        }
    }
}
