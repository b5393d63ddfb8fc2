package org.genscope.ui.wta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.genscope.ui.common.Colormap;
import org.genscope.ui.common.ImageGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GIF of the filters forming: frames spaced in time, bounded in number, written as a looping GIF. */
class FilterFramesTest {
    @TempDir
    Path dir;

    private static ImageGrid.Tiles grid(float v, int count) {
        float[] x = new float[count * 9];
        for (int i = 0; i < x.length; i++) x[i] = v * (i % 9);
        return ImageGrid.render(x, count, 3, 3, 4, Colormap.GRAY, true, 0, 1, 0xff808080);
    }

    @Test
    void framesKeepTheirGapStayBoundedAndSpanTheWholeRun() {
        FilterFrames f = new FilterFrames();
        long ms = 1_000_000;
        f.offer(() -> grid(1, 8), 0);
        f.offer(() -> grid(2, 8), 100 * ms);
        assertEquals(1, f.size(), "inside the gap: not kept");
        for (int i = 1; i <= 1000; i++) f.offer(() -> grid(1, 8), i * FilterFrames.FIRST_GAP_MS * ms);
        assertTrue(f.size() < FilterFrames.MAX && f.size() > FilterFrames.MAX / 4, "bounded: " + f.size());
        f.offer(() -> grid(1, 12), 10_000_000 * ms);
        assertEquals(1, f.size(), "a grid of another size starts over");
    }

    @Test
    void theFramesAreWrittenAsAGif() throws Exception {
        FilterFrames f = new FilterFrames();
        f.offer(() -> grid(1, 8), 0);
        f.finish(() -> grid(-1, 8));
        assertEquals(2, f.size(), "the last frame always goes in");
        Path gif = dir.resolve("filters.gif");
        FilterFrames.write(gif, f.frames());
        byte[] head = Files.readAllBytes(gif);
        assertEquals("GIF89a", new String(head, 0, 6, java.nio.charset.StandardCharsets.US_ASCII));
        java.awt.image.BufferedImage first = javax.imageio.ImageIO.read(gif.toFile());
        ImageGrid.Tiles t = grid(1, 8);
        assertEquals(t.width() * FilterFrames.SCALE, first.getWidth());
    }
}
