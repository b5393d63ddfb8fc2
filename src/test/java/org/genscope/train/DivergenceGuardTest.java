package org.genscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.genscope.nn.Param;
import org.junit.jupiter.api.Test;

class DivergenceGuardTest {

    private static String feed(DivergenceGuard g, double... losses) {
        String why = null;
        for (int i = 0; i < losses.length; i++) {
            g.improves(losses[i], i);
            why = g.check(losses[i]);
        }
        return why;
    }

    @Test
    void aRiseOfMoreThanTenNatsAndThreeTimesTheBestIsDivergence() {
        assertNull(feed(new DivergenceGuard(), 5, 4, 3, 3.5, 12.9), "3 + max(10, 9) = 13 not reached");
        String why = feed(new DivergenceGuard(), 5, 4, 3, 3.5, 13.1);
        assertNotNull(why);
        assertTrue(why.contains("rose to 13.1") && why.contains("best 3 (step 2)"), why);
        assertNull(feed(new DivergenceGuard(), 95, 90, 92, 359), "MADE-sized losses: 90 + 270");
        assertNotNull(feed(new DivergenceGuard(), 95, 90, 92, 361));
        assertNull(feed(new DivergenceGuard(), -3, -2, 6.9), "negative best: −3 + max(10, 9)");
        assertNotNull(feed(new DivergenceGuard(), -3, -2, 7.1));
        assertNull(feed(new DivergenceGuard(), 1e9), "one value alone is never a divergence");
        assertNull(feed(new DivergenceGuard(), 3, Double.NaN), "NaN is the NaN guard's business");
    }

    /**
     * A regression task whose validation loss runs away after its fourth evaluation (the first is the guard's
     * reference on the untrained model, then every 5 steps).
     */
    private static final class RunawayTask implements Trainable<Void> {
        final LinearRegressionTask inner = new LinearRegressionTask(100, 3, 11, 0.1f);
        final List<float[]> seen = new ArrayList<>();
        int calls;

        @Override
        public List<Param> params() {
            return inner.params();
        }

        @Override
        public int trainingSize() {
            return inner.trainingSize();
        }

        @Override
        public double lossAndGradients(Batch b) {
            return inner.lossAndGradients(b);
        }

        @Override
        public OptionalDouble validationLoss() {
            seen.add(inner.params().get(0).value.data.clone());
            calls++;
            return OptionalDouble.of(calls <= 4 ? 10.0 / calls : 1e6);
        }
    }

    @Test
    void aRunawayValidationLossFailsTheJobWithBestParametersRestored() {
        RunawayTask t = new RunawayTask();
        TrainConfig c = TrainConfig.builder().epochs(20).batchSize(10).seed(1).evalEvery(5).build();
        TrainingJob<Void> j = new TrainingJob<>(t, new MomentumSgd(t.params(), 0.01, 0.9f), c, TaskExecutor.currentThread());
        j.start();
        Snapshot<Void> s = j.latest();
        assertEquals(JobState.FAILED, s.state());
        assertTrue(s.message().contains("training diverged") && s.message().contains("lower learning rate")
                && s.message().contains("restored to those of step 15"), s.message());
        assertEquals(20, s.step(), "stopped at the fifth evaluation (steps 0, 5, 10, 15, 20)");
        assertEquals(4, s.validationCurve().size(), "the reference is not a curve point");
        assertArrayEquals(t.seen.get(3), t.params().get(0).value.data, "the parameters of the best (fourth) evaluation");
    }
}
