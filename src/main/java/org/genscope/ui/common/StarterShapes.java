package org.genscope.ui.common;

import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.genscope.data.Grid2D;

/** Ready-made paintings to start from, as weights in [0, 1] on a {@link Grid2D} (row 0 at the bottom). */
final class StarterShapes {
    private StarterShapes() {}

    /** A ring of radius R = 0.6·half-width: w = exp(−(|x| − R)² / 2s²), s = R/7. */
    static float[] ring(Grid2D g) {
        double cx = (g.xmin() + g.xmax()) / 2;
        double cy = (g.ymin() + g.ymax()) / 2;
        double radius = 0.6 * (g.xmax() - g.xmin()) / 2;
        double s = radius / 7;
        float[] w = new float[g.cells()];
        for (int iy = 0; iy < g.ny(); iy++) {
            for (int ix = 0; ix < g.nx(); ix++) {
                double x = g.xmin() + (ix + 0.5) * g.dx() - cx;
                double y = g.ymin() + (iy + 0.5) * g.dy() - cy;
                double d = Math.hypot(x, y) - radius;
                float v = (float) Math.exp(-d * d / (2 * s * s));
                w[iy * g.nx() + ix] = v < 0.02f ? 0f : v;
            }
        }
        return w;
    }

    /** A 4×4 checkerboard: the cells of squares (i, j) with i + j even are painted. */
    static float[] checkerboard(Grid2D g) {
        float[] w = new float[g.cells()];
        for (int iy = 0; iy < g.ny(); iy++) {
            for (int ix = 0; ix < g.nx(); ix++) {
                int i = ix * 4 / g.nx();
                int j = iy * 4 / g.ny();
                w[iy * g.nx() + ix] = (i + j) % 2 == 0 ? 1f : 0f;
            }
        }
        return w;
    }

    /** The text (one or two characters) in bold type filling the square: w = opacity of the rendered glyphs. FX thread. */
    static float[] letter(Grid2D g, String text) {
        int nx = g.nx();
        int ny = g.ny();
        Canvas c = new Canvas(nx, ny);
        GraphicsContext gc = c.getGraphicsContext2D();
        gc.setFill(Color.BLACK);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.setFont(Font.font(null, FontWeight.BOLD, ny * (text.length() > 1 ? 0.62 : 0.85)));
        gc.fillText(text, nx / 2.0, ny / 2.0);
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        WritableImage img = c.snapshot(p, null);
        PixelReader r = img.getPixelReader();
        float[] w = new float[g.cells()];
        for (int py = 0; py < ny; py++) {
            for (int px = 0; px < nx; px++) w[(ny - 1 - py) * nx + px] = (float) r.getColor(px, py).getOpacity();
        }
        return w;
    }
}
