package org.genscope.ui.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.data.Toy2D;
import org.genscope.io.Metadata;
import org.genscope.nn.Rng;
import org.genscope.train.JobState;
import org.genscope.train.Snapshot;
import org.genscope.ui.common.UiExecutor;
import org.genscope.vae.Vae;
import org.genscope.vae.VaeConfig;
import org.genscope.vae.VaeFile;
import org.genscope.vae.VaePayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VAE workspace's view-model without a window: all work runs on the test thread ({@link UiExecutor#currentThread}),
 * so a whole run — plan, data, training — happens inside one call, and so do the latent space's encodings.
 */
class VaeViewModelTest {
    @TempDir
    Path dir;
    private final StringProperty message = new SimpleStringProperty("");
    private final VaeViewModel vm = new VaeViewModel(UiExecutor.currentThread(), message);

    private void refuses(String expected) {
        vm.run().train();
        assertEquals(expected, vm.errorProperty().get());
        assertNull(vm.run().job().job(), "nothing was trained");
    }

    @Test
    void absurdSettingsAreRefusedWithOneSentenceBeforeTraining() {
        vm.latentProperty().set(0);
        refuses("The latent size must be 1 to 100, got 0.");
        vm.latentProperty().set(2);
        vm.betaProperty().set("-1");
        refuses("β must be a number from 0 to 1000, got -1.0.");
        vm.betaProperty().set("1");
        vm.hiddenProperty().set("1000000000");
        refuses("Hidden layer 1 of the encoder must have 1 to 100000 units, got 1000000000.");
        vm.hiddenProperty().set("200, x");
        refuses("Hidden sizes: 'x' is not a whole number of units (e.g. 200, 200).");
        vm.hiddenProperty().set("200, 200");
        vm.learningRateProperty().set("fast");
        refuses("Learning rate: 'fast' is not a number in (0, 1], e.g. 0.001.");
        vm.learningRateProperty().set("0.001");
        vm.samplesProperty().set(0);
        refuses("Samples per data point must be 1 to 256, got 0.");
    }

    @Test
    void greyLevelsAreRefusedForTheBernoulliDecoderUnlessBinarized() {
        vm.dataProperty().set(VaeData.LABELLED_MNIST);
        vm.binarizeProperty().set(false);
        refuses("mnist-sample10k-images-idx3-ubyte.gz holds grey levels, but the Bernoulli decoder models pixels that "
                + "are 0 or 1: tick “Binarize grey levels” and press Train again.");
    }

    @Test
    void evaluationRefusesKOutsideOneToFiveThousand() {
        Dataset test = Toy2D.MOONS.generate(50, 0.05, 1);
        Vae vae = new Vae(VaeConfig.defaults(2).withHidden(new int[] {8}, new int[] {8}));
        vm.evaluation().kProperty().set(0);
        vm.evaluation().evaluate(vae, test, 0);
        assertTrue(vm.evaluation().errorProperty().get().startsWith("Importance samples k: 1 to 5000"));
        assertNull(vm.evaluation().figuresProperty().get());
        vm.evaluation().kProperty().set(20);
        vm.evaluation().evaluate(vae, test, 0);
        EvaluationViewModel.Figures f = vm.evaluation().figuresProperty().get();
        assertEquals(20, f.evaluation().samples());
        assertTrue(f.evaluation().meanLogLikelihood() >= f.evaluation().meanElbo() - 0.5, "L_k is no lower than the ELBO");
        assertEquals(org.genscope.compare.Evaluator.vae(vae, test.x(), 20, org.genscope.compare.Evaluator.SEED, (d, t) -> true)
                .meanLogLikelihood(), f.evaluation().meanLogLikelihood(), 0.0,
                "the figure genscope eval vae --k 20 and the Compare view give for the same model and data");
    }

    @Test
    void presetsSetUpTheirDemoAndAnEditMakesItNoLongerThePreset() {
        VaePreset collapse = VaePreset.ALL.stream().filter(p -> p.title().startsWith("β = 8")).findFirst().orElseThrow();
        vm.presetProperty().set(collapse);
        assertEquals(VaeData.LABELLED_MNIST, vm.dataProperty().get());
        assertEquals("8", vm.betaProperty().get());
        assertEquals(10, vm.latentProperty().get());
        assertTrue(vm.presetNoteProperty().get().contains("collapse"));
        vm.epochsProperty().set(3);
        assertNull(vm.presetProperty().get(), "an edit: no longer the demo");
        VaePreset toy = VaePreset.ALL.stream().filter(p -> p.title().equals("2-D toy")).findFirst().orElseThrow();
        vm.presetProperty().set(toy);
        assertEquals(Toy2D.PINWHEEL, vm.dataProperty().get().toy());
        assertTrue(vm.dataChoices().contains(vm.dataProperty().get()), "the entry of the choice box");
        assertEquals(2, vm.latentProperty().get());
        vm.presetProperty().set(VaePreset.ALL.get(1));
        assertEquals(VaeData.BINARIZED_MNIST, vm.dataProperty().get());
        assertEquals(50, vm.latentProperty().get());
    }

    /** A short run on the 2-D toy with latent size {@code l}; returns its last payload. */
    private VaePayload trainToy(int l) {
        vm.dataProperty().set(vm.dataChoices().stream().filter(d -> d.toy() == Toy2D.MOONS).findFirst().orElseThrow());
        vm.hiddenProperty().set("16");
        vm.latentProperty().set(l);
        vm.epochsProperty().set(1);
        vm.batchProperty().set(500);
        vm.run().train();
        assertEquals("", vm.errorProperty().get());
        assertEquals(JobState.FINISHED, vm.run().job().job().state());
        vm.run().job().drainNow();
        Snapshot<VaePayload> s = vm.run().job().job().latest();
        vm.latentSpace().refresh(s.payload().model().copy(), s.step());
        return s.payload();
    }

    @Test
    void aTwoDimensionalLatentSpaceIsShownAsItIs() {
        trainToy(2);
        LatentCodes c = vm.latentSpace().codesProperty().get();
        assertNotNull(c);
        assertEquals(2000, c.size(), "the test split");
        for (int i = 0; i < 20; i++) {
            assertEquals(c.mean().data[2 * i], c.uv()[2 * i], 1e-6);
            assertEquals(c.mean().data[2 * i + 1], c.uv()[2 * i + 1], 1e-6);
        }
        assertEquals(15 * 15, vm.latentSpace().gridProperty().get().cells().codes().numRows);
    }

    @Test
    void aLargerLatentSpaceIsShownOnThePrincipalPlaneOfItsCodes() {
        trainToy(5);
        LatentCodes c = vm.latentSpace().codesProperty().get();
        assertTrue(c.projected());
        // the plane coordinates are the codes' projections; lifting one back changes only the unseen components
        float[] z = c.lift(c.uv()[0], c.uv()[1]);
        FMatrixRMaj one = new FMatrixRMaj(1, 5);
        System.arraycopy(z, 0, one.data, 0, 5);
        float[] again = c.plane().project(one);
        assertEquals(c.uv()[0], again[0], 1e-4);
        assertEquals(c.uv()[1], again[1], 1e-4);
        double varU = 0;
        double varV = 0;
        for (int i = 0; i < c.size(); i++) {
            varU += c.uv()[2 * i] * c.uv()[2 * i];
            varV += c.uv()[2 * i + 1] * c.uv()[2 * i + 1];
        }
        assertTrue(varU >= varV, "the first axis spreads the codes most: " + varU + " vs " + varV);
    }

    @Test
    void aClickDecodesThatPointOfThePlane() {
        trainToy(3);
        LatentCodes c = vm.latentSpace().codesProperty().get();
        vm.latentSpace().decodeAt(0.5, -0.25);
        LatentViewModel.Decoded d = vm.latentSpace().decodedProperty().get();
        float[] expected = new float[2];
        c.model().copy().decode(c.lift(0.5, -0.25), expected);
        assertArrayEquals(expected, d.x(), 1e-6f);
        assertArrayEquals(c.lift(0.5, -0.25), d.z(), 1e-6f);
        vm.latentSpace().select(7);
        assertArrayEquals(c.code(7), vm.latentSpace().decodedProperty().get().z(), 1e-4f, "a selected point decodes μ");
    }

    /** A latent space of {@code n} random 28×28 binary images encoded by a new 784-hidden-(L) Bernoulli VAE. */
    private LatentViewModel latentOfRandomDigits(int[] hidden, int latentSize, int n) {
        VaeConfig c = VaeConfig.defaults(784).withHidden(hidden, hidden).withLatent(latentSize)
                .withDecoder(org.genscope.vae.DecoderKind.BERNOULLI);
        Rng rng = new Rng(n);
        FMatrixRMaj x = new FMatrixRMaj(n, 784);
        for (int i = 0; i < x.data.length; i++) x.data[i] = rng.nextFloat() < 0.25f ? 1 : 0;
        LatentViewModel latent = new LatentViewModel(UiExecutor.currentThread(), message);
        latent.reset(new Dataset("random", "test", x, null, 28, 28));
        latent.refresh(new Vae(c), 1);
        return latent;
    }

    @Test
    void aPointOfTheMnistPlaneDecodesInUnderFiveMilliseconds() {
        // the budget for a decode on every mouse move: 784-200-200-(2)-200-200-784, one code at a time
        LatentViewModel latent = latentOfRandomDigits(new int[] {200, 200}, 2, 200);
        long[] t = new long[300];
        for (int k = 0; k < t.length; k++) {
            latent.decodeAt(Math.sin(k * 0.1) * 2, Math.cos(k * 0.07) * 2);
            t[k] = latent.decodedProperty().get().nanos();
        }
        java.util.Arrays.sort(t);
        System.out.printf(java.util.Locale.ROOT, "latent-plane decode, 784-200-200-(2): median %.3f ms, 95th percentile %.3f ms%n",
                t[t.length / 2] / 1e6, t[t.length * 95 / 100] / 1e6);
        assertTrue(t[t.length / 2] < 5_000_000L, "median decode " + t[t.length / 2] / 1e6 + " ms");
    }

    @Test
    void anInterpolationOfDigitsIsSavedAsAnAnimatedGifFromAToBAndBack() throws Exception {
        LatentViewModel latent = latentOfRandomDigits(new int[] {30}, 3, 40);
        latent.interpolate(2, 9);
        Path gif = dir.resolve("path.gif");
        latent.saveGif(gif, 28, 28);
        assertTrue(message.get().startsWith("Saved the interpolation"), message.get());

        javax.imageio.ImageReader reader = javax.imageio.ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = javax.imageio.ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(2 * InterpolationGif.STEPS - 2, reader.getNumImages(true), "a → b → back, without a twice");
            java.awt.image.BufferedImage first = reader.read(0);
            int s = InterpolationGif.SCALE;
            int g = InterpolationGif.GAP;
            assertEquals(2 * 28 * s + 3 * g, first.getWidth());
            // frame 0, left: the decoding of example 2's code μ, pixel by pixel (within the GIF palette's step)
            LatentCodes codes = latent.codesProperty().get();
            float[] a = new float[784];
            float[] b = new float[784];
            codes.model().copy().decode(codes.code(2), a);
            codes.model().copy().decode(codes.code(9), b);
            double worst = 0;
            double offA = 0;
            double offB = 0;
            for (int r = 0; r < 28; r++) {
                for (int col = 0; col < 28; col++) {
                    int got = first.getRGB(g + col * s + 1, g + r * s + 1) & 0xFF;
                    int ga = org.genscope.ui.common.Colormap.GRAY_INVERTED.argb(a[r * 28 + col]) & 0xFF;
                    int gb = org.genscope.ui.common.Colormap.GRAY_INVERTED.argb(b[r * 28 + col]) & 0xFF;
                    worst = Math.max(worst, Math.abs(ga - got));
                    offA += Math.abs(ga - got);
                    offB += Math.abs(gb - got);
                }
            }
            assertTrue(worst <= 16, "frame 0 shows the decoding of A (largest grey difference " + worst + ")");
            assertTrue(offA < offB, "frame 0 is A's decoding, not B's: " + offA + " vs " + offB);
        } finally {
            reader.dispose();
        }
    }

    @Test
    void interpolationsStartAndEndAtTheDecodingsOfTheTwoCodes() {
        trainToy(3);
        LatentCodes c = vm.latentSpace().codesProperty().get();
        vm.latentSpace().select(3);
        vm.latentSpace().setEnd(true);
        vm.latentSpace().select(11);
        vm.latentSpace().setEnd(false);
        LatentViewModel.Interpolation i = vm.latentSpace().interpolationProperty().get();
        Vae model = c.model().copy();
        float[] a = new float[2];
        float[] b = new float[2];
        model.decode(c.code(3), a);
        model.decode(c.code(11), b);
        int last = 2 * (LatentViewModel.PATH_POINTS - 1);
        for (float[] path : new float[][] {i.linear(), i.spherical()}) {
            assertArrayEquals(a, new float[] {path[0], path[1]}, 1e-6f);
            assertArrayEquals(b, new float[] {path[last], path[last + 1]}, 1e-6f);
        }
        float[] mid = LatentPath.spherical(c.code(3), c.code(11), 3)[1];
        float[] lin = LatentPath.linear(c.code(3), c.code(11), 3)[1];
        assertTrue(norm(mid) >= norm(lin) - 1e-6, "the spherical path keeps away from the origin");
    }

    private static double norm(float[] z) {
        double s = 0;
        for (float v : z) s += v * v;
        return Math.sqrt(s);
    }

    @Test
    void theCodesAreSavedAsCsvWithTheirClasses() throws Exception {
        trainToy(2);
        Path csv = dir.resolve("codes.csv");
        vm.latentSpace().saveCodes(csv);
        String[] lines = Files.readString(csv).split("\n");
        assertEquals("z1,z2,class", lines[0]);
        assertEquals(2001, lines.length);
        assertTrue(message.get().startsWith("Saved 2,000 codes"), message.get());
    }

    @Test
    void aModelOfOtherDataWaitsAndDataOfTheWrongShapeIsNamed() throws Exception {
        Vae saved = new Vae(VaeConfig.defaults(784).withHidden(new int[] {8}, new int[] {8}).withLatent(2));
        Path file = dir.resolve("fashion.safetensors");
        VaeFile.save(file, saved, Map.of(Metadata.DATASET, "fashion-train", VaeFile.IMAGE, "28x28"));
        vm.openModel(file);
        assertNotNull(vm.run().pending(), "waits for its data");
        assertEquals("8", vm.hiddenProperty().get(), "its settings are shown");
        assertTrue(message.get().contains("Open that data"), message.get());
        Dataset points = Toy2D.MOONS.generate(100, 0.05, 1);
        String how = vm.useDataset(org.genscope.data.DataOrigin.file(dir.resolve("points.csv")), points).use().apply(VaeDatasets.check("points.csv", points));
        assertTrue(how.contains("fashion.safetensors, models D = 784, binary values but points.csv has D = 2"), how);
        assertNotNull(vm.run().pending(), "still waiting");
        FMatrixRMaj x = new FMatrixRMaj(40, 784);
        Rng rng = new Rng(3);
        for (int k = 0; k < x.data.length; k++) x.data[k] = rng.nextFloat() < 0.2 ? 1 : 0;
        Dataset images = new Dataset("fashion", "test", x, null, 28, 28);
        how = vm.useDataset(org.genscope.data.DataOrigin.file(dir.resolve("fashion.gz")), images).use().apply(VaeDatasets.check("fashion.gz", images));
        assertTrue(how.contains("is shown on it"), how);
        assertNull(vm.run().pending());
        assertEquals(JobState.NEW, vm.run().job().job().state(), "shown as it is, not trained");
    }

    @Test
    void aModelOfBinarizedMnistOpensWithItsOwnSettingsNotTheDatasRecipe() throws Exception {
        Path file = dir.resolve("vae-2d.safetensors");
        VaeConfig c = VaeConfig.defaults(784).withHidden(new int[] {20}, new int[] {20}).withLatent(2)
                .withDecoder(org.genscope.vae.DecoderKind.BERNOULLI);
        VaeFile.save(file, new Vae(c), Map.of(Metadata.DATASET, "binarized-mnist-train"));
        vm.openModel(file);
        assertEquals(VaeData.BINARIZED_MNIST, vm.dataProperty().get());
        assertEquals(2, vm.latentProperty().get(), "the model's L, not the 50 of binarized MNIST's recipe");
        assertEquals("20", vm.hiddenProperty().get());
        assertEquals("", vm.outOfDateProperty().get(), "the settings are the model's");
    }

    @Test
    void aModelOfAToyOpensOnThatToy() throws Exception {
        Path file = dir.resolve("pinwheel.safetensors");
        VaeFile.save(file, new Vae(VaeConfig.defaults(2)), Map.of(Metadata.DATASET, "pinwheel-train"));
        vm.openModel(file);
        assertEquals(Toy2D.PINWHEEL, vm.dataProperty().get().toy());
        assertTrue(message.get().startsWith("Opened pinwheel.safetensors"), message.get());
        assertEquals(JobState.NEW, vm.run().job().job().state());
        assertEquals("", vm.outOfDateProperty().get(), "the settings are the model's");
        vm.latentProperty().set(3);
        assertTrue(vm.outOfDateProperty().get().startsWith("Out of date: this is the VAE 2-64-64-(2)"),
                vm.outOfDateProperty().get());
    }

    @Test
    void aPaintingBecomesTheTrainingData() {
        DataSplits painted = DataSplits.random(Toy2D.RINGS.generate(400, 0.05, 1), 0.1, 0.1, 1);
        vm.usePainted(painted);
        assertEquals(VaeData.Kind.PAINTED, vm.dataProperty().get().kind());
        assertTrue(vm.dataNoteProperty().get().contains("320 training points"), vm.dataNoteProperty().get());
        vm.epochsProperty().set(1);
        vm.run().train();
        assertEquals(JobState.FINISHED, vm.run().job().job().state());
        assertEquals(2, vm.runDataProperty().get().config().inputs());
    }
}
