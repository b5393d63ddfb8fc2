package org.genscope.ui.common;

import java.util.Arrays;

/**
 * A grid of small images (digit samples, reconstructions, learned filters) from one float buffer: image i occupies
 * {@code values[i*h*w .. (i+1)*h*w)}, row-major. Each image goes through a colour map, either on a fixed range
 * (probabilities 0..1) or normalized per image (filters). FX thread only.
 */
public class ImageGrid extends PixelView {
    private static final int PAD = 1;
    private int gapArgb = 0;

    public ImageGrid() {
        getStyleClass().add("image-grid");
    }

    /** Colour of the one-pixel gutters between images (ARGB; default transparent). */
    public void setGapArgb(int argb) {
        this.gapArgb = argb;
    }

    /** One rendered grid: ARGB pixels of {@code width}×{@code height}, {@code columns} images across. */
    public record Tiles(int[] argb, int width, int height, int columns) {}

    private int shownCount;
    private int shownCols = 1;
    private int tileH = 1;
    private int tileW = 1;

    /**
     * @param values   count·h·w values
     * @param perImage normalize each image to its own min..max (filters); otherwise map [lo, hi]
     */
    public void setImages(float[] values, int count, int h, int w, int columns, Colormap map,
                          boolean perImage, double lo, double hi) {
        if (count == 0) {
            shownCount = 0;
            setPixels(null, 0, 0);
            return;
        }
        setTiles(render(values, count, h, w, columns, map, perImage, lo, hi, gapArgb), count, h, w);
    }

    /** Shows a grid {@link #render}ed before (e.g. also kept as a GIF frame): {@code count} images of h×w. */
    public void setTiles(Tiles t, int count, int h, int w) {
        shownCount = count;
        shownCols = t.columns();
        tileH = h;
        tileW = w;
        setPixels(t.argb(), t.width(), t.height());
    }

    /**
     * The grid as pixels, one-pixel gutters of {@code gapArgb} between images (any thread: for exports and GIF
     * frames). Per image: x ↦ map((x − a)/(b − a)) with [a, b] its own min..max when {@code perImage}, else [lo, hi].
     */
    public static Tiles render(float[] values, int count, int h, int w, int columns, Colormap map, boolean perImage,
                               double lo, double hi, int gapArgb) {
        int gridCols = Math.max(1, Math.min(columns, count));
        int gridRows = (count + gridCols - 1) / gridCols;
        int mw = gridCols * (w + PAD) + PAD;
        int mh = gridRows * (h + PAD) + PAD;
        int[] argb = new int[mw * mh];
        Arrays.fill(argb, gapArgb);
        for (int i = 0; i < count; i++) {
            int off = i * h * w;
            double a = lo;
            double b = hi;
            if (perImage) {
                a = Double.POSITIVE_INFINITY;
                b = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < h * w; j++) {
                    a = Math.min(a, values[off + j]);
                    b = Math.max(b, values[off + j]);
                }
                if (!(b > a)) b = a + 1;
            }
            double s = 1.0 / (b - a);
            int x0 = PAD + (i % gridCols) * (w + PAD);
            int y0 = PAD + (i / gridCols) * (h + PAD);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    argb[(y0 + y) * mw + x0 + x] = map.argb((values[off + y * w + x] - a) * s);
                }
            }
        }
        return new Tiles(argb, mw, mh, gridCols);
    }

    /** The position of the image under a point of this view (its coordinates), or −1 for a gutter or outside. */
    public int imageAt(double x, double y) {
        double[] f = frame();
        if (f == null || shownCount == 0) return -1;
        double px = (x - snappedLeftInset() - f[0]) / f[2] * (shownCols * (tileW + PAD) + PAD);
        int rows = (shownCount + shownCols - 1) / shownCols;
        double py = (y - snappedTopInset() - f[1]) / f[3] * (rows * (tileH + PAD) + PAD);
        if (px < PAD || py < PAD) return -1;
        int col = (int) ((px - PAD) / (tileW + PAD));
        int row = (int) ((py - PAD) / (tileH + PAD));
        if (col >= shownCols || row >= rows || px - PAD - col * (tileW + PAD) >= tileW
                || py - PAD - row * (tileH + PAD) >= tileH) {
            return -1;
        }
        int i = row * shownCols + col;
        return i < shownCount ? i : -1;
    }

    /** The canvas rectangle {x, y, w, h} of pixel (row, col) of image {@code i}, or null if nothing is shown. */
    protected double[] pixelRect(int i, int row, int col) {
        double[] f = frame();
        if (f == null || shownCount == 0) return null;
        int rows = (shownCount + shownCols - 1) / shownCols;
        double sx = f[2] / (shownCols * (tileW + PAD) + PAD);
        double sy = f[3] / (rows * (tileH + PAD) + PAD);
        double x = f[0] + (PAD + (i % shownCols) * (tileW + PAD) + col) * sx;
        double y = f[1] + (PAD + (i / shownCols) * (tileH + PAD) + row) * sy;
        return new double[] {x, y, sx, sy};
    }
}
