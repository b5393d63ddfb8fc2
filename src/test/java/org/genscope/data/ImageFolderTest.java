package org.genscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
    @TempDir
    Path dir;

    /** A w×h picture whose pixel (x, y) is the opaque grey level {@code grey[y][x]} (0..255). */
    private static BufferedImage picture(int[][] grey) {
        BufferedImage img = new BufferedImage(grey[0].length, grey.length, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < grey.length; y++) {
            for (int x = 0; x < grey[0].length; x++) {
                int v = grey[y][x];
                img.setRGB(x, y, 0xFF000000 | v << 16 | v << 8 | v);
            }
        }
        return img;
    }

    private Path write(String name, BufferedImage img, String format) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        if (!format.equals("png")) {                                         // BMP and JPEG writers take no alpha
            BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(img, 0, 0, null);
            img = rgb;
        }
        assertTrue(ImageIO.write(img, format, p.toFile()), format);
        return p;
    }

    @Test
    void classSubFoldersBecomeLabelsAndACorruptPictureIsListedNotFatal() throws IOException {
        int[][] white = {{255, 255}, {255, 255}};
        int[][] black = {{0, 0}, {0, 0}};
        write("cats/b.png", picture(white), "png");
        write("cats/a.bmp", picture(black), "bmp");
        write("dogs/c.gif", picture(black), "gif");
        write("dogs/d.jpg", picture(white), "jpg");
        Files.writeString(dir.resolve("dogs/broken.png"), "not a png at all");
        Files.writeString(dir.resolve("dogs/notes.txt"), "ignored: not a picture extension");
        write("dogs/.hidden.png", picture(white), "png");
        write("stray.png", picture(white), "png");                         // beside class folders: left out
        Files.createDirectories(dir.resolve("empty"));                       // no pictures: not a class

        ImageFolder.Result r = ImageFolder.read(dir, new ImageFolder.Options(4));
        assertEquals(List.of("cats", "dogs"), r.classes());
        Dataset d = r.dataset();
        assertEquals(4, d.size());
        assertEquals(16, d.dimension());
        assertTrue(d.isImage());
        assertArrayEquals(new int[] {0, 0, 1, 1}, d.labels());             // cats/a, cats/b, dogs/c, dogs/d: name order
        assertEquals(0f, d.x().get(0, 5), 1e-6f);                            // a.bmp: black
        assertEquals(1f, d.x().get(1, 5), 1e-6f);                            // b.png: white
        assertEquals(1f, d.x().get(3, 5), 0.02f);                            // d.jpg: white, to JPEG's rounding
        assertEquals(1, r.unreadable().size());
        assertEquals("broken.png", r.unreadable().get(0).file().getFileName().toString());
        assertTrue(r.unreadable().get(0).toString().startsWith("broken.png: "), r.unreadable().get(0).toString());
        assertEquals(1, r.leftOut());
    }

    @Test
    void resizingAveragesAreasAndInvertingFlipsGreyLevels() throws IOException {
        // at its own size a picture is read pixel for pixel
        write("x.png", picture(new int[][] {{0, 255, 255, 255}, {255, 0, 255, 255}, {0, 0, 0, 0}, {0, 0, 255, 255}}), "png");
        ImageFolder.Result r = ImageFolder.read(dir, new ImageFolder.Options(4));
        assertNull(r.dataset().labels());                                    // no class folders: unlabelled
        assertTrue(r.classes().isEmpty());
        float[] same = r.dataset().x().data;
        assertEquals(0f, same[0], 1e-6f);
        assertEquals(1f, same[1], 1e-6f);
        // a 12×12 checkerboard resized to 4×4: each output pixel is the mean of a 3×3 block
        int[][] big = new int[12][12];
        for (int y = 0; y < 12; y++) for (int x = 0; x < 12; x++) big[y][x] = (x + y) % 2 == 0 ? 255 : 0;
        Path three = dir.resolve("three");
        write("three/z.png", picture(big), "png");
        float[] v = ImageFolder.read(three, new ImageFolder.Options(4)).dataset().x().data;
        assertEquals(5f / 9, v[0], 1e-6f);                                   // 5 white of 9 in the first block
        assertEquals(4f / 9, v[1], 1e-6f);
        float[] inv = ImageFolder.inverted(ImageFolder.read(three, new ImageFolder.Options(4)).dataset()).x().data;
        assertEquals(4f / 9, inv[0], 1e-6f);
    }

    @Test
    void transparentPixelsReadAsWhitePaper() throws IOException {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);   // all transparent black
        img.setRGB(0, 0, 0xFF000000);                                               // one opaque black pixel
        img.setRGB(1, 0, 0x80000000);                                               // half-transparent black
        write("t.png", img, "png");
        float[] v = ImageFolder.read(dir, new ImageFolder.Options(4)).dataset().x().data;
        assertEquals(0f, v[0], 1e-6f);
        assertEquals(1 - 128 / 255f, v[1], 1e-6f);
        assertEquals(1f, v[2], 1e-6f);
    }

    @Test
    void aFolderWithoutReadablePicturesIsRefusedNamingIt() throws IOException {
        DataFormatException none = assertThrows(DataFormatException.class, () -> ImageFolder.read(dir, new ImageFolder.Options(28)));
        assertTrue(none.getMessage().contains(dir.toString()) && none.getMessage().contains("holds no pictures"), none.getMessage());
        Files.writeString(dir.resolve("a.png"), "garbage");
        Files.write(dir.resolve("b.jpg"), new byte[0]);
        DataFormatException bad = assertThrows(DataFormatException.class, () -> ImageFolder.read(dir, new ImageFolder.Options(28)));
        assertTrue(bad.getMessage().contains("none of its 2 pictures could be read (first: a.png: "), bad.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> new ImageFolder.Options(2));
        assertTrue(size.getMessage().contains("4 to 256"), size.getMessage());
    }
}
