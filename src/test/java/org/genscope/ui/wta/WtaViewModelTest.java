package org.genscope.ui.wta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Dataset;
import org.genscope.train.JobState;
import org.genscope.ui.common.UiExecutor;
import org.genscope.wta.WtaAutoencoder;
import org.genscope.wta.WtaConfig;
import org.genscope.wta.WtaFile;
import org.genscope.wta.WtaKind;
import org.genscope.wta.WtaPayload;
import org.genscope.wta.WtaPreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WTA workspace's view-model without a window, all work on the test thread. */
class WtaViewModelTest {
    @TempDir
    Path dir;
    private final StringProperty message = new SimpleStringProperty("");
    private final WtaViewModel vm = new WtaViewModel(UiExecutor.currentThread(), message);

    @Test
    void everyPresetSetsUpItsAutoencoder() {
        for (WtaPreset p : WtaPreset.values()) {
            vm.presetProperty().set(p);
            assertEquals(p, vm.presetProperty().get(), "loading a preset is no edit");
            assertEquals(p.config, vm.settings().config(), p.title);
            assertEquals(p.learningRate, vm.settings().learningRate(), 0, p.title);
            assertEquals(p.weightDecay, vm.settings().weightDecay(), 0, p.title);
            assertEquals(WtaViewModel.epochsFor(p), vm.epochsProperty().get());
        }
        vm.presetProperty().set(WtaPreset.CONV_PLAIN);
        assertEquals("32,32", vm.unitsProperty().get());
        assertEquals(100, vm.kPercentProperty().get(), 0);
        assertTrue(!vm.spatialProperty().get(), "the plain conv AE has no sparsity at all");
    }

    @Test
    void anEditMakesItNoLongerThePreset() {
        vm.presetProperty().set(WtaPreset.FC_5);
        vm.kPercentProperty().set(10);
        assertNull(vm.presetProperty().get());
        vm.presetProperty().set(WtaPreset.FC_5);
        assertEquals(5, vm.kPercentProperty().get(), 0, "picking it again reloads it");
    }

    @Test
    void outOfRangeSettingsAreRefusedBeforeTraining() {
        vm.presetProperty().set(WtaPreset.CONV_32);
        refused(() -> vm.kPercentProperty().set(0), "percentage in (0, 100]");
        refused(() -> vm.kPercentProperty().set(100.5), "percentage in (0, 100]");
        refused(() -> vm.decoderKernelProperty().set(29), "larger than the 28×28 image");
        refused(() -> vm.decoderKernelProperty().set(10), "must be odd");
        refused(() -> vm.unitsProperty().set("32,0"), "at least 1 feature map");
        refused(() -> vm.unitsProperty().set("many"), "not a whole number");
        refused(() -> vm.learningRateProperty().set("2"), "Learning rate: a number in (0, 1]");
        refused(() -> vm.weightDecayProperty().set("-1"), "Weight decay λ: a number ≥ 0");
        refused(() -> vm.weightDecayProperty().set("5000"), "below 1");
        refused(() -> vm.weightDecayProperty().set("lots"), "Weight decay λ: 'lots' is not a number");
        refused(() -> {
            vm.kindProperty().set(WtaKind.FC);
            vm.unitsProperty().set("0");
        }, "at least 1 unit");
    }

    private void refused(Runnable bad, String words) {
        vm.presetProperty().set(null);
        vm.presetProperty().set(WtaPreset.CONV_32);
        bad.run();
        vm.run().train();
        assertTrue(vm.errorProperty().get().contains(words), vm.errorProperty().get());
        assertTrue(Character.isUpperCase(vm.errorProperty().get().charAt(0)), "a sentence: " + vm.errorProperty().get());
        assertNull(vm.run().job().job(), "nothing started");
    }

    /** A tiny FC-WTA on the 10k MNIST sample: 1 epoch of 16 units in a second or two. */
    private void trainTinyFc(double k) {
        vm.dataProperty().set(WtaData.LABELLED);
        vm.kindProperty().set(WtaKind.FC);
        vm.unitsProperty().set("16");
        vm.kPercentProperty().set(k);
        vm.epochsProperty().set(1);
        vm.run().train();
        assertEquals("", vm.errorProperty().get());
        assertEquals(JobState.FINISHED, vm.run().job().job().state());
    }

    @Test
    void aShortRunTrainsAndTheNextRunTakesTheNewK() {
        trainTinyFc(10);
        vm.run().job().drainNow();
        double[] curve = vm.run().job().job().latest().validationCurve().values();
        assertTrue(curve.length >= 2 && curve[curve.length - 1] < curve[0], "the held-out error falls");
        assertEquals(10, vm.runDataProperty().get().config().kPercent(), 0);
        vm.kPercentProperty().set(20);
        vm.run().train();
        assertEquals(20, vm.runDataProperty().get().config().kPercent(), 0, "k changed between runs");
    }

    @Test
    void aTrainedModelIsSavedAndOpensAgainAsItWas() throws Exception {
        trainTinyFc(10);
        Path file = dir.resolve("tiny.safetensors");
        vm.run().save(file);
        assertTrue(message.get().startsWith("Saved model to"), message.get());
        WtaAutoencoder back = WtaFile.load(file);
        WtaAutoencoder trained = vm.modelCopy().join();
        assertEquals(trained.config(), back.config());
        assertArrayEquals(trained.decoderFilters().values(), back.decoderFilters().values(), "the trained weights");
        assertTrue(!vm.run().hasUnsavedWork(), "saved");
    }

    @Test
    void theActivityOfAChosenImageKeepsOnlyTheWinnersOfTheRules() {
        trainTinyFc(10);
        Dataset held = vm.runDataProperty().get().heldOut();
        vm.activity().imageProperty().set(7);
        vm.activity().refresh(vm.modelCopy(), held);
        WtaPayload p = vm.activity().passProperty().get();
        assertNotNull(p);
        float[] image7 = java.util.Arrays.copyOfRange(held.x().data, 7 * 784, 8 * 784);
        assertArrayEquals(image7, p.image(), "the chosen image is the one looked at");
        float[] before = p.codeBefore();
        float[] after = p.codeAfter();
        boolean[] won = p.winners();
        int winners = 0;
        for (int u = 0; u < before.length; u++) {
            assertEquals(won[u] ? before[u] : 0f, after[u], "after the rules: the winner's value or 0 (unit " + u + ")");
            if (won[u]) winners++;
        }
        assertTrue(winners < before.length, "some units lose");
        // lifetime k = 10% of a batch of 100: each unit wins in at most ⌈0.1·100⌉ = 10 images
        for (float r : p.winRate()) assertTrue(r <= 0.10f + 1e-6, "win rate " + r);
    }

    @Test
    void theBatchAroundTheChosenImageHoldsTheSameImages() {
        FMatrixRMaj x = new FMatrixRMaj(150, 2);
        for (int i = 0; i < 150; i++) x.set(i, 0, i);
        Dataset d = new Dataset("d", "test", x, null, 0, 0);
        FMatrixRMaj b = ActivityModel.batchWithFirst(d, 7);
        assertEquals(7, b.get(0, 0), 0);
        assertEquals(0, b.get(7, 0), 0, "swapped");
        assertEquals(100, b.numRows);
        FMatrixRMaj far = ActivityModel.batchWithFirst(d, 120);
        assertEquals(120, far.get(0, 0), 0, "an image past the batch takes row 0's place");
    }

    @Test
    void anOpenedModelTakesANewKBeforeItTrainsFurther() throws Exception {
        WtaConfig c = WtaConfig.fc(28, 28, 5, 3, 12);
        Path file = dir.resolve("fc.safetensors");
        WtaFile.save(file, WtaAutoencoder.create(c), Map.of());
        vm.dataProperty().set(WtaData.LABELLED);
        vm.openModel(file);
        assertEquals("", vm.errorProperty().get());
        assertEquals("12", vm.unitsProperty().get(), "its configuration is shown");
        assertEquals(JobState.NEW, vm.run().job().job().state());
        vm.kPercentProperty().set(25);
        assertEquals(25, vm.modelCopy().join().config().kPercent(), 0, "the live model took k between steps");
        assertTrue(message.get().contains("k = 25%"), message.get());
    }

    @Test
    void aFileOfNonImagesIsRefusedNamingIt() {
        Dataset points = new Dataset("pts", "pts.csv", new FMatrixRMaj(50, 5), null, 0, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WtaViewModel.imagesOf("pts.csv", points));
        assertTrue(e.getMessage().startsWith("pts.csv has 5 values per example"), e.getMessage());
        Dataset squares = new Dataset("sq", "sq.csv", new FMatrixRMaj(50, 16), null, 0, 0);
        assertEquals(4, WtaViewModel.imagesOf("sq.csv", squares).train().imageRows());
    }
}
