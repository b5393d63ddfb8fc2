package org.genscope.flow;

import java.util.Arrays;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Rng;

/**
 * The measured cost of the two directions of a flow for n points: evaluating the density (data → base) and
 * sampling (base → data), with the autoregressive network passes each made. For MAF the density is one MADE pass
 * per layer and sampling D; for IAF the other way round (Papamakarios et al. 2017, §3.3) — measured here, not
 * told.
 *
 * @param n               points per direction
 * @param densitySeconds  median wall time of log p(x) for n points
 * @param samplingSeconds median wall time of drawing n samples
 * @param densityPasses   MADE passes per density evaluation (summed over MAF/IAF layers; 0 without them)
 * @param samplingPasses  MADE passes per sampling run
 */
public record DirectionTiming(int n, double densitySeconds, double samplingSeconds, long densityPasses, long samplingPasses) {
    /** Sampling time / density time. */
    public double samplingOverDensity() {
        return samplingSeconds / densitySeconds;
    }

    /**
     * Times both directions for n points: one warm-up run each, then the median of {@code repeats} runs. The
     * density is evaluated at the model's own samples. Runs on the calling thread.
     */
    public static DirectionTiming measure(FlowModel m, int n, int repeats, long seed) {
        if (n < 1 || repeats < 1) throw new IllegalArgumentException("need n ≥ 1 and repeats ≥ 1");
        Rng rng = new Rng(seed);
        FMatrixRMaj x = m.sample(n, rng);
        m.logLikelihoods(x);
        long p0 = passes(m);
        m.logLikelihoods(x);
        long densityPasses = passes(m) - p0;
        p0 = passes(m);
        m.sample(n, rng);
        long samplingPasses = passes(m) - p0;
        double[] dens = new double[repeats];
        double[] samp = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            m.logLikelihoods(x);
            long t1 = System.nanoTime();
            m.sample(n, rng);
            long t2 = System.nanoTime();
            dens[r] = (t1 - t0) / 1e9;
            samp[r] = (t2 - t1) / 1e9;
        }
        return new DirectionTiming(n, median(dens), median(samp), densityPasses, samplingPasses);
    }

    private static long passes(FlowModel m) {
        long s = 0;
        for (FlowLayer l : m.layers()) if (l instanceof AutoregressiveFlow a) s += a.networkPasses();
        return s;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
