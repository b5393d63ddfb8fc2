package org.genscope.ui.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Animated GIFs read back with ImageIO: frame count, size, colours, delays and the loop extension. */
class GifWriterTest {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    @TempDir
    Path dir;

    private static BufferedImage frame(int w, int h, Color c) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        return img;
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equals(name)) return (IIOMetadataNode) parent.item(i);
        }
        return null;
    }

    @Test
    void framesDelaysAndLoopReadBack() throws IOException {
        Color[] colours = {Color.RED, Color.GREEN, Color.BLUE, Color.ORANGE, Color.BLACK};
        List<BufferedImage> frames = new ArrayList<>();
        for (Color c : colours) frames.add(frame(64, 48, c));
        Path file = dir.resolve("anim.gif");
        GifWriter.write(file, frames.size(), frames::get, i -> i == 4 ? 1000 : 120, true);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(5, reader.getNumImages(true));
            for (int i = 0; i < 5; i++) {
                BufferedImage img = reader.read(i);
                assertEquals(64, img.getWidth());
                assertEquals(48, img.getHeight());
                assertEquals(colours[i].getRGB(), img.getRGB(1, 1), "corner colour of frame " + i);
                assertEquals(Color.WHITE.getRGB(), img.getRGB(32, 24), "centre of frame " + i);
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree(FORMAT);
                assertEquals(i == 4 ? "100" : "12", child(root, "GraphicControlExtension").getAttribute("delayTime"));
                IIOMetadataNode apps = child(root, "ApplicationExtensions");
                if (i == 0) {
                    IIOMetadataNode app = child(apps, "ApplicationExtension");
                    assertEquals("NETSCAPE", app.getAttribute("applicationID"));
                    assertEquals("2.0", app.getAttribute("authenticationCode"));
                    assertArrayEquals(new byte[] {1, 0, 0}, (byte[]) app.getUserObject(), "loop forever");
                } else {
                    assertNull(apps, "one loop extension, on the first frame");
                }
            }
            reader.dispose();
        }
    }

    /** A smooth gradient under an anti-aliased disc that moves a little each frame (more than 255 colours in all). */
    private static BufferedImage movingDisc(int i) {
        BufferedImage img = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int x = 0; x < 120; x++) {
            for (int y = 0; y < 90; y++) img.setRGB(x, y, new Color(x * 2, x, 200).getRGB());
        }
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.ORANGE);
        g.fill(new java.awt.geom.Ellipse2D.Double(20 + 3.3 * i, 30, 24, 24));
        g.dispose();
        return img;
    }

    @Test
    void shownFramesMatchTheirSourceAndLaterFramesOnlyPaintWhatChanged() throws IOException {
        Path file = dir.resolve("disc.gif");
        GifWriter.write(file, 8, GifWriterTest::movingDisc, i -> 100, true);
        List<BufferedImage> shown = GifFrames.read(file);
        assertEquals(8, shown.size());
        for (int i = 0; i < 8; i++) {
            GifFrames.Error e = GifFrames.Error.between(movingDisc(i), shown.get(i));
            assertTrue(e.max() <= GifWriter.TOLERANCE, "frame " + i + ": " + e);
            assertTrue(e.mean() < 1.5, "frame " + i + ": " + e);
            // the gradient far from the disc is smooth: exact up to the colour table's own step
            assertTrue(GifFrames.Error.between(movingDisc(i).getSubimage(0, 0, 120, 25), shown.get(i).getSubimage(0, 0, 120, 25)).max() <= 8);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            BufferedImage later = reader.read(5);
            int transparent = 0;
            for (int y = 0; y < later.getHeight(); y++) {
                for (int x = 0; x < later.getWidth(); x++) if ((later.getRGB(x, y) >>> 24) == 0) transparent++;
            }
            assertTrue(transparent > later.getWidth() * later.getHeight() / 2, "unchanged pixels are transparent: " + transparent);
            IIOMetadataNode gce = child((IIOMetadataNode) reader.getImageMetadata(5).getAsTree(FORMAT), "GraphicControlExtension");
            assertEquals("doNotDispose", gce.getAttribute("disposalMethod"));
            reader.dispose();
        }
    }

    /** A smooth ramp of 100 colours; {@code later} lifts green by one level everywhere and by 40 in a block. */
    private static BufferedImage ramp(boolean later) {
        BufferedImage img = new BufferedImage(100, 40, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 100; x++) {
            for (int y = 0; y < 40; y++) {
                boolean block = later && x >= 40 && x < 60 && y >= 10 && y < 30;
                img.setRGB(x, y, new Color(2 * x, later ? (block ? 140 : 101) : 100, 50).getRGB());
            }
        }
        return img;
    }

    @Test
    void aPixelThatMovedByALevelStaysAsShownAndARealChangeIsPainted() throws IOException {
        // 220 colours in all: the table holds each exactly, so only the quiet step lets a lifted pixel stay
        Path file = dir.resolve("ramp.gif");
        GifWriter.write(file, 2, i -> ramp(i == 1), i -> 100, true);
        BufferedImage later = ramp(true);
        BufferedImage shown = GifFrames.read(file).get(1);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            BufferedImage raw = reader.read(1);
            int kept = 0;
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 100; x++) {
                    boolean block = x >= 40 && x < 60 && y >= 10 && y < 30;
                    if (!block && (raw.getRGB(x, y) >>> 24) == 0) kept++;
                }
            }
            assertTrue(kept >= 0.99 * (100 * 40 - 20 * 20), "pixels one level off stay as shown: " + kept);
            reader.dispose();
        }
        assertTrue(GifFrames.Error.between(later, shown).max() <= GifWriter.QUIET, GifFrames.Error.between(later, shown).toString());
        // inside the block (its edge may take the edge's allowance) the new colour is painted
        GifFrames.Error inside = GifFrames.Error.between(later.getSubimage(41, 11, 18, 18), shown.getSubimage(41, 11, 18, 18));
        assertTrue(inside.max() <= GifWriter.QUIET, "the block is painted: " + inside);
    }

    @Test
    void playOnceHasNoLoopExtensionAndShortDelaysAreRaised() throws IOException {
        Path file = dir.resolve("once.gif");
        GifWriter.write(file, 2, i -> frame(10, 10, Color.GRAY), i -> 5, false);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree(FORMAT);
            assertNull(child(root, "ApplicationExtensions"));
            assertEquals("2", child(root, "GraphicControlExtension").getAttribute("delayTime"));
            reader.dispose();
        }
    }

    @Test
    void aFailingFrameLeavesNoFileBehind() throws IOException {
        Path file = dir.resolve("bad.gif");
        IOException e = assertThrows(IOException.class,
                () -> GifWriter.write(file, 3, i -> frame(i == 2 ? 20 : 10, 10, Color.GRAY), i -> 100, true));
        assertTrue(e.getMessage().contains("frame 2 is 20×10, the first was 10×10"), e.getMessage());
        assertFalse(Files.exists(file));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "no temporary file left");
        }
        assertThrows(IllegalArgumentException.class, () -> GifWriter.write(file, List.of(), 100));
    }
}
