package org.genscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.genscope.data.CsvReader;
import org.genscope.data.Dataset;
import org.genscope.io.ModelFile;
import org.genscope.io.Tensor;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code genscope train|eval|sample vae}: a tiny run end to end, resume, and what bad arguments and files get. */
class VaeCommandsTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    /** 400 binary rows of 8 bits from two noisy prototypes. */
    private Path bits() throws Exception {
        Rng rng = new Rng(1);
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < 400; n++) {
            int proto = rng.nextInt(2);
            for (int j = 0; j < 8; j++) sb.append(j == 0 ? "" : ",").append((j % 2 == proto) ^ (rng.nextDouble() < 0.1) ? 1 : 0);
            sb.append('\n');
        }
        Path f = dir.resolve("bits.csv");
        Files.writeString(f, sb);
        return f;
    }

    private String[] tiny(String... more) throws Exception {
        List<String> a = new java.util.ArrayList<>(List.of("train", "vae", "--train", bits().toString(), "--hidden", "16",
                "--latent", "2", "--batch", "20", "--lr", "0.01", "--test-k", "20", "--seed", "3"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void badArgumentsExitTwoWithOneLine() throws Exception {
        String csv = bits().toString();
        List<String[]> bad = List.of(
                new String[] {"train", "vae", "--train", csv, "--latent", "0"},
                new String[] {"train", "vae", "--train", csv, "--beta", "-1"},
                new String[] {"train", "vae", "--train", csv, "--hidden", "1000000000"},
                new String[] {"train", "vae", "--train", csv, "--hidden", "abc"},
                new String[] {"train", "vae", "--train", csv, "--samples", "0"},
                new String[] {"train", "vae", "--train", csv, "--decoder", "poisson"},
                new String[] {"train", "vae", "--train", csv, "--activation", "swish"},
                new String[] {"train", "vae", "--train", csv, "--schedule", "step"},
                new String[] {"train", "vae", "--train", csv, "--noise", "0.1"},
                new String[] {"train", "vae", "--bogus", "1"},
                new String[] {"eval", "vae"},
                new String[] {"eval", "vae", "m.safetensors", "--k", "0"},
                new String[] {"sample", "vae", "m.safetensors", "--n", "0"});
        for (String[] a : bad) {
            assertEquals(2, cli.run(a), String.join(" ", a) + " → " + cli.err());
            assertTrue(cli.err().startsWith("genscope " + a[0] + ": ") && cli.err().strip().lines().count() == 1, cli.err());
        }
        cli.run("train", "vae", "--train", csv, "--latent", "0");
        assertTrue(cli.err().contains("latent size must be 1 to 100, got 0"), cli.err());
    }

    @Test
    void badFilesAndDataExitOneNamingThem() throws Exception {
        assertEquals(1, cli.run("eval", "vae", dir.resolve("missing.safetensors").toString()));
        assertTrue(cli.err().contains("missing.safetensors"), cli.err());
        Path grey = dir.resolve("grey.csv");
        Files.writeString(grey, "0.5,0.2,0.7\n0.1,0.9,0.3\n".repeat(20));
        assertEquals(1, cli.run("train", "vae", "--train", grey.toString(), "--decoder", "bernoulli", "--epochs", "1"));
        assertTrue(cli.err().contains("grey.csv") && cli.err().contains("--binarize 0.5") && cli.err().contains("--decoder gaussian"), cli.err());

        Path model = dir.resolve("m.safetensors");
        assertEquals(0, cli.run(tiny("--epochs", "1", "--out", model.toString())), cli.err());
        assertEquals(1, cli.run("eval", "vae", model.toString(), "--data", grey.toString()));
        assertTrue(cli.err().contains("grey.csv: 3 features") && cli.err().contains("m.safetensors has 8 inputs"), cli.err());
        assertEquals(1, cli.run("eval", "made", model.toString()));
        assertTrue(cli.err().contains("not a MADE"), cli.err());
    }

    @Test
    void trainEvalSampleOnASmallFile() throws Exception {
        Path model = dir.resolve("bits.safetensors");
        Path curves = dir.resolve("curves.csv");
        assertEquals(0, cli.run(tiny("--epochs", "20", "--beta", "1", "--warmup", "50", "--out", model.toString(),
                "--curves", curves.toString())), cli.err());
        String o = cli.out();
        assertTrue(o.contains("epoch   20") && o.contains("test ELBO") && o.contains("test log p(x) ≈") && o.contains("active units")
                && o.contains("saved"), o);
        double elbo = Double.parseDouble(o.replaceAll("(?s).*test ELBO (-?[0-9.]+) nats.*", "$1"));
        double ll = Double.parseDouble(o.replaceAll("(?s).*test log p\\(x\\) ≈ (-?[0-9.]+) nats.*", "$1"));
        assertTrue(elbo < ll && ll < 0, "ELBO " + elbo + " ≤ log p(x) " + ll);
        assertTrue(ll > -5.5, "two prototypes with 10% flips: about 8·0.325 + ln 2 = 3.3 nats; got " + ll);
        assertEquals("series,step,neg_elbo", Files.readAllLines(curves).get(0));
        ModelFile f = ModelFile.read(model);
        assertEquals("vae", f.meta("model.kind").orElseThrow());
        assertEquals(ll, Double.parseDouble(f.meta("metric.test_log_likelihood").orElseThrow()), 1e-4);

        assertEquals(0, cli.run("eval", "vae", model.toString(), "--data", bits().toString(), "--k", "200"), cli.err());
        assertTrue(cli.out().contains("ELBO") && cli.out().contains("k = 200") && cli.out().contains("importance sampling, k = 200: 50%"),
                cli.out());

        Path samples = dir.resolve("s.csv");
        assertEquals(0, cli.run("sample", "vae", model.toString(), "--n", "50", "--out", samples.toString()), cli.err());
        Dataset s = Dataset.of(CsvReader.read(samples), "s");
        assertEquals(50, s.size());
        for (float v : s.x().data) assertTrue(v == 0f || v == 1f, "binary draws x ~ p(x|z)");
        Path png = dir.resolve("s.png");
        assertEquals(0, cli.run("sample", "vae", model.toString(), "--n", "4", "--image", "2x4", "--scale", "1", "--out", png.toString()), cli.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(2 * (4 + 1) + 1, img.getWidth());
        assertTrue(cli.out().contains("decoded prior samples"), cli.out());

        Path grid = dir.resolve("grid.png");
        assertEquals(0, cli.run("sample", "vae", model.toString(), "--grid", "5", "--image", "2x4", "--scale", "1", "--out", grid.toString()), cli.err());
        assertEquals(5 * (4 + 1) + 1, ImageIO.read(grid.toFile()).getWidth(), "five codes per row");
        assertTrue(cli.out().contains("5×5 quantile grid"), cli.out());
        assertEquals(2, cli.run("sample", "vae", model.toString(), "--grid", "5", "--n", "3"));

        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, "7\n".repeat(400));
        Path codes = dir.resolve("codes.csv");
        assertEquals(0, cli.run("eval", "vae", model.toString(), "--data", bits().toString(), "--labels", labels.toString(), "--k", "5",
                "--codes", codes.toString()), cli.err());
        List<String> rows = Files.readAllLines(codes);
        assertEquals("x,y,label", rows.get(0));
        assertEquals(401, rows.size());
        assertTrue(rows.get(1).endsWith(",7"), rows.get(1));
        assertEquals(2, cli.run("eval", "vae", model.toString(), "--labels", labels.toString()));
    }

    @Test
    void twoDimensionalToyWithAGaussianDecoder() throws Exception {
        Path model = dir.resolve("moons.safetensors");
        assertEquals(0, cli.run("train", "vae", "--toy", "moons", "--size", "600", "--decoder", "gaussian", "--hidden", "32,32",
                "--epochs", "3", "--batch", "50", "--test-k", "10", "--out", model.toString()), cli.err());
        assertTrue(cli.out().contains("VAE 2-32-32-(2)-32-32-2"), cli.out());
        assertEquals(0, cli.run("sample", "vae", model.toString(), "--n", "10", "--out", dir.resolve("p.csv").toString()), cli.err());
        assertEquals(10, Dataset.of(CsvReader.read(dir.resolve("p.csv")), "p").size());
        assertEquals(0, cli.run("eval", "vae", model.toString(), "--toy", "moons", "--size", "100", "--k", "10"), cli.err());
        assertEquals(2, cli.run("eval", "vae", model.toString()), "a 2-D model needs its data named");
    }

    @Test
    void aResumedRunEndsExactlyWhereTheUninterruptedOneDoes() throws Exception {
        Path whole = dir.resolve("whole.ckpt");
        Path half = dir.resolve("half.ckpt");
        assertEquals(0, cli.run(tiny("--epochs", "4", "--warmup", "70", "--checkpoint", whole.toString(),
                "--out", dir.resolve("w.safetensors").toString())), cli.err());
        assertEquals(0, cli.run(tiny("--epochs", "2", "--warmup", "70", "--checkpoint", half.toString(),
                "--out", dir.resolve("h.safetensors").toString())), cli.err());
        assertEquals(0, cli.run(tiny("--epochs", "4", "--warmup", "70", "--checkpoint", half.toString(), "--resume", half.toString(),
                "--out", dir.resolve("r.safetensors").toString())), cli.err());
        assertTrue(cli.out().contains("resumed from " + half + " at step 32 (epoch 2)"), cli.out());
        ModelFile a = ModelFile.read(whole);
        ModelFile b = ModelFile.read(half);
        assertEquals(a.meta("trainer.step"), b.meta("trainer.step"));
        for (String name : a.tensors().keySet()) {
            if (name.startsWith("trainer.") && name.endsWith("history")) continue;      // the curves differ only in their thinning state
            Tensor ta = a.tensor(name);
            Tensor tb = b.tensor(name);
            assertArrayEquals(ta.toDoubles(), tb.toDoubles(), 0.0, name);
        }
        assertEquals(1, cli.run(tiny("--epochs", "4", "--beta", "2", "--resume", half.toString())), cli.err());
        assertTrue(cli.err().contains("half.ckpt: holds") && cli.err().contains("resume with the options"), cli.err());
    }

    @Test
    void helpListsTheVaeCommands() {
        for (String verb : new String[] {"train", "eval", "sample"}) {
            assertEquals(0, cli.run("help", verb));
            assertTrue(cli.out().contains("genscope " + verb + " vae"), cli.out());
        }
    }
}
