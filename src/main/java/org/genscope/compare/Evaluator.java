package org.genscope.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ejml.data.FMatrixRMaj;
import org.genscope.flow.FlowModel;
import org.genscope.made.Made;
import org.genscope.nn.Rng;
import org.genscope.vae.Evaluation;
import org.genscope.vae.Progress;
import org.genscope.vae.Vae;
import org.genscope.wta.WtaAutoencoder;

/**
 * The leaderboard's figures, the same for the Compare view and {@code genscope eval} (which call these, so the two
 * agree by construction). Each fails with a {@link NoFigureException} rather than return a NaN or infinite figure;
 * {@code model} and {@code data} name what was measured in that message.
 */
public final class Evaluator {
    /** Importance samples per example in the app unless asked for more: seconds for the 10k MNIST test set. */
    public static final int QUICK_K = 100;
    /** Importance samples per example of Burda et al. 2016 (Table 1), {@code genscope eval vae}'s default. */
    public static final int PAPER_K = 5000;
    /** Seed of the importance samples z_i ~ q(z|x), {@code genscope eval vae}'s default {@code --seed}. */
    public static final long SEED = 1;

    private Evaluator() {}

    /**
     * A MADE's exact test NLL under mask 0, and for K &gt; 1 masks the ensemble of the first {@code ensemble} masks,
     * −(1/N) Σ_n log (1/K Σ_k p_k(x_n)) (Germain et al. 2015, §3.3). The mask in use is put back.
     */
    public static List<Figure> made(Made made, FMatrixRMaj x, int ensemble, String model, String data) {
        int saved = made.maskIndex();
        List<Figure> out = new ArrayList<>();
        try {
            made.useMask(0);
            out.add(new Figure(Figure.Measure.TEST_NLL, Finite.meanNll(made.logLikelihoods(x), model, data), "exact, mask 0"));
            if (ensemble > 1) {
                double nll = Finite.meanNll(made.ensembleLogLikelihoods(x, ensemble), model, data);
                out.add(new Figure(Figure.Measure.TEST_NLL, nll, "exact, ensemble of " + ensemble + " masks"));
            }
        } finally {
            made.useMask(saved);
        }
        return out;
    }

    /** A flow's exact test NLL, log p(x) = log p_Z(f(x)) + log |det ∂f/∂x|. */
    public static Figure flow(FlowModel flow, FMatrixRMaj x, String model, String data) {
        return new Figure(Figure.Measure.TEST_NLL, Finite.meanNll(flow.logLikelihoods(x), model, data), "exact");
    }

    /**
     * A VAE's bound terms and L_k with {@code k} importance samples per example drawn from {@code seed}
     * (Burda et al. 2016, eq. 8); {@link #vaeNll} makes the figure of it.
     */
    public static Evaluation vae(Vae vae, FMatrixRMaj x, int k, long seed, Progress progress) {
        return vae.evaluate(x, k, new Rng(seed), progress);
    }

    /** The test NLL −(1/N) Σ_n L_k(x_n) of an evaluation, with its k. */
    public static Figure vaeNll(Evaluation e, String model, String data) {
        return new Figure(Figure.Measure.TEST_NLL, Finite.meanNll(e.logLikelihood(), model, data),
                String.format(Locale.ROOT, "importance sampled, k = %d", e.samples()));
    }

    /** A WTA autoencoder's reconstruction error, mean squared error per pixel with its rules on, batches of 100. */
    public static Figure reconstruction(WtaAutoencoder wta, FMatrixRMaj x, String model) {
        double mse = Finite.figure(wta.reconstructionError(x), "the reconstruction error", model);
        return new Figure(Figure.Measure.RECONSTRUCTION, mse, "rules on, batches of " + WtaAutoencoder.EVAL_BATCH);
    }

    /**
     * An entry's figures on its test set: test NLL for the density models (a MADE's every mask in the ensemble, a
     * VAE with {@code k} samples from {@link #SEED}), the reconstruction error for a WTA autoencoder (its classifier
     * error is {@link ProbeSelection}'s, a longer job).
     */
    public static List<Figure> evaluate(Entry e, int k, Progress progress) {
        FMatrixRMaj x = e.test().data().x();
        String data = e.test().title();
        Candidate c = e.model();
        if (c instanceof Candidate.OfMade m) return made(m.model(), x, m.model().numMasks(), e.name(), data);
        if (c instanceof Candidate.OfFlow f) return List.of(flow(f.model(), x, e.name(), data));
        if (c instanceof Candidate.OfVae v) return List.of(vaeNll(vae(v.model(), x, k, SEED, progress), e.name(), data));
        return List.of(reconstruction(((Candidate.OfWta) c).model(), x, e.name()));
    }
}
