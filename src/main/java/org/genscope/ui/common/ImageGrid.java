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

    /**
     * @param values   count·h·w values
     * @param perImage normalize each image to its own min..max (filters); otherwise map [lo, hi]
     */
    public void setImages(float[] values, int count, int h, int w, int columns, Colormap map,
                          boolean perImage, double lo, double hi) {
        if (count == 0) {
            setPixels(null, 0, 0);
            return;
        }
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
        setPixels(argb, mw, mh);
    }
}
