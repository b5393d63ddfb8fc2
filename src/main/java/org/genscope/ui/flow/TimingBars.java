package org.genscope.ui.flow;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.genscope.flow.DirectionTiming;
import org.genscope.ui.common.CanvasRegion;
import org.genscope.ui.theme.Palette;

/**
 * The two directions of a flow side by side: a bar per direction, its length the measured time, labelled with the
 * time and the autoregressive network passes. FX thread only.
 */
final class TimingBars extends CanvasRegion {
    private DirectionTiming timing;
    private Palette palette;

    TimingBars() {
        getStyleClass().add("timing-bars");
        Palette.watch(this, () -> {
            palette = null;
            requestLayout();
            redraw();
        });
    }

    void set(DirectionTiming t) {
        timing = t;
        redraw();
    }

    private double scale() {
        return palette == null ? 1 : palette.lineScale();
    }

    @Override
    protected void redraw() {
        GraphicsContext g = canvas().getGraphicsContext2D();
        double w = canvas().getWidth();
        g.clearRect(0, 0, w, canvas().getHeight());
        if (timing == null || getScene() == null || w < 80) return;
        if (palette == null) palette = Palette.of(this);
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

    @Override
    protected double computePrefHeight(double width) {
        return 62 * scale();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 300;
    }
}
