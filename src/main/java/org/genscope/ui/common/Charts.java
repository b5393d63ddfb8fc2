package org.genscope.ui.common;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import java.util.Locale;
import javafx.util.StringConverter;

/** The one place where Genscope's ChartFX charts are set up, so every chart looks and behaves the same. */
public final class Charts {
    private Charts() {}

    /**
     * The set-up every chart gets: no data animation, and no ChartFX tool bar or range slider sliding in when the
     * mouse comes near an edge. Those panels ({@code HiddenSidesPane}) hide again only on a later mouse event inside
     * the chart, so a mouse that leaves the chart from them leaves them over the plot and its title; zooming is done
     * on the plot instead ({@link #zoomable}).
     */
    public static <C extends XYChart> C standard(C chart) {
        chart.setAnimated(false);
        chart.getMenuPane().setTriggerDistance(0);      // bound to the plot area's: neither tool bar nor slider slides in
        return chart;
    }

    /**
     * Mouse zoom on the plot (ChartFX {@link Zoomer}: drag a rectangle, scroll, right-click to step back) over a
     * robust default y-range, with a corner button to show every point or come back ({@link RobustZoom}).
     */
    public static RobustZoom zoomable(XYChart chart) {
        Zoomer zoomer = new Zoomer();
        zoomer.setSliderVisible(false);                 // both read when the zoomer is added to the chart
        zoomer.setAddButtonsToToolBar(false);
        RobustZoom view = new RobustZoom(zoomer);
        chart.getPlugins().addAll(zoomer, view);
        return view;
    }

    /** A numeric axis with a plain label (ChartFX would otherwise print an empty unit as "[]"). */
    public static DefaultNumericAxis axis(String label) {
        DefaultNumericAxis a = new DefaultNumericAxis(label);
        a.setUnit(null);
        return a;
    }

    /** An axis of counts (steps, epochs): tick labels as plain grouped integers, never "1.5E3". */
    public static DefaultNumericAxis countAxis(String label) {
        DefaultNumericAxis a = axis(label);
        a.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return String.format(Locale.ROOT, "%,d", Math.round(n.doubleValue()));
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s.replace(",", ""));
            }
        });
        return a;
    }

    /** Lines only, no point markers (curves with thousands of points). */
    public static void linesOnly(XYChart chart) {
        for (Renderer r : chart.getRenderers()) {
            if (r instanceof ErrorDataSetRenderer e) e.setDrawMarker(false);
        }
    }

    /** One bar per point from zero to its value, no lines or markers, the grid behind (categories). */
    public static void bars(XYChart chart) {
        chart.getGridRenderer().setDrawOnTop(false);
        for (Renderer r : chart.getRenderers()) {
            if (r instanceof ErrorDataSetRenderer e) {
                e.setPolyLineStyle(LineStyle.NONE);
                e.setDrawMarker(false);
                e.setDrawBars(true);
                e.setDynamicBarWidth(true);
                e.setBarWidthPercentage(55);
            }
        }
    }

    /**
     * Bars 60% as wide as one of {@code slots} equal slots of the plot, 2 to 60 px (ChartFX's dynamic width draws
     * 1-pixel lines for few bars); call again when the chart's width or the number of bars changes.
     */
    public static void barWidth(XYChart chart, int slots) {
        if (slots == 0) return;
        double plot = chart.getCanvas().getWidth() > 0 ? chart.getCanvas().getWidth() : chart.getWidth() - 80;
        int px = (int) Math.max(2, Math.min(60, 0.6 * plot / slots));
        for (Renderer r : chart.getRenderers()) {
            if (r instanceof ErrorDataSetRenderer e) {
                e.setDynamicBarWidth(false);
                e.setBarWidth(px);
            }
        }
    }

    /**
     * Labels only the whole ticks of {@code axis}, as {@code prefix}1, {@code prefix}2, … (numbered things: masks,
     * latent units); ChartFX may still place ticks at quarters, which then stay unlabelled.
     */
    public static void wholeTicks(DefaultNumericAxis axis, String prefix) {
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                return Math.abs(v - Math.rint(v)) < 1e-9 ? prefix + Math.round(v) : "";
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s.substring(prefix.length()));
            }
        });
    }

    /** Whether {@code chart} draws its data as bars ({@link #bars}). */
    public static boolean drawsBars(XYChart chart) {
        return chart.getRenderers().stream().anyMatch(r -> r instanceof ErrorDataSetRenderer e && e.isDrawBars());
    }
}
