package org.genscope.ui.vae;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.genscope.ui.common.Colormap;
import org.genscope.ui.export.GifWriter;

/**
 * An interpolation as an animated GIF: each frame shows the decoding at one point of the linear path (left) and of
 * the spherical path (right) between two codes, enlarged {@value #SCALE}× with crisp pixels, dark ink on white as the
 * app draws digits; the animation runs from a to b and back, and loops. No JavaFX: written off the FX thread.
 */
final class InterpolationGif {
    /** Points of each path in the animation (both ends included). */
    static final int STEPS = 24;
    static final int SCALE = 4;
    static final int GAP = 12;
    static final int DELAY_MS = 90;

    private InterpolationGif() {}

    /**
     * @param linear    {@code steps} decoded images (rows×cols each, values in [0, 1]) along the linear path
     * @param spherical the same along the spherical path
     */
    static void write(Path file, float[] linear, float[] spherical, int steps, int rows, int cols) throws IOException {
        int frames = 2 * steps - 2;                                   // a → b → (just before) a
        GifWriter.write(file, frames, i -> {
            int k = i < steps ? i : 2 * steps - 2 - i;
            return frame(linear, spherical, k, rows, cols);
        }, i -> DELAY_MS, true);
    }

    private static BufferedImage frame(float[] linear, float[] spherical, int k, int rows, int cols) {
        int w = 2 * cols * SCALE + 3 * GAP;
        int h = rows * SCALE + 2 * GAP;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, 0xFFFFFF);
        paint(img, linear, k, rows, cols, GAP);
        paint(img, spherical, k, rows, cols, 2 * GAP + cols * SCALE);
        return img;
    }

    private static void paint(BufferedImage img, float[] images, int k, int rows, int cols, int x0) {
        int off = k * rows * cols;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int rgb = Colormap.GRAY_INVERTED.argb(images[off + r * cols + c]) & 0xFFFFFF;
                for (int dy = 0; dy < SCALE; dy++) {
                    for (int dx = 0; dx < SCALE; dx++) img.setRGB(x0 + c * SCALE + dx, GAP + r * SCALE + dy, rgb);
                }
            }
        }
    }
}
