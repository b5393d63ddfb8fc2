package org.genscope.made;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Dataset;
import org.genscope.data.Toy2D;
import org.genscope.nn.Adam;
import org.genscope.nn.Rng;
import org.genscope.train.JobState;
import org.genscope.train.TaskExecutor;
import org.genscope.train.TrainConfig;
import org.genscope.train.TrainingJob;
import org.genscope.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MadeTrainableTest {
    @TempDir
    Path dir;

    /** A fixed random MADE with strong dependencies, to generate data from. */
    static Made teacher(int d) {
        Made teacher = new Made(new MadeConfig(d, new int[] {16}, OrderingKind.NATURAL, null, DegreeRule.UNIFORM, 0, false, 1,
                false, Conditional.BERNOULLI, 1, "tanh", 99));
        TinyModels.scaleWeights(teacher, 4f);
        return teacher;
    }

    /** n binary vectors drawn from the teacher. */
    static Dataset teacherData(int d, int n, long seed) {
        FMatrixRMaj x = new FMatrixRMaj(n, d);
        x.data = teacher(d).sample(n, new Rng(seed));
        return new Dataset("teacher", "test", x, null, 0, 0);
    }

    private static TrainingJob<MadePayload> job(MadeTrainable task, long steps) {
        TrainConfig tc = TrainConfig.builder().maxSteps(steps).batchSize(20).seed(3).evalEvery(steps).build();
        return new TrainingJob<>(task, new Adam(task.params(), 1e-2), tc, TaskExecutor.currentThread());
    }

    @Test
    void agnosticTrainingUsesADifferentMaskOnEveryConsecutiveUpdate() {
        MadeConfig c = new MadeConfig(6, new int[] {10}, OrderingKind.NATURAL, null, DegreeRule.UNIFORM, 0, false, 3, true,
                Conditional.BERNOULLI, 1, "relu", 1);
        Made made = new Made(c);
        MadeTrainable task = new MadeTrainable(made, teacherData(6, 200, 5), null, 3);
        List<Connectivity> used = new ArrayList<>();
        TrainingJob<MadePayload> job = job(task, 7);
        job.addListener(new TrainingListener() {
            @Override
            public void onStep(long step, int epoch, double loss) {
                used.add(made.connectivity());
            }
        });
        job.start();
        assertEquals(JobState.FINISHED, job.state());
        assertEquals(7, used.size());
        for (int t = 1; t < used.size(); t++) assertNotEquals(used.get(t - 1), used.get(t), "updates " + t + " and " + (t + 1));
        assertEquals(used.get(0), used.get(3), "the paper cycles through its finite set of K masks");
        assertNotEquals(used.get(0).ordering()[0], -1);
    }

    @Test
    void trainingApproachesTheTeachersLikelihood() {
        Dataset train = teacherData(6, 2000, 7);
        Dataset valid = teacherData(6, 1000, 8);
        Made made = new Made(MadeConfig.defaults(6).withHidden(32));
        double before = made.nll(valid.x());
        MadeTrainable task = new MadeTrainable(made, train, valid, 1);
        job(task, 1500).start();
        double after = made.nll(valid.x());
        // the exact entropy of the teacher's distribution, by enumerating all 64 vectors
        double entropy = 0;
        for (double ll : teacher(6).logLikelihoods(TinyModels.allBinary(6))) entropy -= Math.exp(ll) * ll;
        assertTrue(after < before - 0.5, "NLL " + before + " → " + after);
        assertEquals(entropy, after, 0.15, "validation NLL vs the data's entropy");
    }

    @Test
    void payloadHoldsImageSamplesOrA2dDensity() {
        FMatrixRMaj img = teacherData(6, 50, 2).x();
        Dataset images = new Dataset("img", "test", img, null, 2, 3);
        MadePayload p = new MadeTrainable(new Made(MadeConfig.defaults(6)), images, null, 1).payload();
        assertEquals(16, p.count());
        assertEquals(16 * 6, p.samples().length);
        assertEquals(2, p.imageRows());
        assertNull(p.density());

        Dataset moons = Toy2D.MOONS.generate(500, 0.05, 1);
        Made made = new Made(MadeConfig.defaults(2).withConditional(Conditional.GAUSSIAN, 1));
        MadePayload q = new MadeTrainable(made, moons, null, 1).payload();
        assertNotNull(q.density());
        assertEquals(q.grid() * q.grid(), q.density().length);
        assertEquals(4, q.bounds().length);
        assertTrue(q.bounds()[0] < -2 && q.bounds()[1] > 2, java.util.Arrays.toString(q.bounds()));
    }

    @Test
    void theTrainersModelFileLoadsAsTheSameMade() throws Exception {
        MadeConfig c = new MadeConfig(6, new int[] {10, 8}, OrderingKind.RANDOM, null, DegreeRule.UNIFORM, 0, true, 2, true,
                Conditional.BERNOULLI, 1, "relu", 9);
        Made made = new Made(c);
        MadeTrainable task = new MadeTrainable(made, teacherData(6, 200, 5), null, 2);
        TrainingJob<MadePayload> job = job(task, 5);
        job.start();
        Path file = dir.resolve("job.safetensors");
        job.saveModel(file, Map.of()).join();
        Made loaded = MadeFile.load(file);
        FMatrixRMaj x = TinyModels.allBinary(6);
        for (int k = 0; k < 2; k++) {
            made.useMask(k);
            loaded.useMask(k);
            assertArrayEquals(made.logLikelihoods(x), loaded.logLikelihoods(x), 0.0);
        }
    }
}
