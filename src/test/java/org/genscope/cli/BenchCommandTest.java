package org.genscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench command's argument handling and a tiny end-to-end epoch run (timings are not asserted). */
class BenchCommandTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true), new PrintStream(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** An IDX3 file of n 4×4 images with the given pixel values (cycled). */
    private Path idx(int n, int... pixels) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16 + n * 16);
        b.putInt(0x00000803).putInt(n).putInt(4).putInt(4);
        for (int i = 0; i < n * 16; i++) b.put((byte) pixels[(i * 7 + i / 16) % pixels.length]);
        Path p = dir.resolve("tiny-idx3-ubyte");
        Files.write(p, b.array());
        return p;
    }

    @Test
    void trainsATinyMadeAndReportsSecondsAndBytesPerStep() throws IOException {
        Result r = run("bench", "--only", "epoch", "--data", idx(300, 0, 1, 1).toString(), "--images", "200",
                "--epochs", "2");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("s/epoch"), r.out);
        assertTrue(r.out.contains("on 200 images"), r.out);
        assertTrue(r.out.matches("(?s).*after warm-up at most \\d+ B/step allocated \\(all threads, epochs 2-2\\).*"), r.out);
    }

    @Test
    void timesTheConvWtaLayersInBothDirectionsAndAnFcWtaEpoch() throws IOException {
        Result conv = run("bench", "--only", "conv", "--maps", "2", "--conv-reps", "1");
        assertEquals(0, conv.code, conv.err);
        assertTrue(conv.out.contains("Conv-WTA 2conv5-2conv5-2deconv11"), conv.out);
        assertTrue(conv.out.matches("(?s).*conv2 2→2 5×5 +[0-9.]+ \\(\\d+\\) +[0-9.]+ \\(\\d+\\).*"), conv.out);
        assertTrue(conv.out.contains("whole network"), conv.out);
        Result wta = run("bench", "--only", "wta", "--data", idx(300, 0, 1, 1).toString(), "--wta-images", "200");
        assertEquals(0, wta.code, wta.err);
        assertTrue(wta.out.contains("FC-WTA 16-2000-16") && wta.out.contains("s/epoch"), wta.out);
        assertEquals(2, run("bench", "--maps", "0").code);
    }

    @Test
    void trainsATinyVaeAndTimesASingleDecode() throws IOException {
        Result r = run("bench", "--only", "vae", "--data", idx(300, 0, 1, 1).toString(), "--vae-images", "200", "--epochs", "2");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("VAE 16-200-200-(50)-200-200-16") && r.out.contains("on 200 images"), r.out);
        assertTrue(r.out.matches("(?s).*s/epoch \\(median of epochs 2-2\\); after warm-up at most \\d+ B/step allocated.*"), r.out);
        assertTrue(r.out.contains("single-code decode (50 → 16"), r.out);
        assertEquals(1, run("bench", "--only", "vae", "--data", idx(150, 0, 1).toString(), "--vae-images", "200").code);
    }

    @Test
    void nonBinaryImagesAreRefusedWithTheFileName() throws IOException {
        Result r = run("bench", "--only", "epoch", "--data", idx(200, 0, 255).toString(), "--images", "100");
        assertEquals(1, r.code);
        assertTrue(r.err.contains("tiny-idx3-ubyte") && r.err.contains("binary"), r.err);
    }

    @Test
    void missingFileAndBadOptionsGiveClearErrors() {
        Result missing = run("bench", "--only", "epoch", "--data", dir.resolve("nope.gz").toString());
        assertEquals(1, missing.code);
        assertTrue(missing.err.contains("nope.gz"), missing.err);
        assertEquals(2, run("bench", "--only", "gpu").code);
        assertEquals(2, run("bench", "--reps", "x").code);
        assertEquals(2, run("bench", "--frobnicate", "1").code);
    }
}
