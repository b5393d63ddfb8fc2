package org.genscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.genscope.io.Metadata;
import org.genscope.io.ModelFile;
import org.genscope.io.ModelFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointResumeTest {
    @TempDir
    Path dir;

    static final TrainConfig CONFIG = TrainingJobTest.CONFIG.toBuilder().evalEvery(5).build();

    record Run(LinearRegressionTask task, MomentumSgd sgd, TrainingJob<LinearRegressionTask.Weights> job,
               TrainingJobTest.Recorder rec) {}

    static Run run(TrainConfig c) {
        LinearRegressionTask t = TrainingJobTest.task();
        MomentumSgd sgd = new MomentumSgd(t.params(), 0.05, 0.9f);
        var job = new TrainingJob<>(t, sgd, c, TaskExecutor.currentThread());
        TrainingJobTest.Recorder r = new TrainingJobTest.Recorder();
        job.addListener(r);
        return new Run(t, sgd, job, r);
    }

    @Test
    void resumedRunEqualsTheUninterruptedRunBitForBit() throws Exception {
        Run whole = run(CONFIG);
        whole.job().start();

        Run first = run(CONFIG);
        first.job().addListener(new TrainingListener() {
            @Override
            public void onStep(long step, int epoch, double loss) {
                if (step == 37) first.job().pause(); // mid-epoch: the data cursor matters
            }
        });
        first.job().start();
        Path ckpt = dir.resolve("run.ckpt.safetensors");
        first.job().saveCheckpoint(ckpt).get();

        Run second = run(CONFIG);
        second.job().restore(ckpt).get();
        assertEquals(37, second.job().latest().step());
        second.job().start();

        List<Double> losses = new ArrayList<>(first.rec().losses);
        losses.addAll(second.rec().losses);
        assertEquals(whole.rec().losses, losses);
        List<Double> validations = new ArrayList<>(first.rec().validations);
        validations.addAll(second.rec().validations);
        assertEquals(whole.rec().validations, validations);
        assertArrayEquals(whole.task().values()[0], second.task().values()[0]);
        assertArrayEquals(whole.task().values()[1], second.task().values()[1]);
        assertArrayEquals(whole.sgd().state().get("velocity.W"), second.sgd().state().get("velocity.W"));
        Snapshot<?> a = whole.job().latest();
        Snapshot<?> b = second.job().latest();
        assertEquals(JobState.FINISHED, b.state());
        assertEquals(a.trainCurve(), b.trainCurve());
        assertEquals(a.validationCurve(), b.validationCurve());
        assertEquals(a.step(), b.step());
    }

    @Test
    void checkpointIsAModelFileWithTheTrainingState() throws Exception {
        Run r = run(CONFIG);
        for (int i = 0; i < 3; i++) r.job().step();
        Path ckpt = dir.resolve("c.safetensors");
        r.job().saveCheckpoint(ckpt).get();
        ModelFile f = ModelFile.read(ckpt);
        assertEquals(Metadata.CHECKPOINT_FILE, f.requireMeta(Metadata.FILE_KIND));
        assertEquals("3", f.requireMeta("trainer.step"));
        assertEquals("7", f.requireMeta(Metadata.SEED));
        assertArrayEquals(r.task().values()[0], f.requireShape("W", 3, 1).toFloats());
        assertEquals(100, f.requireShape("trainer.order", 100).numel());
        assertEquals(4, f.requireShape("trainer.model_rng", 4).toLongs().length);
        assertArrayEquals(r.sgd().state().get("velocity.b"), f.tensor("optimizer.velocity.b").toFloats());
    }

    /** A checkpoint of a run of CONFIG after one step. */
    private Path checkpointAfterOneStep() throws Exception {
        Run r = run(CONFIG);
        r.job().step();
        Path ckpt = dir.resolve("c.safetensors");
        r.job().saveCheckpoint(ckpt).get();
        return ckpt;
    }

    @Test
    void aCheckpointOfAnotherBatchSizeIsRefusedAndFailsTheJob() throws Exception {
        Path ckpt = checkpointAfterOneStep();

        Run other = run(CONFIG.toBuilder().batchSize(10).build());
        ExecutionException e = assertThrows(ExecutionException.class, () -> other.job().restore(ckpt).get());

        assertTrue(e.getCause() instanceof ModelFileException);
        String m = other.job().latest().message();
        assertEquals(JobState.FAILED, other.job().state());
        assertTrue(m.contains(ckpt.toString()) && m.contains("batch size 8") && m.contains("batch size 10"), m);
    }

    @Test
    void corruptTrainingStateIsBlamedOnTheFile() throws Exception {
        Path bad = org.genscope.data.TestFiles.edited(checkpointAfterOneStep(), Map.of(), Map.of("trainer.step", "three"), dir.resolve("bad.safetensors"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> run(CONFIG).job().restore(bad).get());
        org.genscope.data.TestFiles.assertHas(org.genscope.data.TestFiles.assertClean(e.getCause().getMessage(), bad),
                "metadata 'trainer.step' is 'three'; it must be a whole number from 0 to");
    }

    @Test
    void aModelFileIsNotACheckpoint() throws Exception {
        Run r = run(CONFIG);
        r.job().step();
        Path model = dir.resolve("m.safetensors");
        r.job().saveModel(model, Map.of(Metadata.DATASET, "toy")).get();

        ModelFile f = ModelFile.read(model);
        assertEquals(Metadata.MODEL_FILE, f.requireMeta(Metadata.FILE_KIND));
        assertEquals("toy", f.requireMeta(Metadata.DATASET));
        assertEquals(Double.toString(r.job().latest().trainLoss()), f.requireMeta(Metadata.METRIC + "train_loss"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> run(CONFIG).job().restore(model).get());
        assertTrue(e.getCause().getMessage().contains("is not a checkpoint"), e.getCause().getMessage());
    }

    @Test
    void periodicCheckpointsAreWritten() throws Exception {
        Path ckpt = dir.resolve("auto.safetensors");
        Run r = run(CONFIG.toBuilder().maxSteps(30).checkpoints(10, ckpt).build());
        r.job().start();
        assertEquals("30", ModelFile.read(ckpt).requireMeta("trainer.step"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(ckpt), files.toList());
        }
    }

    @Test
    void aFailedCheckpointWriteFailsTheFutureNotTheJob() throws Exception {
        Run r = run(CONFIG);
        r.job().step();
        Path impossible = dir.resolve("missing-dir").resolve("c.safetensors");
        assertThrows(ExecutionException.class, () -> r.job().saveCheckpoint(impossible).get());
        assertEquals(JobState.PAUSED, r.job().state());
        assertTrue(r.job().step());
        assertEquals(2, r.job().latest().step());
    }
}
