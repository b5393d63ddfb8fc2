package org.genscope.ui.flow;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.genscope.flow.DirectionTiming;
import org.genscope.ui.common.ThemedCanvas;
import org.genscope.ui.theme.Palette;

/**
 * The two directions of a flow side by side: a bar per direction, its length the measured time, labelled with the
 * time and the autoregressive network passes. FX thread only.
 */
final class TimingBars extends ThemedCanvas {
    private DirectionTiming timing;

    TimingBars() {
        super(300, 62);
        getStyleClass().add("timing-bars");
    }

    void set(DirectionTiming t) {
        timing = t;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, Palette palette) {
        double w = canvas().getWidth();
        if (timing == null || w < 80) return;
        double ls = scale();
        double rowH = 30 * ls;
        double barH = 9 * ls;
        double max = Math.max(timing.densitySeconds(), timing.samplingSeconds());
        String[] names = {"density log p(x)", "sampling x ~ p"};
        double[] secs = {timing.densitySeconds(), timing.samplingSeconds()};
        long[] passes = {timing.densityPasses(), timing.samplingPasses()};
        g.setFont(Font.font(null, 12 * ls));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        // per direction: "name  time · passes" on a line, the bar (length ∝ time) under it
        for (int i = 0; i < 2; i++) {
            double y = i * rowH;
            g.setFill(palette.text());
            g.fillText(names[i] + ":  " + String.format(Locale.ROOT, "%.1f ms", secs[i] * 1e3)
                    + (passes[i] > 0 ? " · " + passes[i] + " MADE passes" : ""), 0, y);
            g.setFill(palette.chart()[i]);
            g.fillRect(0, y + rowH - barH - 3 * ls, Math.max(2, w * secs[i] / max), barH);
        }
    }
}
