package org.genscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.genscope.nn.OptimizerKind;
import org.genscope.nn.Param;
import org.junit.jupiter.api.Test;

/** Early stopping: the best parameters come back, patience counts validations without a new best, the clock stops it. */
class EarlyStoppingTest {
    private final Param w = new Param("w", 1, 2);
    private int stops;

    private void set(float a, float b) {
        w.value.data[0] = a;
        w.value.data[1] = b;
    }

    @Test
    void restoresTheParametersOfTheBestValidation() {
        EarlyStopping s = new EarlyStopping(List.of(w), 0, () -> stops++);
        s.restoreBest();                                   // nothing validated yet: a no-op
        set(1, 2);
        s.onValidation(10, 5.0);
        s.onEpochEnd(1, 10);
        set(3, 4);
        s.onValidation(20, 4.0);                           // the best, measured in epoch 2
        s.onEpochEnd(2, 20);
        set(5, 6);
        s.onValidation(30, 4.5);
        s.onEpochEnd(3, 30);
        set(7, 8);
        s.restoreBest();
        assertArrayEquals(new float[] {3, 4}, w.value.data);
        assertEquals(4.0, s.best());
        assertEquals(2, s.bestEpoch());
        assertEquals(3, s.epochs());
        assertEquals(0, stops, "patience 0 never stops");
    }

    @Test
    void stopsAfterPatienceValidationsInARowWithoutANewBest() {
        EarlyStopping s = new EarlyStopping(List.of(w), 2, () -> stops++);
        s.onValidation(1, 3.0);
        s.onValidation(2, 3.5);
        s.onValidation(3, 2.9);                            // a new best resets the count
        s.onValidation(4, 2.9);                            // equal is not better
        assertEquals(0, stops);
        s.onValidation(5, 3.1);
        assertEquals(1, stops);
    }

    @Test
    void aResumedRunNamesItsBestEpochFromTheStartOfTheWholeRun() {
        EarlyStopping s = new EarlyStopping(List.of(w), 0, () -> stops++);
        s.resumedAfter(556);                               // a checkpoint written after epoch 556
        s.onValidation(1, 3.0);                            // measured during epoch 557
        s.onEpochEnd(557, 1);
        assertEquals(557, s.bestEpoch());
        assertEquals(557, s.epochs());
    }

    @Test
    void stopsOnceTheTimeBudgetIsUsedUp() {
        long[] now = {1_000};
        EarlyStopping s = new EarlyStopping(List.of(w), 0, () -> stops++, () -> now[0]);
        s.setTimeBudget(Duration.ofSeconds(2));
        now[0] += 2_000_000_000L;
        s.onStep(1, 0, 1.0);
        assertFalse(s.outOfTime());
        now[0] += 1;
        s.onStep(2, 0, 1.0);
        s.onStep(3, 0, 1.0);
        assertTrue(s.outOfTime());
        assertEquals(1, stops, "asks once");
    }

    @Test
    void endsARealRunThatStoppedImprovingWithItsBestParameters() {
        LinearRegressionTask task = new LinearRegressionTask(200, 3, 11, 0.5f);
        TrainConfig config = TrainConfig.builder().epochs(10_000).batchSize(20).seed(7).build();
        TrainingJob<?> job = new TrainingJob<>(task, OptimizerKind.SGD.create(task.params(), 0.05), config,
                TaskExecutor.currentThread());
        EarlyStopping s = new EarlyStopping(task.params(), 5, job::stop);
        job.addListener(s);
        job.start();
        assertTrue(s.epochs() < 10_000, "stopped early after " + s.epochs() + " epochs");
        assertEquals(s.epochs() - 5, s.bestEpoch(), "five epochs without a better validation loss after the best");
        s.restoreBest();
        assertEquals(s.best(), task.validationLoss().getAsDouble(), "the restored parameters have the best validation loss");
    }
}
