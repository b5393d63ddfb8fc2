package org.genscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.genscope.io.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train|eval|filters wta} end to end on tiny models, and the refusals of bad settings and files. */
class WtaCommandsTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    /** An IDX3 file of n grey side×side images. */
    private Path idx(String name, int n, int side) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(16 + n * side * side);
        b.putInt(0x00000803).putInt(n).putInt(side).putInt(side);
        for (int i = 0; i < n * side * side; i++) b.put((byte) ((i * 37) % 256));
        Path p = dir.resolve(name);
        Files.write(p, b.array());
        return p;
    }

    private static void assertOneLine(String err) {
        assertEquals(1, err.strip().lines().count(), err);
    }

    @Test
    void trainEvalAndFiltersOfATinyFcWta() throws Exception {
        Path model = dir.resolve("fc.safetensors");
        Path curves = dir.resolve("curves.csv");
        int code = cli.run("train", "wta", "--hidden", "16", "--k", "20", "--epochs", "2", "--limit", "300", "--valid-size",
                "100", "--probe", "false", "--out", model.toString(), "--curves", curves.toString(), "--quiet", "true");
        assertEquals(0, code, cli.err());
        assertTrue(cli.out().contains("784-16-784 (lifetime 20%)"), cli.out());
        assertTrue(cli.out().contains("reconstruction error on mnist-t10k"), cli.out());
        assertTrue(Files.readString(curves).startsWith("series,step,mse"));
        assertEquals("wta", ModelFile.read(model).meta("model.kind").orElseThrow());

        assertEquals(0, cli.run("eval", "wta", model.toString(), "--probe-epochs", "1"), cli.err());
        assertTrue(cli.out().contains("test error") && cli.out().contains("confusion matrix"), cli.out());
        assertTrue(cli.out().contains("features: 16 per image"), cli.out());

        Path png = dir.resolve("filters.png");
        assertEquals(0, cli.run("filters", "wta", model.toString(), "--out", png.toString(), "--columns", "4"), cli.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(4 * (28 * 2 + 1) + 1, img.getWidth());
        assertEquals(4 * (28 * 2 + 1) + 1, img.getHeight());
    }

    @Test
    void aTinyConvWtaTrainsAndItsFiltersAre11By11() throws Exception {
        Path model = dir.resolve("conv.safetensors");
        assertEquals(0, cli.run("train", "wta", "--kind", "conv", "--maps", "2", "--k", "50", "--epochs", "1", "--limit",
                "100", "--valid-size", "0", "--probe", "false", "--out", model.toString(), "--quiet", "true"), cli.err());
        assertTrue(cli.out().contains("2conv5-2conv5-2deconv11 (spatial + lifetime 50%)"), cli.out());
        assertFalse(cli.out().contains("weight decay"), "none unless asked for: " + cli.out());
        Path png = dir.resolve("f.png");
        assertEquals(0, cli.run("filters", "wta", model.toString(), "--out", png.toString()), cli.err());
        assertEquals(2 * (11 * 4 + 1) + 1, ImageIO.read(png.toFile()).getWidth());
    }

    @Test
    void settingsOutOfRangeExitWithTwoAndOneLine() throws Exception {
        for (String[] bad : new String[][] {{"--k", "0"}, {"--k", "101"}, {"--k", "-5"}, {"--kind", "conv", "--maps", "0"},
            {"--kind", "fc", "--spatial", "true"}, {"--kind", "conv", "--filter", "4"}, {"--kind", "vae"}, {"--hidden", "x"},
            {"--weight-decay", "-1"}, {"--weight-decay", "2000"}}) {
            String[] args = new String[bad.length + 2];
            args[0] = "train";
            args[1] = "wta";
            System.arraycopy(bad, 0, args, 2, bad.length);
            assertEquals(2, cli.run(args), String.join(" ", bad) + ": " + cli.err());
            assertOneLine(cli.err());
        }
        assertTrue(cli.run("train", "wta", "--k", "0") == 2 && cli.err().contains("(0, 100]"), cli.err());
        assertTrue(cli.run("train", "wta", "--weight-decay", "1000") == 2 && cli.err().contains("lr·λ must be < 1"), cli.err());
        Path small = idx("small-idx3-ubyte", 20, 8);
        assertEquals(2, cli.run("train", "wta", "--kind", "conv", "--maps", "2", "--train", small.toString()));
        assertTrue(cli.err().contains("11×11 decoder filter is larger than the 8×8 image"), cli.err());
        assertOneLine(cli.err());
    }

    @Test
    void wrongSizedDataAndBadFilesExitWithOneNamingTheFile() throws Exception {
        Path model = dir.resolve("fc.safetensors");
        assertEquals(0, cli.run("train", "wta", "--hidden", "4", "--epochs", "1", "--limit", "100", "--valid-size", "0",
                "--probe", "false", "--out", model.toString(), "--quiet", "true"), cli.err());
        Path small = idx("eight-idx3-ubyte", 10, 8);
        assertEquals(1, cli.run("eval", "wta", model.toString(), "--data", small.toString()));
        assertTrue(cli.err().contains("eight-idx3-ubyte") && cli.err().contains("28×28"), cli.err());
        assertOneLine(cli.err());
        Path junk = dir.resolve("junk.safetensors");
        Files.write(junk, new byte[] {1, 2, 3});
        assertEquals(1, cli.run("eval", "wta", junk.toString()));
        assertTrue(cli.err().contains("junk.safetensors"), cli.err());
        assertEquals(1, cli.run("filters", "wta", dir.resolve("none.safetensors").toString()));
        assertTrue(cli.err().contains("no such file"), cli.err());
    }

    @Test
    void helpListsTheWtaCommands() {
        assertEquals(0, cli.run("help"));
        assertTrue(cli.out().contains("filters"), cli.out());
        assertEquals(0, cli.run("help", "train"));
        assertTrue(cli.out().contains("genscope train wta"), cli.out());
        assertEquals(0, cli.run("help", "filters"));
        assertTrue(cli.out().contains("genscope filters wta"), cli.out());
    }
}
