package org.genscope.ui;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.DataSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Reads a chart's data on the FX thread, where the training views write it (reading it from the test thread races
 * with the per-frame updates: a data set can be cleared between its count and its values).
 */
public final class ChartReads {
    private ChartReads() {}

    /** The number of points of data set {@code index}. */
    public static int count(XYChart chart, int index) {
        return onFx(() -> chart.getDatasets().get(index).getDataCount());
    }

    /** The y values of data set {@code index}, copied. */
    public static double[] ys(XYChart chart, int index) {
        return onFx(() -> {
            DataSet ds = chart.getDatasets().get(index);
            double[] y = new double[ds.getDataCount()];
            for (int i = 0; i < y.length; i++) y[i] = ds.get(DataSet.DIM_Y, i);
            return y;
        });
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not read the chart on the FX thread", e);
        }
    }
}
