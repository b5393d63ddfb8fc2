package org.genscope.ui.wta;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.genscope.ui.common.ThemedCanvas;
import org.genscope.ui.theme.Palette;

/**
 * A classifier's confusion matrix: row = true digit, column = predicted digit, each cell's count written in it and
 * shaded by its share of its row (the diagonal dark when the classifier is right; stray shaded cells are the
 * digits it confuses). FX thread only.
 */
final class ConfusionView extends ThemedCanvas {
    private int[][] counts;

    ConfusionView() {
        getStyleClass().add("confusion-matrix");
    }

    void show(int[][] confusion) {
        counts = confusion;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, Palette p) {
        if (counts == null) return;
        int k = counts.length;
        double s = scale();
        double label = 26 * s;
        double side = Math.min(canvas().getWidth() - label, canvas().getHeight() - label) / k;
        if (side <= 2) return;
        double x0 = label + (canvas().getWidth() - label - side * k) / 2;
        double y0 = label;
        Font font = Font.font(Math.max(9, Math.min(side * 0.34, 16 * s)));
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int t = 0; t < k; t++) {
            int row = 0;
            for (int v : counts[t]) row += v;
            g.setFill(p.muted());
            g.fillText(Integer.toString(t), x0 - label / 2, y0 + (t + 0.5) * side);
            g.fillText(Integer.toString(t), x0 + (t + 0.5) * side, y0 - label / 2);
            for (int q = 0; q < k; q++) {
                double share = row == 0 ? 0 : (double) counts[t][q] / row;
                // shade ∝ √share so a few confusions (1–5%) are still visible beside a 98% diagonal
                Color fill = p.accent().deriveColor(0, 1, 1, Math.sqrt(share));
                g.setFill(fill);
                g.fillRect(x0 + q * side, y0 + t * side, side - 1, side - 1);
                if (counts[t][q] == 0) continue;
                g.setFill(Math.sqrt(share) > 0.55 ? Color.WHITE : p.text());
                g.fillText(Integer.toString(counts[t][q]), x0 + (q + 0.5) * side, y0 + (t + 0.5) * side);
            }
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 420;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 420;
    }
}
