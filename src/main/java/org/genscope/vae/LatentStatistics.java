package org.genscope.vae;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.GaussianKl;

/**
 * How a VAE uses its latent units on a set of examples, from one encoder pass:
 *
 * <pre>  KL_j = mean_x ½ (μ_j² + σ_j² − 1 − log σ_j²)           (the KL term per unit; Σ_j KL_j = mean KL)
 *  A_j  = Cov_x(E_{q(z|x)}[z_j]) = Var_x(μ_j(x))            (Burda et al. 2016, §5.2)</pre>
 *
 * A unit is <em>active</em> if A_j &gt; {@value #ACTIVE_THRESHOLD}; an inactive (collapsed) unit has q(z_j|x) ≈ p(z_j)
 * for every x, so its KL_j ≈ 0 and the decoder ignores it. Arrays are copied in and out.
 *
 * @param klPerDimension KL_j, nats
 * @param activity       A_j (the population variance of μ_j over the examples)
 */
public record LatentStatistics(double[] klPerDimension, double[] activity) {
    /** Burda et al.'s threshold on A_j. */
    public static final double ACTIVE_THRESHOLD = 1e-2;

    public LatentStatistics {
        klPerDimension = klPerDimension.clone();
        activity = activity.clone();
    }

    static LatentStatistics of(Vae vae, FMatrixRMaj x) {
        int n = x.numRows;
        int l = vae.latent();
        if (n == 0) throw new IllegalArgumentException("no examples to measure the latent units on");
        double[] kl = new double[l];
        double[] sum = new double[l];
        double[] sumSq = new double[l];
        GaussianKl klOp = new GaussianKl();
        vae.encodeInChunks(x, (from, to, mean, logVar) -> {
            klOp.forward(mean, logVar);
            double[] perDim = klOp.perDimension();
            for (int j = 0; j < l; j++) kl[j] += perDim[j] * (to - from);
            for (int r = 0; r < to - from; r++) {
                for (int j = 0; j < l; j++) {
                    double m = mean.data[r * l + j];
                    sum[j] += m;
                    sumSq[j] += m * m;
                }
            }
        });
        double[] activity = new double[l];
        for (int j = 0; j < l; j++) {
            kl[j] /= n;
            double mean = sum[j] / n;
            activity[j] = Math.max(0, sumSq[j] / n - mean * mean);
        }
        return new LatentStatistics(kl, activity);
    }

    /** Number of units with A_j &gt; {@value #ACTIVE_THRESHOLD}. */
    public int activeUnits() {
        int a = 0;
        for (double v : activity) if (v > ACTIVE_THRESHOLD) a++;
        return a;
    }

    /** Whether unit j is active. */
    public boolean active(int j) {
        return activity[j] > ACTIVE_THRESHOLD;
    }

    @Override
    public double[] klPerDimension() {
        return klPerDimension.clone();
    }

    @Override
    public double[] activity() {
        return activity.clone();
    }
}
