package org.genscope.ui.common;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * A 2D density p(x) on a regular grid over [xmin, xmax]×[ymin, ymax] as a heat map, with point clouds (data,
 * model samples) drawn on top. Grid row 0 is the top (largest y), as on screen. FX thread only.
 */
public class DensityView extends HeatMap {
    private double xmin = -1;
    private double xmax = 1;
    private double ymin = -1;
    private double ymax = 1;
    private float[] dataPoints = new float[0];
    private float[] samplePoints = new float[0];
    private Color dataColor = Color.WHITE;
    private Color sampleColor = Color.ORANGE;
    private double pointSize = 2.0;

    public DensityView() {
        getStyleClass().add("density-view");
        setColormap(Colormap.MAGMA);
    }

    /** The density grid (ny rows from top y = ymax down, nx columns from xmin) and its extent. */
    public void setDensity(float[] grid, int ny, int nx, double xmin, double xmax, double ymin, double ymax) {
        this.xmin = xmin;
        this.xmax = xmax;
        this.ymin = ymin;
        this.ymax = ymax;
        setData(grid, ny, nx);
    }

    /**
     * A density as the models compute it: an nx×ny grid over {xmin, xmax, ymin, ymax} with row 0 at the bottom
     * ({@code Grid2D}), flipped to the screen's row 0 at the top.
     */
    public void setDensityRowsFromBottom(float[] grid, int nx, int ny, double[] bounds) {
        setDensity(flipRows(grid, nx, ny), ny, nx, bounds[0], bounds[1], bounds[2], bounds[3]);
    }

    /** Row 0 at the bottom (model grids) to row 0 at the top (screen). */
    static float[] flipRows(float[] grid, int nx, int ny) {
        float[] out = new float[grid.length];
        for (int r = 0; r < ny; r++) System.arraycopy(grid, r * nx, out, (ny - 1 - r) * nx, nx);
        return out;
    }

    /** Interleaved (x, y) pairs of the data, drawn as small dots. */
    public void setDataPoints(float[] xy, Color color) {
        dataPoints = xy;
        dataColor = color;
        redraw();
    }

    /** Interleaved (x, y) pairs of model samples, drawn as small dots in another colour. */
    public void setSamplePoints(float[] xy, Color color) {
        samplePoints = xy;
        sampleColor = color;
        redraw();
    }

    public void setPointSize(double size) {
        pointSize = size;
        redraw();
    }

    @Override
    protected void redraw() {
        super.redraw();
        double[] f = frame();
        if (f == null) return;
        GraphicsContext g = canvas().getGraphicsContext2D();
        dots(g, f, dataPoints, dataColor.deriveColor(0, 1, 1, 0.55));
        dots(g, f, samplePoints, sampleColor.deriveColor(0, 1, 1, 0.8));
    }

    private void dots(GraphicsContext g, double[] f, float[] xy, Color c) {
        g.setFill(c);
        double s = pointSize;
        for (int i = 0; i + 1 < xy.length; i += 2) {
            double px = f[0] + (xy[i] - xmin) / (xmax - xmin) * f[2];
            double py = f[1] + (ymax - xy[i + 1]) / (ymax - ymin) * f[3];
            if (px < f[0] || py < f[1] || px > f[0] + f[2] || py > f[1] + f[3]) continue;
            g.fillOval(px - s / 2, py - s / 2, s, s);
        }
    }
}
