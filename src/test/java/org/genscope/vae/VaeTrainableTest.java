package org.genscope.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Dataset;
import org.genscope.nn.Adam;
import org.genscope.nn.Rng;
import org.genscope.train.JobState;
import org.genscope.train.TaskExecutor;
import org.genscope.train.TrainConfig;
import org.genscope.train.TrainingJob;
import org.genscope.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaeTrainableTest {
    @TempDir
    Path dir;

    private static final VaeConfig CONFIG = TinyVaes.config(8, 16, 2, DecoderKind.BERNOULLI, 7).withBeta(1, 30);

    private static Dataset images(int n, long seed) {
        return new Dataset("bits", "test", TinyVaes.bits(n, 8, seed), null, 2, 4);
    }

    private record Run(VaeTrainable task, TrainingJob<VaePayload> job, List<Double> losses) {}

    private static Run run(long steps) {
        VaeTrainable task = new VaeTrainable(new Vae(CONFIG), images(200, 1), images(100, 2));
        TrainConfig tc = TrainConfig.builder().maxSteps(steps).batchSize(20).seed(5).evalEvery(10).build();
        TrainingJob<VaePayload> job = new TrainingJob<>(task, new Adam(task.params(), 1e-2), tc, TaskExecutor.currentThread());
        List<Double> losses = new ArrayList<>();
        job.addListener(new TrainingListener() {
            @Override
            public void onStep(long step, int epoch, double loss) {
                losses.add(loss);
            }
        });
        return new Run(task, job, losses);
    }

    @Test
    void trainingRaisesTheValidationElbo() {
        Run r = run(300);
        double before = r.task().validationLoss().getAsDouble();
        r.job().start();
        assertEquals(JobState.FINISHED, r.job().state());
        double after = r.task().validationLoss().getAsDouble();
        assertTrue(after < before - 1, "validation −ELBO " + before + " → " + after);
        assertEquals(r.job().latest().validationLoss(), r.task().validationLoss().getAsDouble(), 0.0,
                "validation uses fixed noise: the same model gives the same number");
    }

    @Test
    void resumedRunRepeatsTheUninterruptedOneExactly() throws Exception {
        Run whole = run(60);
        whole.job().start();

        Run first = run(60);
        first.job().addListener(new TrainingListener() {
            @Override
            public void onStep(long step, int epoch, double loss) {
                if (step == 23) first.job().pause();         // mid-epoch, mid-warm-up
            }
        });
        first.job().start();
        Path ckpt = dir.resolve("vae.ckpt.safetensors");
        first.job().saveCheckpoint(ckpt).get();
        Run second = run(60);
        second.job().restore(ckpt).get();
        second.job().start();

        List<Double> resumed = new ArrayList<>(first.losses());
        resumed.addAll(second.losses());
        assertEquals(whole.losses(), resumed, "every batch loss, hence every ε, repeats");
        for (int i = 0; i < whole.task().params().size(); i++) {
            assertArrayEquals(whole.task().params().get(i).value.data, second.task().params().get(i).value.data, 0f);
        }
        assertEquals(whole.job().latest().validationLoss(), second.job().latest().validationLoss(), 0.0);
        assertEquals(CONFIG, VaeFile.load(ckpt).config(), "a checkpoint loads as a model file");
    }

    @Test
    void payloadHoldsCopiesOfTheModelImagesCurvesAndLatentUnits() {
        Run r = run(40);
        r.job().start();
        VaePayload p = r.task().payload();
        assertEquals(40, p.step());
        assertEquals(VaeTrainable.SHOWN, p.shown());
        assertEquals(VaeTrainable.IMAGE_SAMPLES, p.sampleCount());
        assertEquals(VaeTrainable.SHOWN * 8, p.originals().length);
        assertArrayEquals(java.util.Arrays.copyOf(images(100, 2).x().data, VaeTrainable.SHOWN * 8), p.originals(), 0f,
                "the first validation examples");
        assertTrue(p.images() && p.imageRows() == 2 && p.imageCols() == 4);
        for (float v : p.reconstructions()) assertTrue(v >= 0 && v <= 1, "Bernoulli means are probabilities");
        assertEquals(40, p.reconstructionTrain().size());
        assertEquals(4, p.reconstructionValidation().size(), "validations at steps 10, 20, 30, 40");
        assertEquals(1.0, p.beta(), 0.0, "the 30-step warm-up is over by the last step");
        assertNotNull(p.latent());
        assertEquals(2, p.latent().klPerDimension().length);
        assertNull(p.density());

        Vae copy = p.model();
        assertNotSame(r.task().vae(), copy);
        float[] before = copy.params().get(0).value.data.clone();
        r.task().vae().params().get(0).value.data[0] += 1f;
        assertArrayEquals(before, copy.params().get(0).value.data, 0f, "the payload's model is detached");
        float[] again = r.task().payload().samples();
        r.task().vae().params().get(0).value.data[0] -= 1f;
        assertArrayEquals(again, r.task().payload().samples(), 1e-6f, "prior samples decode the same fixed codes");
    }

    @Test
    void twoDimensionalDataGetADensityAndModelDraws() {
        VaeConfig c = TinyVaes.config(2, 16, 2, DecoderKind.GAUSSIAN, 3);
        Dataset ring = TinyVaes.dataset(TinyVaes.ring(400, 1), "ring");
        VaeTrainable task = new VaeTrainable(new Vae(c), ring, TinyVaes.dataset(TinyVaes.ring(100, 2), "ring-valid"));
        VaePayload p = task.payload();
        assertEquals(VaeTrainable.POINT_SAMPLES, p.sampleCount());
        assertEquals(VaeTrainable.GRID * VaeTrainable.GRID, p.density().length);
        assertEquals(VaeTrainable.GRID, p.grid().nx());
        assertTrue(!p.images());
        FMatrixRMaj x = new FMatrixRMaj(1, 2);
        assertEquals(1, new Vae(c).evaluate(x, 3, new Rng(1), Progress.NONE).size());
    }

    @Test
    void singleCodeDecodesInWellUnderFiveMilliseconds() {
        Vae vae = new Vae(VaeConfig.defaults(784));
        float[] z = new float[50];
        float[] out = new float[784];
        for (int i = 0; i < 200; i++) vae.decode(z, out);               // warm-up
        long[] t = new long[200];
        for (int i = 0; i < t.length; i++) {
            z[i % 50] += 0.01f;
            long t0 = System.nanoTime();
            vae.decode(z, out);
            t[i] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(t);
        double ms = t[t.length / 2] / 1e6;
        assertTrue(ms < 5, "median decode of one 50-D code to 784 pixels: " + ms + " ms");
        assertArrayEquals(vae.decode(new FMatrixRMaj(1, 50, true, z)).data, out, 1e-6f, "same as the batch decode");
    }
}
