package org.genscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private final CliRun cli = new CliRun();

    private Path moonsCsv() throws Exception {
        Path csv = dir.resolve("moons.csv");
        CsvWriter.write(csv, Toy2D.MOONS.generate(600, 0.05, 2).withLabels(null));     // x, y only
        return csv;
    }

    @Test
    void trainEvalSampleRoundTripOnASmallCsv() throws Exception {
        Path csv = moonsCsv();
        Path model = dir.resolve("moons.safetensors");
        Path curves = dir.resolve("curves.csv");
        assertEquals(0, cli.run("train", "flow", "--train", csv.toString(), "--layers", "actnorm,realnvp:16-16*4", "--steps", "300",
                "--batch", "64", "--every", "100", "--out", model.toString(), "--curves", curves.toString()), cli.err());
        String o = cli.out();
        java.util.List<String> rows = Files.readAllLines(curves);
        assertEquals("series,step,nll", rows.get(0));
        assertEquals(3, rows.stream().filter(r -> r.startsWith("validation,")).count(), "validated every 100 of 300 steps");
        assertTrue(rows.stream().filter(r -> r.startsWith("train,")).count() > 50, "the training curve");
        assertTrue(rows.get(rows.size() - 1).startsWith("validation,300,"), rows.get(rows.size() - 1));
        assertTrue(o.contains("step     300") && o.contains("test NLL") && o.contains("saved"), o);
        double nll = Double.parseDouble(o.replaceAll("(?s).*test NLL ([-0-9.]+) nats.*", "$1"));
        double gaussian = diagonalGaussianNll(Dataset.of(CsvReader.read(csv), "moons"));
        assertTrue(nll < gaussian - 0.3, "test NLL " + nll + ", a diagonal Gaussian fit " + gaussian);
        FlowModel m = FlowFile.load(model);
        assertEquals("actnorm,realnvp:16-16*4", m.spec().layersText());

        assertEquals(0, cli.run("eval", "flow", model.toString(), "--data", csv.toString()), cli.err());
        assertTrue(cli.out().contains("NLL") && cli.out().contains("f⁻¹"), cli.out());
        assertEquals(0, cli.run("eval", "flow", model.toString(), "--toy", "moons", "--size", "500", "--timing", "true"), cli.err());
        assertTrue(cli.out().contains("200×200 grid") && cli.out().contains("sampling/density"), cli.out());

        Path samples = dir.resolve("s.csv");
        assertEquals(0, cli.run("sample", "flow", model.toString(), "--n", "50", "--out", samples.toString()), cli.err());
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
    void aDataToyFileTrainsAndEvaluatesATwoDimensionalFlowWithItsLabelColumnAsLabels() throws Exception {
        Path points = dir.resolve("points.csv");
        assertEquals(0, cli.run("data", "toy", "pinwheel", "--n", "600", "--out", points.toString()), cli.err());
        assertTrue(Files.readAllLines(points).get(0).equals("x,y,label"));
        Path model = dir.resolve("p.safetensors");
        assertEquals(0, cli.run("train", "flow", "--train", points.toString(), "--layers", "realnvp:8-8*2", "--steps", "20",
                "--every", "0", "--out", model.toString()), cli.err());
        assertTrue(cli.out().startsWith("flow on 2 variables") && cli.out().contains("labelled"), cli.out());
        assertEquals(2, FlowFile.load(model).dimension());
        assertEquals(0, cli.run("eval", "flow", model.toString(), "--data", points.toString()), cli.err());
        assertTrue(cli.out().contains("NLL"), cli.out());

        // the label as a variable only when asked for, and then the 2-D model refuses the 3-D data
        assertEquals(0, cli.run("train", "flow", "--train", points.toString(), "--label", "none", "--layers", "realnvp:8-8*2",
                "--steps", "5", "--every", "0", "--out", dir.resolve("p3.safetensors").toString()), cli.err());
        assertTrue(cli.out().startsWith("flow on 3 variables"), cli.out());
        assertEquals(1, cli.run("eval", "flow", model.toString(), "--data", points.toString(), "--label", "none"));
        assertTrue(cli.err().contains(points + ": 3 columns, the flow models 2"), cli.err());
        assertEquals(0, cli.run("eval", "flow", model.toString(), "--data", points.toString(), "--columns", "x,y"), cli.err());

        assertEquals(1, cli.run("eval", "flow", model.toString(), "--data", points.toString(), "--columns", "x,z"));
        assertTrue(cli.err().startsWith("genscope eval: " + points + ": no column 'z'"), cli.err());
        assertEquals(2, cli.run("eval", "flow", model.toString(), "--toy", "moons", "--label", "label"));
        assertTrue(cli.err().contains("--columns and --label choose columns of a data file"), cli.err());

        assertEquals(0, cli.run("data", "info", points.toString()), cli.err());
        assertTrue(cli.out().contains("columns  modelled: x, y; labels: label") && cli.out().contains("labels   5 classes:"), cli.out());
    }

    @Test
    void aTestNllThatIsNotFiniteFailsTrainingWithTheReasonAndKeepsTheModelWithoutIt() throws Exception {
        Path far = dir.resolve("far.csv");
        Files.writeString(far, "x,y\n3e38,-3e38\n0.5,0.5\n");
        Path model = dir.resolve("far.safetensors");
        assertEquals(1, cli.run("train", "flow", "--train", moonsCsv().toString(), "--test", far.toString(), "--layers", "realnvp:8-8*2",
                "--steps", "20", "--every", "0", "--out", model.toString()));
        assertTrue(cli.err().startsWith("genscope train: the trained flow: log p(x) is ") && cli.err().contains("for 1 of 2 examples of " + far)
                && cli.err().endsWith("; the model is saved to " + model + " without a test NLL\n"), cli.err());
        assertTrue(!cli.out().contains("test NLL") && cli.out().contains("saved " + model), cli.out());
        assertTrue(org.genscope.io.ModelFile.read(model).meta("metric.test_nll").isEmpty());
    }

    @Test
    void presetOnAToyReportsTheEntropyGap() throws Exception {
        Path model = dir.resolve("cb.safetensors");
        assertEquals(0, cli.run("train", "flow", "--preset", "maf-checkerboard", "--layers", "maf:16*2", "--steps", "50", "--size", "2000",
                "--every", "0", "--out", model.toString()), cli.err());
        assertTrue(cli.out().contains("entropy H = 2.0794") && cli.out().contains("gap NLL − H"), cli.out());
        Path svg = dir.resolve("curves.svg");
        assertEquals(0, cli.run("train", "flow", "--preset", "maf-checkerboard", "--layers", "maf:16*2", "--steps", "50", "--size", "2000",
                "--every", "10", "--out", model.toString(), "--curves", svg.toString()), cli.err());
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<?xml") && text.contains("data-series=\"train\"") && text.contains("data-series=\"validation\""), text);
        assertTrue(cli.out().contains("curves written to " + svg), cli.out());
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
            assertEquals(2, cli.run(a), String.join(" ", a) + " → " + cli.err());
            assertTrue(cli.err().startsWith("genscope " + a[0] + ": "), cli.err());
        }
    }

    @Test
    void badFilesExitOneNamingTheFile() throws Exception {
        assertEquals(1, cli.run("eval", "flow", dir.resolve("missing.safetensors").toString(), "--toy", "moons"));
        assertTrue(cli.err().contains("missing.safetensors"), cli.err());
        assertEquals(1, cli.run("train", "flow", "--train", dir.resolve("none.csv").toString()));
        assertTrue(cli.err().contains("none.csv"), cli.err());
        Path junk = dir.resolve("junk.safetensors");
        Files.write(junk, new byte[] {1, 2, 3});
        assertEquals(1, cli.run("sample", "flow", junk.toString()));
        assertTrue(cli.err().contains("junk.safetensors"), cli.err());
        Path model = dir.resolve("m.safetensors");
        assertEquals(0, cli.run("train", "flow", "--layers", "maf:4", "--steps", "2", "--size", "100", "--every", "0", "--out", model.toString()), cli.err());
        Path three = dir.resolve("three.csv");
        Files.writeString(three, "1,2,3\n4,5,6\n");
        assertEquals(1, cli.run("eval", "flow", model.toString(), "--data", three.toString()));
        assertTrue(cli.err().contains("three.csv") && cli.err().contains("3 columns"), cli.err());
    }

    /** An ActNorm flow z = x ∘ exp(s) whose scales s overflow float32 in one direction. */
    private Path scaledFlow(String name, float s) throws Exception {
        FlowModel m = org.genscope.flow.FlowSpec.parse("actnorm").build(2);
        m.params().get(0).value.data[0] = s;                  // layer0.log_scale
        m.buffers().get(0).value.data[0] = 1;                 // initialised: no data-dependent init on use
        Path f = dir.resolve(name);
        FlowFile.save(f, m, java.util.Map.of());
        return f;
    }

    @Test
    void nonFiniteFiguresFailTheCommandInsteadOfBeingPrintedOrWritten() throws Exception {
        Path huge = scaledFlow("huge.safetensors", 100);      // z = x·e^100 overflows: log p = −∞
        assertEquals(1, cli.run("eval", "flow", huge.toString(), "--toy", "moons", "--size", "100"));
        assertTrue(cli.err().contains("huge.safetensors: log p(x) is −∞ for 100 of 100 examples") && cli.out().isEmpty(),
                cli.err() + cli.out());
        Path tiny = scaledFlow("tiny.safetensors", -100);     // x = z·e^100 overflows when sampling
        Path samples = dir.resolve("nan.csv");
        assertEquals(1, cli.run("sample", "flow", tiny.toString(), "--n", "20", "--out", samples.toString()));
        assertTrue(cli.err().contains("tiny.safetensors: sample 1 holds") && cli.err().contains("no samples written"), cli.err());
        assertTrue(!Files.exists(samples), "nothing written");
        assertEquals(1, cli.run("eval", "flow", tiny.toString(), "--toy", "moons", "--size", "100"));   // f⁻¹ overflows too
        assertTrue(cli.err().contains("the inversion error max |f⁻¹(f(x)) − x| is +∞") && cli.out().isEmpty(), cli.err());
    }

    @Test
    void usageNamesTheFlowVerbs() {
        for (String verb : new String[] {"train", "eval", "sample"}) {
            assertEquals(0, cli.run("help", verb));
            assertTrue(cli.out().contains("genscope " + verb + " flow"), cli.out());
        }
        assertTrue(cli.run("help", "train") == 0 && cli.out().contains("realnvp-moons"), cli.out());
    }
}
