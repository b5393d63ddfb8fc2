package org.genscope.ui.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.genscope.data.DataSplits;
import org.genscope.data.Toy2D;
import org.genscope.flow.FlowFile;
import org.genscope.flow.FlowPreset;
import org.genscope.flow.FlowSpec;
import org.genscope.io.Metadata;
import org.genscope.train.JobState;
import org.genscope.ui.common.UiExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Flows workspace's view-model without a window, all work on the test thread. */
class FlowViewModelTest {
    @TempDir
    Path dir;
    private final StringProperty message = new SimpleStringProperty("");
    private final FlowViewModel vm = new FlowViewModel(UiExecutor.currentThread(), message);

    @Test
    void aPresetSetsUpTheWholeDemo() {
        FlowPreset p = FlowPreset.byId("maf-checkerboard");
        vm.presetProperty().set(p);
        assertEquals(p.spec(), vm.builder().spec());
        assertEquals(Toy2D.CHECKERBOARD, vm.dataProperty().get().toy());
        assertEquals(p.steps(), vm.stepsProperty().get());
        assertEquals(p.batchSize(), vm.batchProperty().get());
        assertEquals(Double.toString(p.learningRate()), vm.learningRateProperty().get());
        assertEquals(FlowViewModel.PREVIEW_POINTS, vm.previewProperty().get().points().size(), "the data is previewed");
        assertTrue(vm.previewProperty().get().caption().startsWith("checkerboard"));
    }

    @Test
    void anEditMakesItNoLongerThePresetSoPickingItAgainReloadsTheDemo() {
        FlowPreset p = FlowPreset.byId("realnvp-moons");
        vm.presetProperty().set(p);
        assertEquals(p, vm.presetProperty().get(), "loading a preset is no edit");
        DataSplits painted = DataSplits.random(Toy2D.RINGS.generate(400, 0.05, 1), 0.1, 0.1, 1);
        vm.usePainted(painted);
        assertNull(vm.presetProperty().get(), "painted data: no longer the demo");
        vm.presetProperty().set(p);
        assertEquals(Toy2D.MOONS, vm.dataProperty().get().toy(), "picking it again reloads it");
        vm.stepsProperty().set(10);
        assertNull(vm.presetProperty().get(), "any setting counts");
    }

    @Test
    void badSettingsGoToTheErrorLine() {
        vm.learningRateProperty().set("-1");
        vm.run().train();
        assertTrue(vm.builder().errorProperty().get().contains("learning rate in (0, 1]"));
        vm.learningRateProperty().set("0.001");
        vm.dataProperty().set(vm.dataChoices().stream().filter(d -> d.kind() == FlowData.Kind.PAINTED).findFirst().orElseThrow());
        vm.run().train();
        assertTrue(vm.builder().errorProperty().get().startsWith("Nothing painted yet"));
        assertNull(vm.run().job().job());
    }

    @Test
    void aShortRunTrainsAndKnowsTheTrueEntropy() {
        vm.presetProperty().set(FlowPreset.byId("maf-checkerboard"));
        vm.builder().setText("maf:8*2");
        vm.stepsProperty().set(40);
        vm.pointsProperty().set(600);
        vm.run().train();
        assertEquals("", vm.builder().errorProperty().get());
        assertEquals(JobState.FINISHED, vm.run().job().job().state());
        assertEquals(Math.log(8), vm.runDataProperty().get().entropy().getAsDouble(), 0.05, "checkerboard H ≈ ln 8");
        vm.run().job().drainNow();
        assertTrue(Double.isFinite(vm.run().job().job().latest().validationLoss()));
        Path csv = dir.resolve("samples.csv");
        vm.saveSamples(csv);
        assertTrue(message.get().startsWith("Saved "), message.get());
    }

    @Test
    void aFlowTrainedOnAPaintingWaitsForPaintedPoints() throws Exception {
        Path file = dir.resolve("painted.safetensors");
        FlowFile.save(file, FlowSpec.parse("nice:8*2").build(2), Map.of(Metadata.DATASET, "painted"));
        vm.openModel(file);
        assertNotNull(vm.run().pending());
        assertNull(vm.run().job().job(), "never shown on unrelated data");
        DataSplits painted = DataSplits.random(Toy2D.RINGS.generate(400, 0.05, 1), 0.1, 0.1, 1);
        vm.usePainted(painted);
        assertNull(vm.run().pending());
        assertEquals(FlowData.Kind.PAINTED, vm.dataProperty().get().kind());
        vm.run().job().drainNow();
        assertEquals(0, vm.run().job().job().latest().step(), "shown as it is");
    }

    @Test
    void aFlowTrainedOnAToyOpensOnThatToy() throws Exception {
        Path file = dir.resolve("moons.safetensors");
        FlowFile.save(file, FlowSpec.parse("realnvp:8*2").build(2), Map.of(Metadata.DATASET, "moons-train"));
        vm.openModel(file);
        assertEquals(Toy2D.MOONS, vm.dataProperty().get().toy());
        assertTrue(message.get().startsWith("Opened moons.safetensors"));
        assertTrue(Files.exists(file));
        assertEquals(JobState.NEW, vm.run().job().job().state());
    }
}
