package org.genscope.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Dataset;
import org.genscope.data.Toy2D;
import org.genscope.nn.Rng;
import org.genscope.train.JobState;
import org.genscope.train.TaskExecutor;
import org.genscope.train.TrainConfig;
import org.genscope.train.TrainingJob;
import org.junit.jupiter.api.Test;

/**
 * Trained flows against closed-form entropies: the test NLL of a perfect model is the differential entropy H, and
 * no model can do better than H by more than the sampling error of the test set (5000 points: ~0.01 nats). Small
 * flows, a few thousand steps each, through the real training service (FlowTraining: Adam under the cosine schedule).
 */
class FlowEntropyTest {
    @Test
    void mafOnCheckerboardComesWithinThreeTenthsOfLnA() {
        Toy2D toy = Toy2D.CHECKERBOARD;
        double h = Math.log(Toy2D.CHECKERBOARD_AREA);
        assertEquals(h, toy.entropy(0).getAsDouble(), 1e-12);
        FlowModel m = train(FlowSpec.parse("maf:32-32*8"), toy.generate(20_000, 0, 1), 4000, 3e-3);
        double gap = m.nll(toy.generate(5000, 0, 2).x()) - h;
        System.out.printf("checkerboard: MAF 8×(32-32), 4000 steps: test NLL − ln 8 = %.4f nats%n", gap);
        assertTrue(gap < 0.3 && gap > -0.03, "gap " + gap);
    }

    @Test
    void realNvpOnEightGaussiansComesWithinTwoTenthsAndCoversEveryMode() {
        double sigma = 0.2;
        Toy2D toy = Toy2D.EIGHT_GAUSSIANS;
        double h = Math.log(8) + Math.log(2 * Math.PI * Math.E * sigma * sigma);
        assertEquals(h, toy.entropy(sigma).getAsDouble(), 1e-12);
        FlowModel m = train(FlowSpec.parse("realnvp:32-32*8"), toy.generate(20_000, sigma, 1), 3000, 3e-3);
        double gap = m.nll(toy.generate(5000, sigma, 2).x()) - h;
        System.out.printf("8 gaussians σ=0.2: RealNVP 8×(32-32), 3000 steps: test NLL − H = %.4f nats%n", gap);
        assertTrue(gap < 0.2 && gap > -0.03, "gap " + gap);

        // every sample to its nearest centre: each of the 8 modes gets a fair share (1/8 expected, ≥ 1/16 demanded)
        FMatrixRMaj s = m.sample(4000, new Rng(9));
        int[] count = new int[8];
        for (int i = 0; i < s.numRows; i++) {
            double angle = Math.atan2(s.get(i, 1), s.get(i, 0));
            count[Math.floorMod((int) Math.round(angle / (2 * Math.PI / 8)), 8)]++;
        }
        for (int k = 0; k < 8; k++) assertTrue(count[k] >= 250, "mode " + k + " got " + count[k] + " of 4000 samples");
    }

    static FlowModel train(FlowSpec spec, Dataset data, int steps, double lr) {
        FlowModel m = spec.build(2);
        TrainConfig config = TrainConfig.builder().maxSteps(steps).batchSize(256).seed(3)
                .payloadInterval(Duration.ofDays(1)).snapshotInterval(Duration.ofDays(1)).build();
        TrainingJob<FlowPayload> job = FlowTraining.job(new FlowTrainable(m, data, null), config, lr, true, TaskExecutor.currentThread());
        job.start();
        assertEquals(JobState.FINISHED, job.state(), () -> job.latest().message());
        return m;
    }
}
