package org.genscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.ejml.data.FMatrixRMaj;
import org.genscope.flow.FlowFile;
import org.genscope.flow.FlowModel;
import org.genscope.flow.FlowSpec;
import org.genscope.flow.LayerKind;
import org.genscope.flow.LayerSpec;
import org.genscope.made.Conditional;
import org.genscope.made.DegreeRule;
import org.genscope.made.Made;
import org.genscope.made.MadeConfig;
import org.genscope.made.MadeFile;
import org.genscope.made.OrderingKind;
import org.genscope.nn.Adam;
import org.genscope.nn.Mat;
import org.genscope.nn.Rng;
import org.genscope.vae.DecoderKind;
import org.genscope.vae.Evaluation;
import org.genscope.vae.Progress;
import org.genscope.vae.Vae;
import org.genscope.vae.VaeConfig;
import org.genscope.vae.VaeFile;
import org.genscope.wta.WtaAutoencoder;
import org.genscope.wta.WtaConfig;
import org.genscope.wta.WtaFile;
import org.genscope.wta.WtaKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/reference_reader.py, written from docs/model-files.md alone, rebuilds the log-likelihood of every point from
 * a saved file and agrees with Genscope's own to {@value #TOLERANCE} nats: the file holds everything the model
 * needs. Skipped (not failed) where {@code python3} with NumPy is not installed.
 */
class ReferenceReaderTest {
    static final double TOLERANCE = 1e-4;
    private static final Path SCRIPT = Path.of("docs", "reference_reader.py");

    @TempDir
    Path dir;

    /** Whether {@code python3 -c "import numpy"} works here, asked once. */
    private static Boolean python;

    @BeforeEach
    void needsPythonWithNumpy() {
        if (python == null) {
            try {
                Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
                python = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
                p.destroyForcibly();
            } catch (IOException e) {
                python = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                python = false;
            }
        }
        Assumptions.assumeTrue(python, "python3 with NumPy is not installed: the reference reader is not run");
    }

    /** What the script prints for these arguments (it must exit 0). */
    private static List<String> script(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("python3", SCRIPT.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the script finishes");
        assertEquals(0, p.exitValue(), out);
        return out.lines().collect(Collectors.toList());
    }

    /** The points as CSV, every float32 written as its exact double. */
    private Path csv(FMatrixRMaj x) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < x.numCols; j++) sb.append(j == 0 ? "" : ",").append((double) x.get(i, j));
            sb.append('\n');
        }
        return Files.writeString(dir.resolve("points.csv"), sb);
    }

    /** Asserts that the script's log p(x) of every point equals Genscope's; returns the largest difference. */
    private double assertSameLogLikelihoods(Path model, FMatrixRMaj x, double[] genscope) throws Exception {
        List<String> lines = script(model.toString(), csv(x).toString(), "--each");
        assertEquals(x.numRows, lines.size(), String.join("\n", lines));
        double worst = 0;
        for (int i = 0; i < x.numRows; i++) {
            double reference = Double.parseDouble(lines.get(i));
            assertTrue(Double.isFinite(reference) && Double.isFinite(genscope[i]), "row " + i);
            worst = Math.max(worst, Math.abs(reference - genscope[i]));
        }
        System.out.printf("reference reader vs Genscope, %s: max |Δ log p| = %.2g nats over %d points%n",
                model.getFileName(), worst, x.numRows);
        assertTrue(worst < TOLERANCE, model.getFileName() + ": max |Δ log p| = " + worst);
        return worst;
    }

    private static FMatrixRMaj gaussian(int n, int d, Rng rng) {
        FMatrixRMaj x = new FMatrixRMaj(n, d);
        for (int i = 0; i < x.getNumElements(); i++) x.data[i] = (float) (1.3 * rng.nextGaussian() + 0.2);
        return x;
    }

    /** A flow of every layer kind, trained a little by maximum likelihood so nothing is left at its initial value. */
    private static FlowModel trainedFlow(int d, boolean learnableBase, long seed) {
        List<LayerSpec> layers = new ArrayList<>();
        for (LayerKind k : LayerKind.values()) layers.add(LayerSpec.of(k, 6, 5));
        FlowModel m = new FlowSpec(layers, learnableBase, "tanh", 2.5, seed).build(d);
        Rng rng = new Rng(seed);
        m.initialize(gaussian(256, d, rng));
        Adam adam = new Adam(m.params(), 0.02);
        for (int step = 0; step < 40; step++) {
            m.lossAndGradients(gaussian(64, d, rng));
            adam.step();
        }
        return m;
    }

    @Test
    void flowsOfEveryLayerKindGiveGenscopesLogLikelihoods() throws Exception {
        for (int d : new int[] {2, 3}) {
            FlowModel m = trainedFlow(d, d == 3, 11 + d);
            assertTrue(Arrays.stream(LayerKind.values()).allMatch(k -> m.spec().layersText().contains(k.id())));
            Path file = dir.resolve("flow" + d + ".safetensors");
            FlowFile.save(file, m, Map.of());
            FMatrixRMaj x = gaussian(64, d, new Rng(99));
            assertSameLogLikelihoods(file, x, m.logLikelihoods(x));
            List<String> mean = script(file.toString(), csv(x).toString());
            assertEquals(m.nll(x), Double.parseDouble(mean.get(0).replaceAll("NLL ([-0-9.]+) nats", "$1")), TOLERANCE, mean.toString());
        }
    }

    @Test
    void aLabelColumnIsLeftOutAsGenscopeLeavesItOut() throws Exception {
        FlowModel m = trainedFlow(2, false, 5);
        Path file = dir.resolve("flow2.safetensors");
        FlowFile.save(file, m, Map.of());
        Path toy = dir.resolve("toy.csv");
        org.genscope.data.CsvWriter.write(toy, org.genscope.data.Toy2D.PINWHEEL.generate(64, 0.3, 2));    // x,y,label
        FMatrixRMaj x = org.genscope.data.DataFiles.readDataset(toy, null).x();
        assertEquals(2, x.numCols);
        List<String> mean = script(file.toString(), toy.toString());
        assertEquals(m.nll(x), Double.parseDouble(mean.get(0).replaceAll("NLL ([-0-9.]+) nats", "$1")), TOLERANCE, mean.toString());
    }

    /** A MADE trained a little on the data (Adam, cycling its masks as training does). */
    private static Made trained(MadeConfig c, FMatrixRMaj data) {
        Made made = new Made(c);
        Adam adam = new Adam(made.params(), 0.01);
        for (int step = 0; step < 60; step++) {
            made.useMask(step % made.numMasks());
            made.lossAndGradients(data);
            adam.step();
        }
        made.useMask(0);
        return made;
    }

    @Test
    void madesWithEachConditionalGiveGenscopesLogLikelihoodsAndEnsemble() throws Exception {
        Rng rng = new Rng(5);
        FMatrixRMaj bits = new FMatrixRMaj(80, 7);
        for (int i = 0; i < bits.getNumElements(); i++) bits.data[i] = rng.nextDouble() < 0.35 ? 1f : 0f;
        FMatrixRMaj points = gaussian(80, 3, rng);
        List<Object[]> cases = List.of(
                new Object[] {new MadeConfig(7, new int[] {9, 6}, OrderingKind.RANDOM, null, DegreeRule.SOFTMAX, 0.5, true, 3,
                        true, Conditional.BERNOULLI, 1, "relu", 3), bits},
                new Object[] {new MadeConfig(3, new int[] {8}, OrderingKind.NATURAL, null, DegreeRule.EVEN, 0, false, 2,
                        false, Conditional.MIXTURE, 3, "tanh", 4), points},
                new Object[] {new MadeConfig(3, new int[] {8, 8}, OrderingKind.CUSTOM, new int[] {2, 3, 1}, DegreeRule.UNIFORM, 0,
                        true, 1, false, Conditional.GAUSSIAN, 1, "elu", 5), points});
        for (Object[] c : cases) {
            MadeConfig config = (MadeConfig) c[0];
            FMatrixRMaj x = (FMatrixRMaj) c[1];
            Made made = trained(config, x);
            Path file = dir.resolve("made-" + config.conditional().name().toLowerCase(java.util.Locale.ROOT) + ".safetensors");
            MadeFile.save(file, made, Map.of());
            assertSameLogLikelihoods(file, x, made.logLikelihoods(x));
            if (config.numMasks() > 1) {
                List<String> lines = script(file.toString(), csv(x).toString());
                double ensemble = Double.parseDouble(lines.get(1).replaceAll("NLL ([-0-9.]+) nats \\(ensemble of \\d+ masks\\)", "$1"));
                assertEquals(made.ensembleNll(x, config.numMasks()), ensemble, TOLERANCE, lines.toString());
            }
        }
    }

    /** FC- and Conv-WTA files, trained a little, give Genscope's reconstruction error with the rules on. */
    @Test
    void winnerTakeAllAutoencodersGiveGenscopesReconstructionError() throws Exception {
        Rng rng = new Rng(8);
        for (WtaConfig c : new WtaConfig[] {WtaConfig.fc(6, 6, 20, 3, 10, 8),
            new WtaConfig(WtaKind.CONV, 7, 7, new int[] {3, 4}, 3, 5, 30, true, 4),
            new WtaConfig(WtaKind.CONV, 6, 6, new int[] {5}, 5, 3, 100, false, 5)}) {
            FMatrixRMaj x = new FMatrixRMaj(130, c.inputs());
            for (int i = 0; i < x.getNumElements(); i++) x.data[i] = rng.nextFloat();
            WtaAutoencoder ae = WtaAutoencoder.create(c);
            Adam adam = new Adam(ae.params(), 0.01);
            for (int step = 0; step < 20; step++) {
                ae.lossAndGradients(Mat.rows(x, 0, 100));
                adam.step();
            }
            Path file = dir.resolve("wta-" + c.kind() + c.hidden().length + ".safetensors");
            WtaFile.save(file, ae, Map.of());
            List<String> out = script(file.toString(), csv(x).toString());
            double reference = Double.parseDouble(out.get(0).replaceAll("reconstruction error ([-0-9.eE]+) per pixel", "$1"));
            double genscope = ae.reconstructionError(x);
            System.out.printf("reference reader vs Genscope, %s: reconstruction error %.9g vs %.9g%n", c.architecture(),
                    reference, genscope);
            assertEquals(genscope, reference, 1e-5 * genscope, out.toString());
        }
    }

    /** A VAE trained a little on the data, so its encoder and decoder are not at their initial values. */
    private static Vae trainedVae(VaeConfig c, FMatrixRMaj x) {
        Vae vae = new Vae(c);
        Adam adam = new Adam(vae.params(), 0.01);
        Rng rng = new Rng(c.seed());
        for (int step = 0; step < 60; step++) {
            vae.lossAndGradients(x, 1, rng);
            adam.step();
        }
        return vae;
    }

    @Test
    void vaesOfBothDecodersGiveGenscopesKlReconstructionElboAndLogLikelihood() throws Exception {
        Rng rng = new Rng(7);
        FMatrixRMaj bits = new FMatrixRMaj(64, 9);
        for (int i = 0; i < bits.getNumElements(); i++) bits.data[i] = rng.nextDouble() < 0.3 ? 1f : 0f;
        FMatrixRMaj points = gaussian(64, 2, rng);
        List<Object[]> cases = List.of(
                new Object[] {new VaeConfig(9, new int[] {8, 6}, "tanh", 3, new int[] {7}, "softplus", DecoderKind.BERNOULLI, 1, 1, 0, 3), bits},
                new Object[] {new VaeConfig(2, new int[] {8}, "elu", 2, new int[] {6, 6}, "tanh", DecoderKind.GAUSSIAN, 2, 0.5, 10, 4), points});
        for (Object[] c : cases) {
            VaeConfig config = (VaeConfig) c[0];
            FMatrixRMaj x = (FMatrixRMaj) c[1];
            Vae vae = trainedVae(config, x);
            Path file = dir.resolve("vae-" + config.decoder() + ".safetensors");
            VaeFile.save(file, vae, Map.of());
            String data = csv(x).toString();
            // no random numbers: the closed-form KL and log p(x | z = μ(x)) of every example, to rounding
            List<String> lines = script(file.toString(), data, "--each");
            assertEquals(x.numRows, lines.size(), String.join("\n", lines));
            double[] kl = vae.evaluate(x, 1, new Rng(1), Progress.NONE).kl();
            double[] atMean = vae.logLikelihoodGiven(x, vae.encode(x).mean());
            double worst = 0;
            for (int n = 0; n < x.numRows; n++) {
                String[] two = lines.get(n).split(" ");
                worst = Math.max(worst, Math.max(Math.abs(Double.parseDouble(two[0]) - kl[n]), Math.abs(Double.parseDouble(two[1]) - atMean[n])));
            }
            assertTrue(worst < TOLERANCE, file.getFileName() + ": max |Δ| = " + worst);
            // Monte Carlo figures from NumPy's random numbers: equal within their error
            List<String> summary = script(file.toString(), data, "--samples", "2000", "--k", "500");
            double elbo = Double.parseDouble(summary.get(0).replaceAll("ELBO (-?[0-9.]+) nats.*", "$1"));
            double ll = Double.parseDouble(summary.get(1).replaceAll("log p\\(x\\) ≈ (-?[0-9.]+) nats.*", "$1"));
            Evaluation e = vae.evaluate(x, 2000, new Rng(2), Progress.NONE);
            assertEquals(e.meanElbo(), elbo, 0.05, summary.toString());
            assertEquals(vae.evaluate(x, 500, new Rng(3), Progress.NONE).meanLogLikelihood(), ll, 0.05, summary.toString());
            System.out.printf("reference reader vs Genscope, %s: max |Δ| (KL, log p(x|μ)) = %.2g; ELBO %.4f vs %.4f%n",
                    file.getFileName(), worst, elbo, e.meanElbo());
        }
    }
}
