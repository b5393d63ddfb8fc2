package org.genscope.ui.vae;

import javafx.scene.canvas.GraphicsContext;
import org.genscope.ui.common.ThemedCanvas;
import org.genscope.ui.theme.Palette;

/**
 * What the decoder does to the latent plane, for 2-D data: the test points in data space, the decoded manifold grid
 * as a mesh (each grid code's E[x|z] joined to its neighbours, so the folds and stretches of the decoder show), the
 * decoding of the point under the mouse as a ring and the decoded interpolation paths. FX thread only.
 */
final class DataPlane extends ThemedCanvas {
    private float[] data = new float[0];
    private double[] box = {-3, 3, -3, 3};
    private float[] mesh;
    private int rows;
    private int cols;
    private float[] cursor;
    private float[] linear;
    private float[] spherical;

    DataPlane() {
        getStyleClass().add("data-plane");
    }

    /** The points shown (interleaved x, y), which also fix the view. */
    void setData(float[] xy) {
        data = xy;
        float xmin = Float.MAX_VALUE;
        float xmax = -Float.MAX_VALUE;
        float ymin = Float.MAX_VALUE;
        float ymax = -Float.MAX_VALUE;
        for (int i = 0; i + 1 < xy.length; i += 2) {
            xmin = Math.min(xmin, xy[i]);
            xmax = Math.max(xmax, xy[i]);
            ymin = Math.min(ymin, xy[i + 1]);
            ymax = Math.max(ymax, xy[i + 1]);
        }
        if (xy.length >= 2) {
            double px = 0.08 * (xmax - xmin) + 1e-3;
            double py = 0.08 * (ymax - ymin) + 1e-3;
            box = new double[] {xmin - px, xmax + px, ymin - py, ymax + py};
        }
        mesh = null;
        cursor = null;
        linear = null;
        spherical = null;
        redraw();
    }

    /** The decoded grid: rows × cols points (interleaved x, y) in reading order. */
    void setMesh(float[] xy, int rows, int cols) {
        mesh = xy;
        this.rows = rows;
        this.cols = cols;
        redraw();
    }

    void markDecoded(float[] x) {
        cursor = x;
        redraw();
    }

    void setPaths(float[] linearXy, float[] sphericalXy) {
        linear = linearXy;
        spherical = sphericalXy;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, Palette p) {
        double ls = scale();
        PlotFrame f = PlotFrame.fit(box, canvas().getWidth(), canvas().getHeight(), 52 * ls, 42 * ls, 14 * ls);
        g.setFill(p.muted().deriveColor(0, 1, 1, 0.45));
        double s = 2.5 * ls;
        for (int i = 0; i + 1 < data.length; i += 2) g.fillRect(f.px(data[i]) - s / 2, f.py(data[i + 1]) - s / 2, s, s);
        if (mesh != null) {
            g.setStroke(p.accent().deriveColor(0, 1, 1, 0.75));
            g.setLineWidth(1 * ls);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int k = 2 * (r * cols + c);
                    if (c + 1 < cols) g.strokeLine(f.px(mesh[k]), f.py(mesh[k + 1]), f.px(mesh[k + 2]), f.py(mesh[k + 3]));
                    int below = k + 2 * cols;
                    if (r + 1 < rows) g.strokeLine(f.px(mesh[k]), f.py(mesh[k + 1]), f.px(mesh[below]), f.py(mesh[below + 1]));
                }
            }
        }
        f.polyline(g, linear, p.text(), false, ls);
        f.polyline(g, spherical, p.text(), true, ls);
        if (cursor != null) {
            g.setStroke(p.danger());
            g.setLineWidth(2.5 * ls);
            g.strokeOval(f.px(cursor[0]) - 7 * ls, f.py(cursor[1]) - 7 * ls, 14 * ls, 14 * ls);
        }
        f.drawAxes(g, p, "x₁", "x₂");
    }
}
