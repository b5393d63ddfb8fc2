package org.genscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.genscope.data.CsvReader;
import org.genscope.data.CsvWriter;
import org.genscope.data.Dataset;
import org.genscope.data.Toy2D;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MadeCommandsTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    /** 300 binary rows of 6 columns where x₂ copies x₁ (something to learn). */
    private Path binaryCsv() throws Exception {
        Rng rng = new Rng(1);
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < 300; n++) {
            int a = rng.nextInt(2);
            sb.append(a).append(',').append(a);
            for (int j = 2; j < 6; j++) sb.append(',').append(rng.nextInt(2));
            sb.append('\n');
        }
        Path f = dir.resolve("bits.csv");
        Files.writeString(f, sb);
        return f;
    }

    @Test
    void badArgumentsExitTwoWithAMessage() throws Exception {
        String csv = binaryCsv().toString();
        List<String[]> bad = List.of(
                new String[] {"train"},
                new String[] {"train", "gan"},
                new String[] {"train", "made", "--train", csv, "--hidden", "abc"},
                new String[] {"train", "made", "--train", csv, "--hidden", "0"},
                new String[] {"train", "made", "--train", csv, "--optimizer", "rmsprop"},
                new String[] {"train", "made", "--train", csv, "--lr", "-1"},
                new String[] {"train", "made", "--train", csv, "--bogus", "1"},
                new String[] {"train", "made", "--train", csv, "--masks", "2", "--valid-masks", "3"},
                new String[] {"train", "made", "--train", csv, "--components", "3"},
                new String[] {"eval", "made"},
                new String[] {"sample", "made", "m.safetensors", "--n", "0"});
        for (String[] a : bad) {
            assertEquals(2, cli.run(a), String.join(" ", a) + " → " + cli.err());
            assertTrue(cli.err().startsWith("genscope " + a[0] + ": "), cli.err());
        }
    }

    @Test
    void badFilesExitOneNamingTheFile() throws Exception {
        assertEquals(1, cli.run("eval", "made", dir.resolve("missing.safetensors").toString()));
        assertTrue(cli.err().contains("missing.safetensors"), cli.err());
        assertEquals(1, cli.run("train", "made", "--train", dir.resolve("none.csv").toString()));
        assertTrue(cli.err().contains("none.csv"), cli.err());
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "0.5,0.2\n0.1,0.9\n".repeat(20));
        assertEquals(1, cli.run("train", "made", "--train", real.toString(), "--epochs", "1"));
        assertTrue(cli.err().contains("binary"), cli.err());
    }

    @Test
    void trainEvalSampleRoundTripOnASmallCsv() throws Exception {
        Path csv = binaryCsv();
        Path model = dir.resolve("bits.safetensors");
        assertEquals(0, cli.run("train", "made", "--train", csv.toString(), "--hidden", "64", "--masks", "2", "--epochs", "30",
                "--lr", "0.01", "--batch", "20", "--seed", "3", "--out", model.toString(),
                "--curves", dir.resolve("curves.csv").toString()), cli.err());
        String o = cli.out();
        java.util.List<String> curves = java.nio.file.Files.readAllLines(dir.resolve("curves.csv"));
        assertEquals("series,step,nll", curves.get(0));
        assertTrue(curves.stream().anyMatch(r -> r.startsWith("validation,")) && curves.stream().anyMatch(r -> r.startsWith("train,")));
        assertTrue(o.contains("test NLL") && o.contains("ensemble of 2 masks") && o.contains("saved"), o);
        double nll = Double.parseDouble(o.replaceAll("(?s).*test NLL ([0-9.]+) nats \\(mask 0\\).*", "$1"));
        // x₂ = x₁ and 5 fair coins: the entropy is 5 ln 2 = 3.47 nats
        assertTrue(nll < 3.9, "test NLL " + nll);

        assertEquals(0, cli.run("eval", "made", model.toString(), "--data", csv.toString()), cli.err());
        assertTrue(cli.out().contains("NLL") && cli.out().contains("ensemble of 2 masks"), cli.out());

        Path samples = dir.resolve("s.csv");
        assertEquals(0, cli.run("sample", "made", model.toString(), "--n", "50", "--out", samples.toString()), cli.err());
        Dataset s = Dataset.of(CsvReader.read(samples), "s");
        assertEquals(50, s.size());
        int copies = 0;
        for (int n = 0; n < 50; n++) {
            for (int j = 0; j < 6; j++) assertTrue(s.x().get(n, j) == 0f || s.x().get(n, j) == 1f);
            if (s.x().get(n, 0) == s.x().get(n, 1)) copies++;
        }
        assertTrue(copies > 40, "samples should mostly have x₂ = x₁: " + copies);

        Path png = dir.resolve("s.png");
        assertEquals(0, cli.run("sample", "made", model.toString(), "--n", "4", "--image", "2x3", "--scale", "1", "--out", png.toString()), cli.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(2 * (3 + 1) + 1, img.getWidth());
        assertEquals(2 * (2 + 1) + 1, img.getHeight());
    }

    @Test
    void theMaskZeroFigureIsMaskZerosNotTheLastUpdatesAndEvalAgrees() throws Exception {
        Path train = binaryCsv();
        Path valid = dir.resolve("valid.csv");
        Path test = dir.resolve("test.csv");
        Files.write(valid, Files.readAllLines(train).subList(0, 60));
        Files.write(test, Files.readAllLines(train).subList(60, 120));
        Path model = dir.resolve("k4.safetensors");
        // 300 rows, batch 20: 15 updates per epoch, so the last of 8 epochs (update 119) used mask 119 mod 4 = 3
        assertEquals(0, cli.run("train", "made", "--train", train.toString(), "--valid", valid.toString(), "--test",
                test.toString(), "--hidden", "16", "--masks", "4", "--epochs", "8", "--patience", "0", "--lr", "0.01",
                "--batch", "20", "--seed", "5", "--out", model.toString()), cli.err());
        double printed = Double.parseDouble(cli.out().replaceAll("(?s).*test NLL ([0-9.]+) nats \\(mask 0\\).*", "$1"));
        double printedEnsemble = Double.parseDouble(cli.out().replaceAll("(?s).*test NLL ([0-9.]+) nats \\(ensemble of 4 masks\\).*", "$1"));

        org.genscope.made.Made made = org.genscope.made.MadeFile.load(model);
        org.ejml.data.FMatrixRMaj x = Dataset.of(CsvReader.read(test), "test").x();
        made.useMask(0);
        double mask0 = made.nll(x);
        made.useMask(3);
        double mask3 = made.nll(x);
        assertTrue(Math.abs(mask3 - mask0) > 1e-3, "masks 0 and 3 must differ for this test to mean anything: " + mask0 + " " + mask3);
        assertEquals(mask0, printed, 5e-5);
        assertEquals(mask0, Double.parseDouble(org.genscope.io.ModelFile.read(model).meta("metric.test_nll").orElseThrow()), 1e-9);
        assertEquals(made.ensembleNll(x, 4), printedEnsemble, 5e-5);

        assertEquals(0, cli.run("eval", "made", model.toString(), "--data", test.toString()), cli.err());
        assertTrue(cli.out().contains(String.format(java.util.Locale.ROOT, "NLL %.4f nats (mask 0)", printed)), cli.out());
        assertTrue(cli.out().contains(String.format(java.util.Locale.ROOT, "NLL %.4f nats (ensemble of 4 masks)", printedEnsemble)), cli.out());
    }

    @Test
    void binarizeThresholdsIntensitiesSoGreyLevelsTrainAsTheirBinaryImage() throws Exception {
        // bits.csv as 8-bit grey levels: a 1 becomes 128..255, a 0 becomes 0..127 (so not just 0)
        Path bits = binaryCsv();
        Rng rng = new Rng(9);
        StringBuilder grey = new StringBuilder();
        for (String line : Files.readAllLines(bits)) {
            String[] f = line.split(",");
            for (int j = 0; j < f.length; j++) grey.append(j == 0 ? "" : ",").append(f[j].equals("1") ? 128 + rng.nextInt(128) : rng.nextInt(128));
            grey.append('\n');
        }
        Path greyCsv = dir.resolve("grey.csv");
        Files.writeString(greyCsv, grey);
        String[] common = {"--hidden", "16", "--epochs", "3", "--batch", "50", "--seed", "2", "--quiet", "true"};
        assertEquals(0, cli.run(concat(new String[] {"train", "made", "--train", bits.toString(), "--out", dir.resolve("a.safetensors").toString()}, common)), cli.err());
        String fromBits = cli.out().replaceAll("(?s).*(test NLL [0-9.]+ nats).*", "$1");
        assertEquals(0, cli.run(concat(new String[] {"train", "made", "--train", greyCsv.toString(), "--binarize", "0.5",
                "--out", dir.resolve("b.safetensors").toString()}, common)), cli.err());
        assertEquals(fromBits, cli.out().replaceAll("(?s).*(test NLL [0-9.]+ nats).*", "$1"));

        assertEquals(0, cli.run("eval", "made", dir.resolve("a.safetensors").toString(), "--data", bits.toString()), cli.err());
        String evalBits = cli.out().replaceAll("(?s).*(NLL [0-9.]+ nats \\(mask 0\\)).*", "$1");
        assertEquals(0, cli.run("eval", "made", dir.resolve("a.safetensors").toString(), "--data", greyCsv.toString(), "--binarize", "0.5"), cli.err());
        assertEquals(evalBits, cli.out().replaceAll("(?s).*(NLL [0-9.]+ nats \\(mask 0\\)).*", "$1"));

        assertEquals(2, cli.run("train", "made", "--train", greyCsv.toString(), "--binarize", "128"));
        assertTrue(cli.err().contains("--binarize must be in [0, 1]"), cli.err());
        assertEquals(0, cli.run("help", "train"));
        assertTrue(cli.out().contains("grey levels 0..255 are divided by 255"), cli.out());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void maxMinutesZeroMeansNoLimitAsTheHelpSays() throws Exception {
        assertEquals(0, cli.run("help", "train"));
        assertTrue(cli.out().contains("--max-minutes M (stop after M minutes of training and keep the best so far;\n"
                + "              0, the default, sets no limit)"), cli.out());
        assertEquals(0, cli.run("train", "made", "--train", binaryCsv().toString(), "--hidden", "8", "--epochs", "3", "--patience", "0",
                "--max-minutes", "0", "--out", dir.resolve("m.safetensors").toString()), cli.err());
        assertTrue(cli.out().contains("stopped after 3 epochs (") && !cli.out().contains("time budget"), cli.out());
    }

    @Test
    void aTestNllThatIsNotFiniteFailsTrainingWithTheReasonAndKeepsTheModelWithoutIt() throws Exception {
        Path points = dir.resolve("points.csv");
        assertEquals(0, cli.run("data", "toy", "moons", "--n", "300", "--out", points.toString()), cli.err());
        Path far = dir.resolve("far.csv");
        Files.writeString(far, "x,y\n3e38,-3e38\n0.5,0.5\n");        // (x − μ)/σ overflows: log p = −∞
        Path model = dir.resolve("far.safetensors");
        assertEquals(1, cli.run("train", "made", "--train", points.toString(), "--test", far.toString(), "--conditional", "gaussian",
                "--hidden", "8", "--epochs", "2", "--out", model.toString()));
        assertEquals("genscope train: the trained MADE: log p(x) is −∞ for 1 of 2 examples of " + far + " (first: example 1), so "
                + "there is no finite NLL to report; the model is saved to " + model + " without a test NLL\n", cli.err());
        assertTrue(!cli.out().contains("test NLL") && cli.out().contains("saved " + model), cli.out());
        org.genscope.io.ModelFile f = org.genscope.io.ModelFile.read(model);
        assertTrue(f.meta("metric.test_nll").isEmpty() && f.meta("metric.validation_nll").isPresent(), f.metadata().toString());
    }

    @Test
    void aTimeBudgetStopsTrainingAndStillSaves() throws Exception {
        Path model = dir.resolve("budget.safetensors");
        assertEquals(0, cli.run("train", "made", "--train", binaryCsv().toString(), "--hidden", "8", "--epochs", "1000000",
                "--max-minutes", "0.00001", "--out", model.toString()), cli.err());
        assertTrue(cli.out().contains("time budget reached") && Files.exists(model), cli.out());
    }

    @Test
    void gaussianMadeTrainsOnA2dToySetWithItsLabelColumnAsLabels() throws Exception {
        Path csv = dir.resolve("moons.csv");
        assertEquals(0, cli.run("data", "toy", "moons", "--n", "600", "--seed", "2", "--out", csv.toString()), cli.err());
        Path model = dir.resolve("moons.safetensors");
        assertEquals(0, cli.run("train", "made", "--train", csv.toString(), "--conditional", "mixture", "--components", "3",
                "--hidden", "32,32", "--epochs", "5", "--lr", "0.005", "--out", model.toString()), cli.err());
        assertTrue(cli.out().startsWith("MADE 2-32-32-") && cli.out().contains("(480×2, labelled)") && cli.out().contains("test NLL"), cli.out());
        assertEquals(0, cli.run("eval", "made", model.toString(), "--data", csv.toString()), cli.err());
        assertEquals(1, cli.run("eval", "made", model.toString(), "--data", csv.toString(), "--label", "none"));
        assertTrue(cli.err().contains("3 features, the model has 2 inputs"), cli.err());
        assertEquals(0, cli.run("sample", "made", model.toString(), "--n", "10", "--out", dir.resolve("p.csv").toString()), cli.err());
        assertEquals(10, Dataset.of(CsvReader.read(dir.resolve("p.csv")), "p").size());
    }

    @Test
    void aLikelihoodThatIsNotFiniteFailsEvalInsteadOfPrintingNaN() throws Exception {
        org.genscope.made.MadeConfig c = org.genscope.made.MadeConfig.defaults(2)
                .withConditional(org.genscope.made.Conditional.GAUSSIAN, 1);
        org.genscope.made.Made made = new org.genscope.made.Made(c);
        org.genscope.nn.Param bias = made.params().stream().filter(p -> p.name.equals("output.bias")).findFirst().orElseThrow();
        bias.value.data[2] = -400;          // log σ of x₀: z = (x − μ)·e^400 overflows, log p = −∞
        Path model = dir.resolve("sharp.safetensors");
        org.genscope.made.MadeFile.save(model, made, java.util.Map.of());
        Path csv = dir.resolve("points.csv");
        CsvWriter.write(csv, Toy2D.MOONS.generate(50, 0.05, 1).withLabels(null));
        assertEquals(1, cli.run("eval", "made", model.toString(), "--data", csv.toString()));
        assertTrue(cli.err().contains("sharp.safetensors: log p(x) is −∞ for 50 of 50 examples of " + csv) && cli.out().isEmpty(),
                cli.err() + cli.out());
    }

    @Test
    void usageNamesEveryVerbAndTheModel() {
        for (String verb : new String[] {"train", "eval", "sample"}) {
            assertEquals(0, cli.run("help", verb));
            assertTrue(cli.out().contains("genscope " + verb + " made"), cli.out());
        }
        assertEquals(0, cli.run());
        assertTrue(cli.out().contains("train") && cli.out().contains("sample"), cli.out());
    }
}
