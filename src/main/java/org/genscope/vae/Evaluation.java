package org.genscope.vae;

/**
 * A VAE's evaluation on N examples with k samples each (Burda et al. 2016, §5), per example in nats:
 *
 * <pre>  reconstruction_n = (1/k) Σ_i log p(x_n | z_i)                      (the first term of the ELBO, eq. 10)
 *  kl_n             = KL(q(z|x_n) ‖ p(z))                            (closed form, appendix B)
 *  elbo_n           = reconstruction_n − kl_n  ≤  log p(x_n)          (eq. 3)
 *  logLikelihood_n  = log (1/k) Σ_i p(x_n, z_i) / q(z_i | x_n)        (the bound L_k, eq. 8; → log p(x_n) as k → ∞)</pre>
 *
 * with z_1..z_k ~ q(z|x_n). L_k ≥ L_1 = ELBO in expectation and increases with k (Burda et al., Theorem 1).
 * Arrays are copied in and out.
 */
public record Evaluation(double[] reconstruction, double[] kl, double[] logLikelihood, int samples) {
    public Evaluation {
        if (reconstruction.length != kl.length || kl.length != logLikelihood.length) throw new IllegalArgumentException("one value per example in each term");
        reconstruction = reconstruction.clone();
        kl = kl.clone();
        logLikelihood = logLikelihood.clone();
    }

    public int size() {
        return kl.length;
    }

    @Override
    public double[] reconstruction() {
        return reconstruction.clone();
    }

    @Override
    public double[] kl() {
        return kl.clone();
    }

    @Override
    public double[] logLikelihood() {
        return logLikelihood.clone();
    }

    /** ELBO of every example, reconstruction − KL. */
    public double[] elbo() {
        double[] e = new double[kl.length];
        for (int i = 0; i < e.length; i++) e[i] = reconstruction[i] - kl[i];
        return e;
    }

    /** Mean ELBO, nats per example. */
    public double meanElbo() {
        return meanReconstruction() - meanKl();
    }

    /** Mean (1/k) Σ_i log p(x|z_i), nats per example. */
    public double meanReconstruction() {
        return mean(reconstruction);
    }

    public double meanKl() {
        return mean(kl);
    }

    /** Mean importance-sampled log p(x), nats per example (the figure papers report as the test log-likelihood). */
    public double meanLogLikelihood() {
        return mean(logLikelihood);
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s / a.length;
    }
}
