package org.genscope.ui.common;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.genscope.data.Grid2D;
import org.genscope.ui.theme.Palette;

/**
 * A square plot of a {@link Grid2D}'s rectangle on a canvas, with room for tick labels on the left and below:
 * data ↔ pixel coordinates (y up) and a faint coordinate grid with axes through 0.
 *
 * @param x    left edge in canvas pixels
 * @param y    top edge
 * @param side width and height in pixels
 */
record SquareFrame(double x, double y, double side, Grid2D grid) {
    /** The largest frame that fits a w×h canvas at line scale {@code ls}, or null if it would be tiny. */
    static SquareFrame fit(double w, double h, double ls, Grid2D grid) {
        double left = 30 * ls;
        double bottom = 22 * ls;
        double pad = 8;
        double side = Math.min(w - left - pad, h - bottom - pad);
        if (side < 20) return null;
        return new SquareFrame(left + (w - left - pad - side) / 2, pad, side, grid);
    }

    double sx(double dataX) {
        return x + (dataX - grid.xmin()) / (grid.xmax() - grid.xmin()) * side;
    }

    double sy(double dataY) {
        return y + (grid.ymax() - dataY) / (grid.ymax() - grid.ymin()) * side;
    }

    /** Canvas pixel → data coordinates {x, y}. */
    double[] toData(double px, double py) {
        return new double[] {grid.xmin() + (px - x) / side * (grid.xmax() - grid.xmin()),
            grid.ymax() - (py - y) / side * (grid.ymax() - grid.ymin())};
    }

    /** A length along x in data units, in pixels. */
    double pixels(double dataLength) {
        return dataLength / (grid.xmax() - grid.xmin()) * side;
    }

    /** Faint lines every half tick step, stronger axes through 0, the border, and labelled ticks. */
    void drawAxes(GraphicsContext g, Palette p) {
        double ls = p.lineScale();
        double step = tickStep();
        g.setLineWidth(1);
        for (double v = Math.ceil(grid.xmin() / (step / 2)) * step / 2; v <= grid.xmax(); v += step / 2) {
            g.setStroke(line(p, v));
            g.strokeLine(sx(v), y, sx(v), y + side);
        }
        for (double v = Math.ceil(grid.ymin() / (step / 2)) * step / 2; v <= grid.ymax(); v += step / 2) {
            g.setStroke(line(p, v));
            g.strokeLine(x, sy(v), x + side, sy(v));
        }
        g.setStroke(p.border());
        g.setLineWidth(ls);
        g.strokeRect(x, y, side, side);
        g.setFill(p.muted());
        g.setFont(Font.font(null, 11 * ls));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double v = Math.ceil(grid.xmin() / step) * step; v <= grid.xmax() + 1e-9; v += step) {
            g.fillText(tick(v), sx(v), y + side + 4 * ls);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v = Math.ceil(grid.ymin() / step) * step; v <= grid.ymax() + 1e-9; v += step) {
            g.fillText(tick(v), x - 5 * ls, sy(v));
        }
    }

    private static javafx.scene.paint.Color line(Palette p, double v) {
        return Math.abs(v) < 1e-9 ? p.muted().deriveColor(0, 1, 1, 0.55) : p.border().deriveColor(0, 1, 1, 0.45);
    }

    /** 1, 2, or a power of ten: about four to eight labelled ticks across. */
    private double tickStep() {
        double extent = grid.xmax() - grid.xmin();
        return extent <= 5 ? 1 : extent <= 12 ? 2 : Math.pow(10, Math.floor(Math.log10(extent / 2)));
    }

    private static String tick(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.1f", v);
    }
}
