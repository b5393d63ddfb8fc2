package org.genscope.ui.wta;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.genscope.ui.common.Colormap;
import org.genscope.ui.common.ImageGrid;
import org.genscope.ui.theme.Palette;

/**
 * One image's code as a heat map: FC units laid out row by row in one tile, or conv feature maps one tile each,
 * all on one colour range [0, max] so before and after the rules compare; winners (values the rules kept) can be
 * ringed in the theme's accent colour. FX thread only.
 */
final class CodeGrid extends ImageGrid {
    private boolean[] winners;
    private int tiles;
    private int rows;
    private int cols;

    /**
     * @param code    tiles·rows·cols values, ReLU outputs
     * @param winners where to draw rings (same layout), or null
     * @param max     the top of the colour range (the larger code's maximum)
     */
    void show(float[] code, int tiles, int rows, int cols, int columns, boolean[] winners, double max) {
        this.winners = winners;
        this.tiles = tiles;
        this.rows = rows;
        this.cols = cols;
        setImages(code, tiles, rows, cols, columns, Colormap.VIRIDIS, false, 0, max > 0 ? max : 1);
    }

    @Override
    protected void redraw() {
        super.redraw();
        if (winners == null || getScene() == null) return;
        GraphicsContext g = canvas().getGraphicsContext2D();
        Color ring = Palette.of(this).danger();
        g.setStroke(ring);
        int per = rows * cols;
        for (int i = 0; i < winners.length && i < tiles * per; i++) {
            if (!winners[i]) continue;
            double[] r = pixelRect(i / per, (i % per) / cols, i % cols);
            if (r == null) return;
            double pad = Math.max(1.5, r[2] * 0.3);
            g.setLineWidth(Math.max(1.5, Math.min(3, r[2] * 0.2)));
            g.strokeOval(r[0] - pad, r[1] - pad, r[2] + 2 * pad, r[3] + 2 * pad);
        }
    }
}
