package org.genscope.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Arrays;
import org.genscope.data.DataSplits;
import org.genscope.data.Toy2D;
import org.genscope.nn.Adam;
import org.genscope.train.CosineDecay;
import org.genscope.train.TaskExecutor;
import org.genscope.train.TrainConfig;
import org.genscope.train.TrainingJob;
import org.junit.jupiter.api.Test;

/** The shared flow recipe is Adam under the cosine schedule (or a constant rate), step for step. */
class FlowTrainingTest {
    private static final DataSplits DATA = DataSplits.random(Toy2D.MOONS.generate(1000, 0.05, 1), 0.1, 0.1, 1);
    private static final TrainConfig CONFIG = TrainConfig.builder().maxSteps(40).batchSize(50).seed(2)
            .payloadInterval(Duration.ofDays(1)).build();
    private static final double LR = 5e-3;

    private static FlowTrainable task() {
        return new FlowTrainable(FlowSpec.parse("actnorm,realnvp:16*2").build(2), DATA.train(), DATA.validation());
    }

    private static float[][] trained(TrainingJob<FlowPayload> job, FlowTrainable task) {
        job.start();
        return task.params().stream().map(p -> p.value.data.clone()).toArray(float[][]::new);
    }

    /** The recipe written out by hand: Adam, plus the schedule as a listener. */
    private static float[][] byHand(boolean cosine) {
        FlowTrainable task = task();
        Adam adam = new Adam(task.params(), LR);
        TrainingJob<FlowPayload> job = new TrainingJob<>(task, adam, CONFIG, TaskExecutor.currentThread());
        if (cosine) job.addListener(new CosineDecay(adam, LR, CONFIG.maxSteps()));
        return trained(job, task);
    }

    @Test
    void trainsAsAdamUnderTheCosineScheduleOrAtAConstantRate() {
        for (boolean cosine : new boolean[] {true, false}) {
            FlowTrainable task = task();
            float[][] shared = trained(FlowTraining.job(task, CONFIG, LR, cosine, TaskExecutor.currentThread()), task);
            float[][] hand = byHand(cosine);
            for (int i = 0; i < hand.length; i++) assertArrayEquals(hand[i], shared[i], "cosine " + cosine + ", parameter " + i);
        }
        assertFalse(Arrays.deepEquals(byHand(true), byHand(false)), "the schedule changes the run");
    }

    @Test
    void needsANumberOfSteps() {
        TrainConfig epochs = TrainConfig.builder().epochs(2).batchSize(50).build();
        assertThrows(IllegalArgumentException.class, () -> FlowTraining.job(task(), epochs, LR, true, TaskExecutor.currentThread()));
    }
}
