package org.genscope.ui.made;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Dataset;
import org.genscope.io.Metadata;
import org.genscope.made.Conditional;
import org.genscope.made.DegreeRule;
import org.genscope.made.Made;
import org.genscope.made.MadeConfig;
import org.genscope.made.MadeFile;
import org.genscope.made.OrderingKind;
import org.genscope.nn.Rng;
import org.genscope.train.JobState;
import org.genscope.train.Snapshot;
import org.genscope.ui.common.UiExecutor;
import org.genscope.ui.shell.DatasetTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MADE workspace's view-model without a window: every piece of work runs on the test thread
 * ({@link UiExecutor#currentThread}), so a whole run — plan, data, training, save — happens inside one call.
 */
class MadeViewModelTest {
    @TempDir
    Path dir;
    private final StringProperty message = new SimpleStringProperty("");
    private final MadeViewModel vm = new MadeViewModel(UiExecutor.currentThread(), message);

    @Test
    void settingsThatCannotTrainGoToTheErrorLineAndStartNothing() {
        vm.run().train();
        assertTrue(vm.builder().errorProperty().get().contains("sandbox has no data"), vm.builder().errorProperty().get());
        vm.dataProperty().set(MadeData.MNIST_4);
        vm.learningRateProperty().set("fast");
        vm.run().train();
        assertEquals("Learning rate: 'fast' is not a number (e.g. 0.001).", vm.builder().errorProperty().get());
        vm.learningRateProperty().set("2");
        vm.run().train();
        assertTrue(vm.builder().errorProperty().get().startsWith("Learning rate: a number in (0, 1]"));
        assertNull(vm.run().job().job(), "no job was made");
    }

    @Test
    void choosingDataGivesTheBuilderItsDimensionAndSuitableWidths() {
        vm.dataProperty().set(MadeData.MNIST_4);
        assertEquals(16, vm.builder().connectivity().inputs());
        assertEquals("32", vm.builder().widthsProperty().get());
        vm.dataProperty().set(MadeData.MOONS);
        assertEquals(2, vm.builder().connectivity().inputs());
    }

    @Test
    void theAutoregressiveCheckFollowsTheNetwork() {
        MadeViewModel.Check c = vm.checkProperty().get();
        assertNotNull(c, "measured at start");
        assertEquals(vm.builder().connectivity(), c.network());
        vm.builder().inputsProperty().set(5);
        vm.builder().rebuild();
        assertEquals(5, vm.checkProperty().get().dependencies().length, "re-measured for the new network");
        boolean[][] deps = vm.checkProperty().get().dependencies();
        int[] m0 = vm.builder().connectivity().ordering();
        for (int out = 0; out < 5; out++) {
            for (int in = 0; in < 5; in++) {
                if (deps[out][in]) assertTrue(m0[in] < m0[out], "output " + out + " depends only on earlier inputs");
            }
        }
    }

    @Test
    void aRunTrainsOnTheChosenDataThenSavesOnce() throws Exception {
        vm.dataProperty().set(MadeData.MNIST_4);
        vm.epochsProperty().set(1);
        vm.run().train();
        assertEquals("", vm.builder().errorProperty().get());
        assertEquals(JobState.FINISHED, vm.run().job().job().state());
        assertTrue(vm.runDataProperty().get().images());
        assertEquals(16, vm.runDataProperty().get().train().dimension());
        vm.run().job().drainNow();
        double valid = vm.run().job().job().latest().validationLoss();
        assertTrue(valid > 0 && valid < 16 * Math.log(2), "beats a coin per pixel: " + valid);
        assertTrue(vm.run().hasUnsavedWork());
        assertTrue(vm.run().hasModelProperty().get());
        Path file = dir.resolve("made.safetensors");
        vm.run().save(file);
        assertEquals("Saved model to " + file, message.get());
        assertFalse(vm.run().hasUnsavedWork(), "saved");
        assertTrue(Files.size(file) > 0);
    }

    @Test
    void anOpenedModelTrainedOnAFileWaitsForThatFileThenShowsAsItIs() throws Exception {
        MadeConfig config = new MadeConfig(2, new int[] {12, 10}, OrderingKind.RANDOM, null, DegreeRule.EVEN, 0, false, 1,
                false, Conditional.MIXTURE, 3, "relu", 9);
        Made saved = new Made(config, new Rng(9));
        Path file = dir.resolve("mine.safetensors");
        MadeFile.save(file, saved, Map.of(Metadata.DATASET, "mine.csv"));
        vm.openModel(file);
        assertNotNull(vm.run().pending(), "waits: its data is not built in");
        assertNull(vm.run().job().job());
        assertTrue(Arrays.equals(saved.connectivity().degrees(1), vm.builder().connectivity().degrees(1)), "mask 0 shown");
        assertTrue(message.get().contains("Open the data it was trained on"), message.get());

        Rng rng = new Rng(3);
        FMatrixRMaj x = new FMatrixRMaj(300, 2);
        for (int i = 0; i < x.data.length; i++) x.data[i] = (float) rng.nextGaussian();
        DatasetTarget.Use<OpenedData> use = vm.useDataset(org.genscope.data.DataOrigin.file(Path.of("mine.csv")), new Dataset("mine", "test", x, null, 0, 0));
        String how = use.use().apply(use.prepare().call());
        assertTrue(how.contains("The model you opened is shown on it"), how);
        assertNull(vm.run().pending());
        vm.run().job().drainNow();
        Snapshot<?> s = vm.run().job().job().latest();
        assertEquals(0, s.step(), "shown as it is, not trained");
        assertTrue(Double.isFinite(s.validationLoss()));
        assertFalse(vm.run().hasUnsavedWork(), "nothing trained since it was opened");
    }

    @Test
    void aNewRunDropsAModelWaitingForItsData() throws Exception {
        Made saved = new Made(MadeConfig.defaults(5).withHidden(8), new Rng(1));
        Path file = dir.resolve("five.safetensors");
        MadeFile.save(file, saved, Map.of(Metadata.DATASET, "five.csv"));
        vm.openModel(file);
        assertNotNull(vm.run().pending());
        vm.dataProperty().set(MadeData.MNIST_4);
        vm.epochsProperty().set(1);
        vm.run().train();
        assertNull(vm.run().pending());
    }

    @Test
    void aFileThatIsNoModelIsNamedOnTheErrorLine() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.safetensors"), "hello");
        vm.openModel(notes);
        assertEquals("Could not open notes.safetensors", message.get());
        assertTrue(vm.builder().errorProperty().get().startsWith("Could not open the model: "));
    }
}
