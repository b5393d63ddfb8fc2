package org.genscope.ui.common;

import java.util.function.BiConsumer;
import javafx.scene.input.MouseEvent;

/**
 * A heat map of a rows×cols float grid (row-major), one crisp square per cell, coloured through a colour map
 * (densities over a 2D grid, log-determinant maps) or by state ({@link #setCategories}, e.g. {@link MatrixView}). Hovering reports the cell under the mouse.
 * FX thread only: pass arrays that are not modified afterwards.
 */
public class HeatMap extends PixelView {
    private Colormap colormap = Colormap.VIRIDIS;
    private float[] data = new float[0];
    private int rows;
    private int cols;
    private double lo = 0;
    private double hi = 1;
    private boolean autoRange = true;
    private int[] categories;
    private BiConsumer<Integer, Integer> onHover = (r, c) -> { };

    public HeatMap() {
        getStyleClass().add("heat-map");
        canvas().addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            int[] rc = cellAt(e.getX(), e.getY());
            onHover.accept(rc == null ? -1 : rc[0], rc == null ? -1 : rc[1]);
        });
        canvas().addEventHandler(MouseEvent.MOUSE_EXITED, e -> onHover.accept(-1, -1));
    }

    public void setColormap(Colormap colormap) {
        this.colormap = colormap;
        rebuild();
    }

    /**
     * Draws a cell of value k (0, 1, 2, …: states, not magnitudes) in {@code argb[k]} instead of through the colour
     * map; null goes back to the colour map.
     */
    public void setCategories(int[] argb) {
        this.categories = argb == null ? null : argb.clone();
        rebuild();
    }

    /** Fixes the value range mapped to the colour map's ends (otherwise min..max of the data). */
    public void setRange(double lo, double hi) {
        this.lo = lo;
        this.hi = hi;
        this.autoRange = false;
        rebuild();
    }

    public void setAutoRange() {
        this.autoRange = true;
        rebuild();
    }

    /** Called with (row, col) of the hovered cell, or (-1, -1) when the mouse leaves. */
    public void setOnHover(BiConsumer<Integer, Integer> onHover) {
        this.onHover = onHover;
    }

    public void setData(float[] data, int rows, int cols) {
        if (data.length != rows * cols) throw new IllegalArgumentException(rows + "x" + cols + " != " + data.length);
        this.data = data;
        this.rows = rows;
        this.cols = cols;
        rebuild();
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The value of cell (row, col). */
    public float value(int row, int col) {
        return data[row * cols + col];
    }

    private void rebuild() {
        if (rows == 0 || cols == 0) {
            setPixels(null, 0, 0);
            return;
        }
        if (categories != null) {
            int[] argb = new int[rows * cols];
            for (int i = 0; i < argb.length; i++) {
                int k = Float.isNaN(data[i]) ? -1 : (int) data[i];
                argb[i] = k >= 0 && k < categories.length ? categories[k] : 0;
            }
            setPixels(argb, cols, rows);
            return;
        }
        double min = lo;
        double max = hi;
        if (autoRange) {
            min = Double.POSITIVE_INFINITY;
            max = Double.NEGATIVE_INFINITY;
            for (float v : data) {
                if (Float.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            if (!(max > min)) max = min + 1;
        }
        int[] argb = new int[rows * cols];
        double scale = 1.0 / (max - min);
        for (int i = 0; i < argb.length; i++) {
            argb[i] = colormap.argb((data[i] - min) * scale);
        }
        setPixels(argb, cols, rows);
    }

    /** (row, col) under canvas point (x, y), or null outside the map. */
    public int[] cellAt(double x, double y) {
        double[] f = frame();
        if (f == null || x < f[0] || y < f[1] || x >= f[0] + f[2] || y >= f[1] + f[3]) return null;
        int c = (int) ((x - f[0]) / f[2] * cols);
        int r = (int) ((y - f[1]) / f[3] * rows);
        return new int[] {Math.min(r, rows - 1), Math.min(c, cols - 1)};
    }
}
