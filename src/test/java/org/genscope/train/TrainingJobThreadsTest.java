package org.genscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The job on real daemon threads: commands take effect within 100 ms, measured, waiting only on conditions. */
class TrainingJobThreadsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    /** Counts steps; waiting for a count uses the monitor, never sleep. */
    static final class StepGate implements TrainingListener {
        private long steps;

        @Override
        public synchronized void onStep(long step, int epoch, double loss) {
            steps = step;
            notifyAll();
        }

        synchronized long steps() {
            return steps;
        }

        synchronized boolean awaitSteps(long n, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (steps < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    /** Full-batch steps over 4000 examples of 64 features, repeated: a few ms each, like the real models. */
    private static TrainingJob<LinearRegressionTask.Weights> heavyJob() {
        LinearRegressionTask t = new LinearRegressionTask(4000, 64, 3, 0.1f);
        t.repeat = 40;
        TrainConfig c = TrainConfig.builder().maxSteps(1_000_000_000L).batchSize(4000).build();
        return new TrainingJob<>(t, new MomentumSgd(t.params(), 1e-3, 0.9f), c, TaskExecutor.daemonThreads("test-train"));
    }

    private static double millisSince(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    @Test
    void pauseResumeAndStopTakeEffectWithin100ms() throws InterruptedException {
        var job = heavyJob();
        StepGate gate = new StepGate();
        job.addListener(gate);
        long t0 = System.nanoTime();
        job.start();
        assertTrue(gate.awaitSteps(20, PATIENCE));
        double stepMs = millisSince(t0) / gate.steps();

        t0 = System.nanoTime();
        assertTrue(job.pause());
        assertTrue(job.awaitState(JobState.PAUSED, PATIENCE));
        double pauseMs = millisSince(t0);
        long pausedAt = job.latest().step();
        assertEquals(pausedAt, gate.steps());
        assertTrue(job.awaitIdle(PATIENCE), "a paused job holds no thread");
        assertFalse(gate.awaitSteps(pausedAt + 1, Duration.ofMillis(50)), "stepped while paused");

        t0 = System.nanoTime();
        assertTrue(job.resume());
        assertTrue(gate.awaitSteps(pausedAt + 1, PATIENCE));
        double resumeMs = millisSince(t0);

        t0 = System.nanoTime();
        assertTrue(job.stop());
        assertTrue(job.awaitState(JobState.STOPPED, PATIENCE));
        double stopMs = millisSince(t0);
        long stoppedAt = job.latest().step();
        assertTrue(job.awaitIdle(PATIENCE));
        assertEquals(stoppedAt, gate.steps());

        System.out.printf("step %.2f ms; pause %.2f ms, resume %.2f ms, stop %.2f ms%n", stepMs, pauseMs, resumeMs, stopMs);
        assertTrue(pauseMs < 100 && resumeMs < 100 && stopMs < 100,
                "pause " + pauseMs + " ms, resume " + resumeMs + " ms, stop " + stopMs + " ms");
    }

    @Test
    void singleStepOnAThreadAdvancesExactlyOneStep() throws InterruptedException {
        var job = heavyJob();
        StepGate gate = new StepGate();
        job.addListener(gate);
        for (int i = 1; i <= 3; i++) {
            assertTrue(job.step());
            assertTrue(job.awaitIdle(PATIENCE));
            assertEquals(i, job.latest().step());
            assertEquals(i, gate.steps());
            assertEquals(JobState.PAUSED, job.latest().state());
        }
    }

    @Test
    void submitRunsBetweenStepsWhileTraining() throws Exception {
        var job = heavyJob();
        StepGate gate = new StepGate();
        job.addListener(gate);
        job.start();
        assertTrue(gate.awaitSteps(3, PATIENCE));
        // read inside the training side: the count cannot move while the action runs
        long[] seen = job.submit(() -> new long[] {gate.steps(), gate.steps()}).get();
        assertEquals(seen[0], seen[1]);
        assertTrue(job.stop());
        assertTrue(job.awaitTermination(PATIENCE));
    }

    @Test
    void resumeRightAfterPauseKeepsTheJobRunning() throws InterruptedException {
        var job = heavyJob();
        StepGate gate = new StepGate();
        job.addListener(gate);
        job.start();
        assertTrue(gate.awaitSteps(2, PATIENCE));
        for (int i = 0; i < 20; i++) {
            job.pause();
            job.resume();
        }
        long now = gate.steps();
        assertTrue(gate.awaitSteps(now + 3, PATIENCE));
        assertEquals(JobState.RUNNING, job.state());
        assertTrue(job.stop());
        assertTrue(job.awaitTermination(PATIENCE));
        assertEquals(JobState.STOPPED, job.latest().state());
    }

    @Test
    void stopWhilePausedIsImmediate() throws InterruptedException {
        var job = heavyJob();
        StepGate gate = new StepGate();
        job.addListener(gate);
        job.start();
        assertTrue(gate.awaitSteps(1, PATIENCE));
        job.pause();
        assertTrue(job.awaitState(JobState.PAUSED, PATIENCE));
        assertTrue(job.awaitIdle(PATIENCE));
        assertTrue(job.stop());
        assertEquals(JobState.STOPPED, job.state());
        assertEquals(JobState.STOPPED, job.latest().state());
        assertFalse(job.resume());
    }
}
