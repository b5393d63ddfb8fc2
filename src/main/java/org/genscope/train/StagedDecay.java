package org.genscope.train;

import org.genscope.nn.Optimizer;

/**
 * The learning-rate schedule of Burda, Grosse &amp; Salakhutdinov 2016 (§5), compressed to any run length: eight
 * stages, stage i (0..7) lasting 3^i of the 3,280 parts of the run (the paper's 3^i passes over the data, 3,280 in
 * all) at the rate
 *
 * <pre>  lr_i = peak · 10^(−i/7)        (1e-3 down to 1e-4 in the paper)</pre>
 *
 * as a training listener. Two thirds of the run are spent at the last rate, so a run cut short by a time budget
 * after its first third has already reached it. It depends on the step only, so a resumed job follows it exactly.
 */
public final class StagedDecay implements TrainingListener {
    static final int STAGES = 8;
    /** Σ_{i<8} 3^i. */
    static final long PARTS = 3280;

    private final Optimizer optimizer;
    private final double peak;
    private final long steps;

    /** Over a run of {@code steps} steps from the rate {@code peak}. */
    public StagedDecay(Optimizer optimizer, double peak, long steps) {
        if (!(peak > 0) || steps < 1) throw new IllegalArgumentException("need a positive peak rate and ≥ 1 step");
        this.optimizer = optimizer;
        this.peak = peak;
        this.steps = steps;
    }

    /** The stage 0..7 that step s of the run is in. */
    public int stage(long step) {
        long end = 0;
        long length = 1;
        for (int i = 0; i < STAGES; i++) {
            end += length;
            // stage i covers steps up to S·(3^0 + … + 3^i)/3280
            if ((double) step * PARTS < (double) end * steps) return i;
            length *= 3;
        }
        return STAGES - 1;
    }

    /** lr after step s. */
    public double rate(long step) {
        return peak * Math.pow(10, -stage(step) / 7.0);
    }

    @Override
    public void onStep(long step, int epoch, double loss) {
        optimizer.setLearningRate(rate(step));
    }
}
