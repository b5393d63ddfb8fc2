package org.genscope.ui.flow;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.genscope.ui.common.Colormap;
import org.genscope.ui.common.Texts;
import org.genscope.ui.common.ThemedCanvas;
import org.genscope.ui.theme.Palette;

/** A horizontal colour bar for a heat map: the colour map from lo to hi with five labelled ticks. FX thread only. */
final class ColorLegend extends ThemedCanvas {
    private Colormap colormap = Colormap.DIVERGING;
    private double lo = -1;
    private double hi = 1;

    ColorLegend() {
        super(220, 32);
        getStyleClass().add("color-legend");
    }

    void set(Colormap map, double lo, double hi) {
        this.colormap = map;
        this.lo = lo;
        this.hi = hi;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, Palette palette) {
        double w = canvas().getWidth();
        if (w < 40) return;
        double ls = scale();
        double pad = 18 * ls;
        double barW = w - 2 * pad;
        double barH = 10 * ls;
        double y = 2;
        for (int i = 0; i < (int) barW; i++) {
            int argb = colormap.argb(i / Math.max(1, barW - 1));
            g.setFill(Color.rgb((argb >> 16) & 255, (argb >> 8) & 255, argb & 255));
            g.fillRect(pad + i, y, 1.5, barH);
        }
        g.setStroke(palette.border());
        g.setLineWidth(1);
        g.strokeRect(pad, y, barW, barH);
        g.setFill(palette.muted());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double range = Math.max(Math.abs(lo), Math.abs(hi));
        Font font = Font.font(null, 11 * ls);
        g.setFont(font);
        double widest = 0;
        for (int t = 0; t <= 4; t++) widest = Math.max(widest, Texts.width(format(lo + (hi - lo) * t / 4, range), font));
        int every = widest + 8 * ls > barW / 4 ? 2 : 1;             // quarter ticks only when their labels fit
        for (int t = 0; t <= 4; t += every) {
            double x = pad + barW * t / 4;
            g.setStroke(palette.muted());
            g.strokeLine(x, y + barH, x, y + barH + 3 * ls);
            g.fillText(format(lo + (hi - lo) * t / 4, range), x, y + barH + 4 * ls);
        }
    }

    /** Enough digits for the range: 0.0012, 0.25, 1.50, 12.5, 140. */
    static String format(double v, double range) {
        if (Math.abs(v) < 1e-12 * Math.max(1, range)) return "0";
        String f = range >= 100 ? "%.0f" : range >= 10 ? "%.1f" : range >= 0.1 ? "%.2f" : "%.2g";
        return String.format(Locale.ROOT, f, v).replace('-', '−');
    }
}
