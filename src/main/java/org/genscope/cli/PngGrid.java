package org.genscope.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes n images (values in [0, 1], row-major) as one grayscale PNG grid with 1-pixel gaps, via javax.imageio. */
final class PngGrid {
    private PngGrid() {}

    /**
     * @param images n×(rows·cols) values, 0 = black, 1 = white (clamped)
     * @param columns images per grid row
     * @param scale  pixels per image pixel
     */
    static void write(Path file, float[] images, int n, int rows, int cols, int columns, int scale) throws IOException {
        int gridRows = (n + columns - 1) / columns;
        int w = columns * (cols * scale + 1) + 1;
        int h = gridRows * (rows * scale + 1) + 1;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        var raster = img.getRaster();
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) raster.setSample(x, y, 0, 64);   // grey gaps
        for (int i = 0; i < n; i++) {
            int ox = 1 + (i % columns) * (cols * scale + 1);
            int oy = 1 + (i / columns) * (rows * scale + 1);
            for (int r = 0; r < rows * scale; r++) {
                for (int c = 0; c < cols * scale; c++) {
                    float v = images[i * rows * cols + (r / scale) * cols + c / scale];
                    raster.setSample(ox + c, oy + r, 0, Math.round(255 * Math.max(0f, Math.min(1f, v))));
                }
            }
        }
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".png-", ".tmp");
        try {
            if (!ImageIO.write(img, "png", tmp.toFile())) throw new IOException("no PNG writer available");
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
