package org.genscope.compare;

import org.genscope.data.Grid2D;
import org.genscope.nn.Rng;
import org.genscope.vae.DecoderKind;
import org.genscope.vae.Vae;

/**
 * The density p(x) of a 2-D model on a grid, for the Compare view's small multiples: exact for a MADE (under mask 0)
 * and a flow; for a VAE by quadrature over its latent space when L ≤ 2, else importance sampled with
 * {@link Evaluator#QUICK_K} samples from {@link Evaluator#SEED} ({@code Vae.densityGrid}).
 */
public final class Densities {
    private Densities() {}

    /** Whether {@code c} has a 2-D density to draw. */
    public static boolean drawable(Candidate c) {
        if (!c.density() || c.inputs() != 2) return false;
        return !(c instanceof Candidate.OfVae v) || v.model().config().decoder() == DecoderKind.GAUSSIAN;
    }

    /** p(x) at the grid's cell centres, row 0 at the bottom; the candidate must be {@link #drawable}. */
    public static float[] grid(Candidate c, Grid2D grid) {
        if (!drawable(c)) throw new IllegalArgumentException("no 2-D density to draw for a " + c.kind() + " of " + c.inputs() + " inputs");
        if (c instanceof Candidate.OfMade m) {
            int saved = m.model().maskIndex();
            try {
                m.model().useMask(0);
                return m.model().densityGrid(grid);
            } finally {
                m.model().useMask(saved);
            }
        }
        if (c instanceof Candidate.OfFlow f) return f.model().densityGrid(grid);
        Vae vae = ((Candidate.OfVae) c).model();
        return vae.densityGrid(grid, Evaluator.QUICK_K, new Rng(Evaluator.SEED));
    }
}
