package org.genscope.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.genscope.data.DataSplits;
import org.genscope.data.Toy2D;
import org.genscope.nn.Adam;
import org.genscope.train.JobState;
import org.genscope.train.TaskExecutor;
import org.genscope.train.TrainConfig;
import org.genscope.train.TrainingJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowTrainableTest {
    @TempDir
    Path dir;

    private static final DataSplits DATA = DataSplits.random(Toy2D.MOONS.generate(2000, 0.05, 1), 0.1, 0.1, 1);
    private static final String LAYERS = "actnorm,realnvp:16,maf:16,linear";

    private static TrainingJob<FlowPayload> job(FlowModel m, long steps) {
        TrainConfig c = TrainConfig.builder().maxSteps(steps).batchSize(64).seed(4).payloadInterval(Duration.ofDays(1)).build();
        return new TrainingJob<>(new FlowTrainable(m, DATA.train(), DATA.validation()), new Adam(m.params(), 2e-3), c,
                TaskExecutor.currentThread());
    }

    @Test
    void trainingLowersTheValidationNllAndThePayloadIsAPrivateCopy() {
        FlowModel m = FlowSpec.parse(LAYERS).build(2);
        FlowTrainable task = new FlowTrainable(m, DATA.train(), DATA.validation());
        assertTrue(((ActNorm) m.layers().get(0)).isInitialized());
        double before = task.validationLoss().getAsDouble();
        TrainingJob<FlowPayload> j = job(m, 300);
        j.start();
        assertEquals(JobState.FINISHED, j.state());
        double after = m.nll(DATA.validation().x());
        assertTrue(after < before - 0.3, before + " → " + after);
        assertEquals(after, j.latest().validationLoss(), 1e-9);

        FlowPayload p = task.payload();
        assertEquals(FlowTrainable.SAMPLES, p.count());
        assertEquals(FlowTrainable.SAMPLES * 2, p.samples().length);
        assertEquals(FlowTrainable.GRID * FlowTrainable.GRID, p.density().length);
        float[] density = p.density();
        density[0] = -1;                                              // copies out
        assertNotEquals(-1f, p.density()[0]);
        assertArrayEquals(m.logLikelihoods(DATA.test().x()), p.model().logLikelihoods(DATA.test().x()));
        p.model().params().get(0).value.data[0] += 1;                 // the copy is not the model
        assertNotEquals(m.params().get(0).value.data[0], p.model().params().get(0).value.data[0]);
        assertEquals("flow", task.metadata().get("model.kind"));
    }

    @Test
    void checkpointResumeIsBitIdentical() throws Exception {
        FlowModel straight = FlowSpec.parse(LAYERS).build(2);
        job(straight, 40).start();

        FlowModel first = FlowSpec.parse(LAYERS).build(2);
        TrainingJob<FlowPayload> a = job(first, 40);
        a.addListener(new org.genscope.train.TrainingListener() {
            @Override
            public void onStep(long step, int epoch, double loss) {
                if (step == 20) a.pause();
            }
        });
        a.start();
        Path ck = dir.resolve("ck.safetensors");
        a.saveCheckpoint(ck).join();
        FlowModel resumed = FlowFile.load(ck);                         // a checkpoint loads as a model file
        TrainingJob<FlowPayload> b = job(resumed, 40);
        b.restore(ck).join();
        b.start();
        assertEquals(JobState.FINISHED, b.state());
        for (int i = 0; i < straight.params().size(); i++) {
            assertArrayEquals(straight.params().get(i).value.data, resumed.params().get(i).value.data, straight.params().get(i).name);
        }
    }

    @Test
    void higherDimensionalDataHaveNoDensityGrid() {
        FlowModel m = FlowSpec.parse("maf:8*2").build(3);
        org.ejml.data.FMatrixRMaj x = TestFlows.gaussian(100, 3, 1, new org.genscope.nn.Rng(1));
        FlowPayload p = new FlowTrainable(m, new org.genscope.data.Dataset("g", "test", x, null, 0, 0), null).payload();
        assertNull(p.density());
        assertNull(p.grid());
        assertEquals(3, p.dimension());
    }
}
