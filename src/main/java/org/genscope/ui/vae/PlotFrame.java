package org.genscope.ui.vae;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.genscope.ui.theme.Palette;

/**
 * The plot area of a hand-drawn 2-D view (the latent scatter, the data plane): a region of the (u, v) plane shown
 * with one scale on both axes, so distances and circles look as they are, centred in the canvas with room for
 * tick labels, and the axes drawn with round ticks. Immutable; FX thread for drawing.
 *
 * @param x0    left edge of the plot in canvas pixels
 * @param y0    top edge
 * @param scale pixels per plane unit (both axes)
 * @param umin  plane u at the left edge
 * @param vmax  plane v at the top edge
 * @param w     plot width in pixels
 * @param h     plot height in pixels
 */
record PlotFrame(double x0, double y0, double scale, double umin, double vmax, double w, double h) {
    /** Fits the plane box {umin, umax, vmin, vmax} into a canvas of width × height, leaving {@code margin} pixels. */
    static PlotFrame fit(double[] box, double width, double height, double left, double bottom, double pad) {
        double aw = Math.max(10, width - left - pad);
        double ah = Math.max(10, height - bottom - pad);
        double du = Math.max(1e-9, box[1] - box[0]);
        double dv = Math.max(1e-9, box[3] - box[2]);
        double s = Math.min(aw / du, ah / dv);
        double w = du * s;
        double h = dv * s;
        return new PlotFrame(left + (aw - w) / 2, pad / 2 + (ah - h) / 2, s, box[0], box[3], w, h);
    }

    double px(double u) {
        return x0 + (u - umin) * scale;
    }

    double py(double v) {
        return y0 + (vmax - v) * scale;
    }

    double u(double px) {
        return umin + (px - x0) / scale;
    }

    double v(double py) {
        return vmax - (py - y0) / scale;
    }

    boolean inside(double px, double py) {
        return px >= x0 && px <= x0 + w && py >= y0 && py <= y0 + h;
    }

    /** A path through plane points (interleaved u, v), solid or dashed (an interpolation's), at layout scale {@code ls}. */
    void polyline(GraphicsContext g, float[] uv, Color c, boolean dashed, double ls) {
        if (uv == null || uv.length < 4) return;
        g.setStroke(c);
        g.setLineWidth(1.7 * ls);
        if (dashed) g.setLineDashes(6 * ls, 4 * ls);
        g.beginPath();
        g.moveTo(px(uv[0]), py(uv[1]));
        for (int k = 2; k + 1 < uv.length; k += 2) g.lineTo(px(uv[k]), py(uv[k + 1]));
        g.stroke();
        g.setLineDashes();
    }

    /** The frame, round ticks with labels on the left and bottom edges, and the two axis names. */
    void drawAxes(GraphicsContext g, Palette p, String uName, String vName) {
        double ls = p.lineScale();
        g.setStroke(p.border());
        g.setLineWidth(1);
        g.strokeRect(x0, y0, w, h);
        Font font = Font.font(null, 11 * ls);
        g.setFont(font);
        g.setFill(p.muted());
        double step = tickStep((w / scale) / Math.max(2, w / (70 * ls)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t = Math.ceil(umin / step) * step; t <= umin + w / scale + 1e-9; t += step) {
            double x = px(t);
            g.strokeLine(x, y0 + h, x, y0 + h + 4 * ls);
            g.fillText(label(t, step), x, y0 + h + 5 * ls);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        double vmin = vmax - h / scale;
        for (double t = Math.ceil(vmin / step) * step; t <= vmax + 1e-9; t += step) {
            double y = py(t);
            g.strokeLine(x0 - 4 * ls, y, x0, y);
            g.fillText(label(t, step), x0 - 6 * ls, y);
        }
        g.setFill(p.text());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(uName, x0 + w / 2, y0 + h + 20 * ls);
        if (vName.isEmpty()) return;
        g.save();
        g.translate(x0 - 34 * ls, y0 + h / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(vName, 0, 0);
        g.restore();
    }

    /** A round step (1, 2 or 5 times a power of ten) near {@code rough}. */
    static double tickStep(double rough) {
        double p = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / p;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
    }

    private static String label(double t, double step) {
        double v = Math.abs(t) < step * 1e-6 ? 0 : t;
        String s = step >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%." + (int) Math.ceil(-Math.log10(step) - 1e-9) + "f", v);
        return s.replace('-', '−');
    }
}
