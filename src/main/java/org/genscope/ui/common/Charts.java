package org.genscope.ui.common;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import java.util.Locale;
import javafx.util.StringConverter;

/** Small conveniences for ChartFX charts that look the same across workspaces. */
public final class Charts {
    private Charts() {}

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
}
