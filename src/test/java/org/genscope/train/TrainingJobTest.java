package org.genscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.genscope.nn.Param;
import org.junit.jupiter.api.Test;

/** The job driven on the calling thread: deterministic, no timing involved. */
class TrainingJobTest {
    static final TrainConfig CONFIG = TrainConfig.builder().epochs(10).batchSize(8).seed(7).build();

    static LinearRegressionTask task() {
        return new LinearRegressionTask(100, 3, 11, 0.1f);
    }

    static TrainingJob<LinearRegressionTask.Weights> job(LinearRegressionTask t, TrainConfig c) {
        return new TrainingJob<>(t, new MomentumSgd(t.params(), 0.05, 0.9f), c, TaskExecutor.currentThread());
    }

    /** Records every step's loss and every state change. */
    static final class Recorder implements TrainingListener {
        final List<Double> losses = new ArrayList<>();
        final List<Double> validations = new ArrayList<>();
        final List<JobState> states = new ArrayList<>();
        String message;

        @Override
        public void onStep(long step, int epoch, double loss) {
            losses.add(loss);
        }

        @Override
        public void onValidation(long step, double loss) {
            validations.add(loss);
        }

        @Override
        public void onStateChange(JobState state, String m) {
            states.add(state);
            message = m;
        }
    }

    @Test
    void currentThreadExecutorRunsAWholeJobDeterministically() {
        LinearRegressionTask a = task();
        LinearRegressionTask b = task();
        var ja = job(a, CONFIG);
        var jb = job(b, CONFIG);
        Recorder ra = new Recorder();
        Recorder rb = new Recorder();
        ja.addListener(ra);
        jb.addListener(rb);

        assertTrue(ja.start());
        assertTrue(jb.start());

        Snapshot<?> s = ja.latest();
        assertEquals(JobState.FINISHED, s.state());
        assertEquals(10 * (100 / 8), s.step());
        assertEquals(s.totalSteps(), s.step());
        assertEquals(10, s.epoch());
        assertEquals(List.of(JobState.RUNNING, JobState.FINISHED), ra.states);
        assertEquals(ra.losses, rb.losses);
        assertEquals(10, ra.validations.size());
        assertArrayEquals(a.values()[0], b.values()[0]);
        assertArrayEquals(a.values()[1], b.values()[1]);
        // it learned: W ≈ the true weights (label noise σ = 0.1 limits the accuracy)
        for (int j = 0; j < 3; j++) assertEquals(LinearRegressionTask.TRUE_W[j], a.w.value.data[j], 0.05);
        assertTrue(s.validationLoss() < 0.01, "validation loss " + s.validationLoss());
    }

    @Test
    void watchingTheJobDoesNotChangeItsNumbers() {
        LinearRegressionTask a = task();
        LinearRegressionTask b = task();
        job(a, CONFIG.toBuilder().snapshotInterval(Duration.ZERO).payloadInterval(Duration.ZERO).build()).start();
        job(b, CONFIG.toBuilder().snapshotInterval(Duration.ofDays(1)).payloadInterval(Duration.ofDays(1)).build()).start();
        assertArrayEquals(a.values()[0], b.values()[0]);
    }

    @Test
    void showModelPublishesTheUntrainedModelWithoutStepping() throws Exception {
        LinearRegressionTask t = task();
        float[] before = t.values()[0].clone();
        var j = job(t, CONFIG);
        Recorder r = new Recorder();
        j.addListener(r);
        j.showModel().get();
        Snapshot<LinearRegressionTask.Weights> s = j.latest();
        assertEquals(JobState.NEW, s.state());
        assertEquals(0, s.step());
        assertTrue(s.payload() != null, "the views get the model");
        assertEquals(1, r.validations.size());
        assertEquals(r.validations.get(0), s.validationLoss());
        assertEquals(1, s.validationCurve().size(), "one validation point at step 0");
        assertArrayEquals(before, t.values()[0], "no parameter moved");
        assertTrue(r.losses.isEmpty());
        assertTrue(j.start(), "and it can still be trained from there");
        assertEquals(JobState.FINISHED, j.latest().state());
    }

    @Test
    void singleStepAdvancesExactlyOneStep() {
        var j = job(task(), CONFIG);
        Recorder r = new Recorder();
        j.addListener(r);

        assertTrue(j.step());
        assertEquals(1, j.latest().step());
        assertEquals(JobState.PAUSED, j.latest().state());
        assertTrue(j.step());
        assertEquals(2, j.latest().step());
        assertEquals(2, r.losses.size());
        assertEquals(r.losses.get(1), j.latest().trainLoss());
    }

    @Test
    void pauseFromAListenerReturnsControlAndResumeContinues() {
        var j = job(task(), CONFIG);
        j.addListener(new TrainingListener() {
            @Override
            public void onStep(long step, int epoch, double loss) {
                if (step == 5) j.pause();
            }
        });
        j.start();
        assertEquals(JobState.PAUSED, j.state());
        assertEquals(5, j.latest().step());
        assertTrue(j.resume());
        assertEquals(JobState.FINISHED, j.state());
    }

    @Test
    void commandsOutsideTheirStatesAreRefused() {
        var j = job(task(), CONFIG);
        assertFalse(j.pause());
        assertFalse(j.resume());
        assertTrue(j.stop());
        assertEquals(JobState.STOPPED, j.latest().state());
        assertFalse(j.start());
        assertFalse(j.step());
        assertFalse(j.stop());
        assertEquals(0, j.latest().step());
    }

    @Test
    void nanLossStopsTheJobAndKeepsTheLastGoodParameters() {
        LinearRegressionTask t = task();
        t.nanLossAt = 7;
        var j = job(t, CONFIG);
        float[][][] afterSix = new float[1][][];
        j.addListener(new TrainingListener() {
            @Override
            public void onStep(long step, int epoch, double loss) {
                if (step == 6) afterSix[0] = t.values();
            }
        });
        Recorder r = new Recorder();
        j.addListener(r);

        j.start();

        Snapshot<?> s = j.latest();
        assertEquals(JobState.FAILED, s.state());
        assertEquals(6, s.step());
        assertTrue(s.message().startsWith("loss became NaN at step 7; try a lower learning rate (now 0.05)"), s.message());
        assertEquals(s.message(), r.message);
        assertArrayEquals(afterSix[0][0], t.values()[0]);
        assertArrayEquals(afterSix[0][1], t.values()[1]);
    }

    @Test
    void infiniteGradientIsCaughtBeforeTheUpdate() {
        LinearRegressionTask t = task();
        t.infGradAt = 3;
        MomentumSgd sgd = new MomentumSgd(t.params(), 0.05, 0.9f);
        var j = new TrainingJob<>(t, sgd, CONFIG, TaskExecutor.currentThread());
        float[][][] afterTwo = new float[1][][];
        List<float[]> velocity = new ArrayList<>();
        j.addListener(new TrainingListener() {
            @Override
            public void onStep(long step, int epoch, double loss) {
                if (step == 2) {
                    afterTwo[0] = t.values();
                    velocity.addAll(sgd.state().values());
                }
            }
        });

        j.start();

        assertEquals(JobState.FAILED, j.state());
        assertTrue(j.latest().message().startsWith("gradient of 'W' became non-finite at step 3"), j.latest().message());
        assertArrayEquals(afterTwo[0][0], t.values()[0]);
        assertArrayEquals(velocity.get(0), sgd.state().get("velocity.W"));
    }

    /** L = g·θ with a constant gradient g = 1e-3, except 1e30 at step {@code hugeAt} (1-based). */
    static Trainable<Void> linearLoss(Param theta, long hugeAt) {
        return new Trainable<>() {
            public List<Param> params() { return List.of(theta); }
            public int trainingSize() { return 10; }
            public double lossAndGradients(Batch batch) {
                float g = batch.step() + 1 == hugeAt ? 1e30f : 1e-3f;
                theta.grad.data[0] += g;
                return g * theta.value.data[0];
            }
        };
    }

    @Test
    void overflowingUpdateRestoresTheLatestBackup() {
        for (int backupEvery : new int[] {1, 5}) {
            Param theta = new Param("theta", 1, 1);
            // lr 1e10: ordinary updates move θ by 1e7, the injected gradient by 1e40 > Float.MAX_VALUE
            var j = new TrainingJob<>(linearLoss(theta, 8), new MomentumSgd(List.of(theta), 1e10, 0f),
                    CONFIG.toBuilder().backupEvery(backupEvery).build(), TaskExecutor.currentThread());
            long good = backupEvery == 1 ? 7 : 5;
            float[] atGood = new float[1];
            j.addListener(new TrainingListener() {
                @Override
                public void onStep(long step, int epoch, double loss) {
                    if (step == good) atGood[0] = theta.value.data[0];
                }
            });

            j.start();

            assertEquals(JobState.FAILED, j.state());
            String m = j.latest().message();
            assertTrue(m.startsWith(backupEvery == 1 ? "parameter 'theta' became non-finite by step 8"
                    : "loss became -Infinity at step 9 ('theta' had overflowed)"), m);
            assertTrue(m.endsWith("restored to those after step " + good + "."), m);
            assertEquals(-1e7 * good, atGood[0], 1e7 * good * 1e-6);
            assertEquals(Float.floatToRawIntBits(atGood[0]), Float.floatToRawIntBits(theta.value.data[0]));
        }
    }

    @Test
    void snapshotsAreImmutable() {
        LinearRegressionTask t = task();
        var j = job(t, CONFIG.toBuilder().payloadInterval(Duration.ZERO).build());
        for (int i = 0; i < 5; i++) j.step();
        Snapshot<LinearRegressionTask.Weights> s = j.latest();
        List<Float> weights = List.copyOf(s.payload().w());
        Curve curve = s.trainCurve();
        int points = curve.size();

        t.w.value.data[0] = 999f;
        curve.values()[0] = 123;
        j.resume();

        assertEquals(weights, s.payload().w());
        assertThrows(UnsupportedOperationException.class, () -> s.payload().w().set(0, 1f));
        assertEquals(points, s.trainCurve().size());
        assertEquals(5, s.step());
        assertTrue(j.latest().trainCurve().size() > points);
    }

    @Test
    void snapshotsArePublishedAtMostAtTheConfiguredRate() {
        AtomicLong nanos = new AtomicLong();
        LinearRegressionTask t = task();
        t.onStep = () -> nanos.addAndGet(1_000_000); // each step "takes" 1 ms of the fake clock
        TrainConfig c = CONFIG.toBuilder().maxSteps(200).snapshotInterval(Duration.ofMillis(10)).build();
        var j = new TrainingJob<>(t, new MomentumSgd(t.params(), 0.05, 0.9f), c, TaskExecutor.currentThread(), nanos::get);
        List<Snapshot<?>> seen = new ArrayList<>();
        j.drain(); // the initial NEW snapshot
        j.setPublishHook(() -> seen.add(j.drain()));

        j.start();

        List<Snapshot<?>> running = seen.stream().filter(s -> s.state() == JobState.RUNNING && s.step() > 0).toList();
        for (int i = 1; i < running.size(); i++) {
            double gap = running.get(i).elapsedSeconds() - running.get(i - 1).elapsedSeconds();
            assertTrue(gap >= 0.010 - 1e-12, "snapshots " + gap + " s apart");
        }
        assertTrue(running.size() >= 18 && running.size() <= 20, "progress snapshots: " + running.size());
        assertEquals(JobState.FINISHED, seen.get(seen.size() - 1).state());
        assertEquals(200, seen.get(seen.size() - 1).step());
        assertTrue(seen.size() <= running.size() + 2, "only state changes add snapshots: " + seen.size());
        for (int i = 1; i < seen.size(); i++) assertTrue(seen.get(i).sequence() > seen.get(i - 1).sequence());
        assertNull(j.drain());
    }

    @Test
    void timingsFollowTheClock() {
        AtomicLong nanos = new AtomicLong();
        LinearRegressionTask t = task();
        t.onStep = () -> nanos.addAndGet(10_000_000); // 100 steps/s
        var j = new TrainingJob<>(t, new MomentumSgd(t.params(), 0.05, 0.9f), CONFIG.toBuilder().maxSteps(300).build(),
                TaskExecutor.currentThread(), nanos::get);
        j.addListener(new TrainingListener() {
            @Override
            public void onStep(long step, int epoch, double loss) {
                if (step == 100) j.pause();
            }
        });
        j.start();
        Snapshot<?> s = j.latest();
        assertEquals(1.0, s.elapsedSeconds(), 1e-9);
        assertEquals(100, s.stepsPerSecond(), 1e-6);
        assertEquals(2.0, s.etaSeconds(), 1e-6);
        assertEquals(1.0 / 3, s.progress(), 1e-12);
    }
}
