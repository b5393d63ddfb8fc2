package org.genscope.ui.common;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;

/** Small conveniences for ChartFX charts that look the same across workspaces. */
public final class Charts {
    private Charts() {}

    /** A numeric axis with a plain label (ChartFX would otherwise print an empty unit as "[]"). */
    public static DefaultNumericAxis axis(String label) {
        DefaultNumericAxis a = new DefaultNumericAxis(label);
        a.setUnit(null);
        return a;
    }

    /** Lines only, no point markers (curves with thousands of points). */
    public static void linesOnly(XYChart chart) {
        for (Renderer r : chart.getRenderers()) {
            if (r instanceof ErrorDataSetRenderer e) e.setDrawMarker(false);
        }
    }
}
