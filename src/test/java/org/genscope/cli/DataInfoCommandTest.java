package org.genscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.genscope.data.Dataset;
import org.genscope.data.Toy2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataInfoCommandTest {
    private static final String LABELS = "sample-data/mnist/mnist-sample10k-labels-idx1-ubyte.gz";
    private static final String IMAGES = "sample-data/mnist/mnist-sample10k-images-idx3-ubyte.gz";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void infoPrintsShapeRangeAndBinaryOfBinarizedMnist() {
        assertEquals(0, run("data", "info", "sample-data/binarized-mnist/binarized-mnist-valid-images-idx3-ubyte.gz"));
        String o = out();
        assertTrue(o.contains("format   IDX (gzip)"), o);
        assertTrue(o.contains("shape    10000×28×28 (10000 examples × 784 features, images 28×28)"), o);
        assertTrue(o.contains("dtype    uint8") && o.contains("min 0, max 1,") && o.contains("binary   yes"), o);
        assertEquals("", err());
    }

    @Test
    void infoCountsLabelsOfALabelFileOrGivenLabels() {
        assertEquals(0, run("data", "info", LABELS));
        assertTrue(out().contains("labels   10 classes: 0=1001 1=1127"), out());
        out.reset();
        assertEquals(0, run("data", "info", IMAGES, "--labels", LABELS));
        assertTrue(out().contains("max 255") && out().contains("binary   no") && out().contains("10 classes"), out());
    }

    @Test
    void badFileExitsOneWithOneLineNamingIt() throws Exception {
        Path bad = Files.write(dir.resolve("bad.idx"), new byte[] {0, 0, 8, 3, 0x7f, 0, 0, 0, 0, 0, 0, 28, 0, 0, 0, 28});
        assertEquals(1, run("data", "info", bad.toString()));
        String e = err();
        assertTrue(e.startsWith("genscope data: " + bad + ": truncated or corrupt header"), e);
        assertEquals(1, e.strip().lines().count(), e);
        assertEquals("", out());
        err.reset();
        assertEquals(1, run("data", "info", dir.resolve("missing.csv").toString()));
        assertTrue(err().contains("missing.csv: file not found"), err());
        err.reset();
        assertEquals(1, run("data", "info", IMAGES, "--labels", "sample-data/binarized-mnist/"
                + "binarized-mnist-test-images-idx3-ubyte.gz"));
        assertTrue(err().contains("wrong dimension"), err());
    }

    @Test
    void badArgumentsExitTwo() {
        assertEquals(2, run("data"));
        assertEquals(2, run("data", "info"));
        assertEquals(2, run("data", "info", LABELS, "--colour", "red"));
        assertEquals(2, run("data", "shred", LABELS));
        assertEquals(2, run("data", "toy", "donut"));
        assertEquals(2, run("data", "toy", "moons", "--n", "0"));
        assertEquals(2, run("data", "toy", "moons", "--seed", "1.5"));
        assertTrue(err().contains("--seed expects an integer"), err());
    }

    @Test
    void toyWritesTheSeededSetAsCsv() throws Exception {
        Path csv = dir.resolve("points.csv");
        assertEquals(0, run("data", "toy", "checkerboard", "--n", "300", "--seed", "9", "--out", csv.toString()));
        Dataset back = org.genscope.data.DataFiles.readDataset(csv, null);
        Dataset direct = Toy2D.CHECKERBOARD.generate(300, 0.05, 9);
        assertEquals(300, back.size());
        assertTrue(java.util.Arrays.equals(direct.x().data, back.x().data));
        out.reset();
        assertEquals(0, run("data", "toy", "8gaussians", "--n", "4", "--noise=0.1"));
        assertEquals(5, out().lines().count());
        assertTrue(out().startsWith("x,y,label\n"), out());
    }
}
