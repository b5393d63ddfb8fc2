package org.genscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genscope.data.CsvReader;
import org.genscope.data.CsvWriter;
import org.genscope.data.Dataset;
import org.genscope.data.Toy2D;
import org.genscope.flow.FlowFile;
import org.genscope.flow.FlowModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowCommandsTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path moonsCsv() throws Exception {
        Path csv = dir.resolve("moons.csv");
        CsvWriter.write(csv, Toy2D.MOONS.generate(600, 0.05, 2).withLabels(null));     // x, y only
        return csv;
    }

    @Test
    void trainEvalSampleRoundTripOnASmallCsv() throws Exception {
        Path csv = moonsCsv();
        Path model = dir.resolve("moons.safetensors");
        assertEquals(0, run("train", "flow", "--train", csv.toString(), "--layers", "actnorm,realnvp:16-16*4", "--steps", "300",
                "--batch", "64", "--every", "100", "--out", model.toString()), err());
        String o = out();
        assertTrue(o.contains("step     300") && o.contains("test NLL") && o.contains("saved"), o);
        double nll = Double.parseDouble(o.replaceAll("(?s).*test NLL ([-0-9.]+) nats.*", "$1"));
        double gaussian = diagonalGaussianNll(Dataset.of(CsvReader.read(csv), "moons"));
        assertTrue(nll < gaussian - 0.3, "test NLL " + nll + ", a diagonal Gaussian fit " + gaussian);
        FlowModel m = FlowFile.load(model);
        assertEquals("actnorm,realnvp:16-16*4", m.spec().layersText());

        assertEquals(0, run("eval", "flow", model.toString(), "--data", csv.toString()), err());
        assertTrue(out().contains("NLL") && out().contains("f⁻¹"), out());
        assertEquals(0, run("eval", "flow", model.toString(), "--toy", "moons", "--size", "500", "--timing", "true"), err());
        assertTrue(out().contains("200×200 grid") && out().contains("sampling/density"), out());

        Path samples = dir.resolve("s.csv");
        assertEquals(0, run("sample", "flow", model.toString(), "--n", "50", "--out", samples.toString()), err());
        Dataset s = Dataset.of(CsvReader.read(samples), "s");
        assertEquals(50, s.size());
        assertEquals(2, s.dimension());
    }

    /** Σ_j ½ ln(2πe σ_j²): the NLL of the best diagonal Gaussian (what the flow starts from after ActNorm's init). */
    private static double diagonalGaussianNll(Dataset d) {
        double h = 0;
        for (int j = 0; j < d.dimension(); j++) {
            double m = 0;
            double sq = 0;
            for (int i = 0; i < d.size(); i++) {
                m += d.x().get(i, j);
                sq += d.x().get(i, j) * d.x().get(i, j);
            }
            m /= d.size();
            h += 0.5 * Math.log(2 * Math.PI * Math.E * (sq / d.size() - m * m));
        }
        return h;
    }

    @Test
    void presetOnAToyReportsTheEntropyGap() {
        Path model = dir.resolve("cb.safetensors");
        assertEquals(0, run("train", "flow", "--preset", "maf-checkerboard", "--layers", "maf:16*2", "--steps", "50", "--size", "2000",
                "--every", "0", "--out", model.toString()), err());
        assertTrue(out().contains("entropy H = 2.0794") && out().contains("gap NLL − H"), out());
    }

    @Test
    void badArgumentsExitTwoWithAMessage() throws Exception {
        String csv = moonsCsv().toString();
        List<String[]> bad = List.of(
                new String[] {"train", "flow", "--layers", "spline:8"},
                new String[] {"train", "flow", "--layers", "realnvp"},
                new String[] {"train", "flow", "--preset", "nope"},
                new String[] {"train", "flow", "--toy", "triangles"},
                new String[] {"train", "flow", "--toy", "moons", "--train", csv},
                new String[] {"train", "flow", "--steps", "0"},
                new String[] {"train", "flow", "--lr", "-1"},
                new String[] {"train", "flow", "--base", "uniform"},
                new String[] {"train", "flow", "--schedule", "step"},
                new String[] {"train", "flow", "--bogus", "1"},
                new String[] {"eval", "flow"},
                new String[] {"eval", "flow", "m.safetensors"},
                new String[] {"sample", "flow", "m.safetensors", "--n", "0"});
        for (String[] a : bad) {
            assertEquals(2, run(a), String.join(" ", a) + " → " + err());
            assertTrue(err().startsWith("genscope " + a[0] + ": "), err());
        }
    }

    @Test
    void badFilesExitOneNamingTheFile() throws Exception {
        assertEquals(1, run("eval", "flow", dir.resolve("missing.safetensors").toString(), "--toy", "moons"));
        assertTrue(err().contains("missing.safetensors"), err());
        assertEquals(1, run("train", "flow", "--train", dir.resolve("none.csv").toString()));
        assertTrue(err().contains("none.csv"), err());
        Path junk = dir.resolve("junk.safetensors");
        Files.write(junk, new byte[] {1, 2, 3});
        assertEquals(1, run("sample", "flow", junk.toString()));
        assertTrue(err().contains("junk.safetensors"), err());
        Path model = dir.resolve("m.safetensors");
        assertEquals(0, run("train", "flow", "--layers", "maf:4", "--steps", "2", "--size", "100", "--every", "0", "--out", model.toString()), err());
        Path three = dir.resolve("three.csv");
        Files.writeString(three, "1,2,3\n4,5,6\n");
        assertEquals(1, run("eval", "flow", model.toString(), "--data", three.toString()));
        assertTrue(err().contains("three.csv") && err().contains("3 columns"), err());
    }

    @Test
    void usageNamesTheFlowVerbs() {
        for (String verb : new String[] {"train", "eval", "sample"}) {
            assertEquals(0, run("help", verb));
            assertTrue(out().contains("genscope " + verb + " flow"), out());
        }
        assertTrue(run("help", "train") == 0 && out().contains("realnvp-moons"), out());
    }
}
