package org.genscope.ui.vae;

import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Dataset;
import org.genscope.data.PcaPlane;
import org.genscope.nn.Rng;
import org.genscope.vae.Posterior;
import org.genscope.vae.Vae;

/**
 * A set of examples encoded by one model, as the Latent space tab shows it: the posterior q(z|x) = N(μ, diag σ²) of
 * every example, and the plane they are drawn on. For L = 2 the plane is the latent space itself; for L &gt; 2 it is
 * the principal plane of the codes μ ({@link PcaPlane}: a point (u, v) of the screen is the code μ̄ + u e₁ + v e₂,
 * every other principal component held at its mean); for L = 1 the horizontal axis is z₁ and the vertical one only
 * spreads the dots apart. Pure computation, no JavaFX; built off the FX thread, then used on the FX thread only
 * (its {@link #model} decodes the points the user picks).
 *
 * @param model    the model that encoded them, used from then on by one thread at a time
 * @param examples the examples, in order (labels, if any, colour the dots)
 * @param mean     μ(x) of every example (N×L)
 * @param sigma    σ(x) of every example (N×L)
 * @param plane    the plane for L ≥ 2, or null for L = 1
 * @param uv       every example's plane coordinates, interleaved (u₀, v₀, u₁, v₁, …)
 * @param step     the optimizer step the model had reached
 */
record LatentCodes(Vae model, Dataset examples, FMatrixRMaj mean, FMatrixRMaj sigma, PcaPlane plane, float[] uv, long step) {
    /** Seed of the vertical spread of a one-dimensional latent space. */
    private static final long SPREAD_SEED = 1;

    /** Encodes {@code examples} with {@code model} (which this record then owns). */
    static LatentCodes encode(Vae model, Dataset examples, long step) {
        Posterior q = model.encode(examples.x());
        int n = examples.size();
        if (model.latent() == 1) {
            float[] uv = new float[2 * n];
            Rng rng = new Rng(SPREAD_SEED);
            for (int i = 0; i < n; i++) {
                uv[2 * i] = q.mean().data[i];
                uv[2 * i + 1] = rng.nextFloat() * 2 - 1;
            }
            return new LatentCodes(model, examples, q.mean(), q.sigma(), null, uv, step);
        }
        PcaPlane plane = PcaPlane.of(q.mean());
        return new LatentCodes(model, examples, q.mean(), q.sigma(), plane, plane.project(q.mean()), step);
    }

    int size() {
        return examples.size();
    }

    int latent() {
        return mean.numCols;
    }

    /** Whether the plane is a projection (L &gt; 2) rather than the latent space itself. */
    boolean projected() {
        return latent() > 2;
    }

    /** The code of plane point (u, v) (for L = 1 only u counts). */
    float[] lift(double u, double v) {
        float[] z = new float[latent()];
        if (plane == null) z[0] = (float) u;
        else plane.lift(u, v, z);
        return z;
    }

    /** μ of example i (a copy). */
    float[] code(int i) {
        float[] z = new float[latent()];
        System.arraycopy(mean.data, i * latent(), z, 0, z.length);
        return z;
    }

    /**
     * The box {umin, umax, vmin, vmax} that holds the central {@code fraction} of the codes along each plane axis
     * (e.g. 0.96: from the 2nd to the 98th percentile), so a few far-out codes do not shrink the rest.
     */
    double[] spread(double fraction) {
        int n = size();
        float[] u = new float[n];
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            u[i] = uv[2 * i];
            v[i] = uv[2 * i + 1];
        }
        java.util.Arrays.sort(u);
        java.util.Arrays.sort(v);
        int lo = (int) Math.floor((1 - fraction) / 2 * (n - 1));
        int hi = (int) Math.ceil((1 + fraction) / 2 * (n - 1));
        return new double[] {u[lo], u[hi], v[lo], v[hi]};
    }

    /** Class of example i, or −1 when the examples have no labels. */
    int label(int i) {
        return examples.hasLabels() ? examples.labels()[i] : -1;
    }

    /** Number of classes (the largest label + 1), 0 without labels. */
    int classes() {
        if (!examples.hasLabels()) return 0;
        int max = -1;
        for (int y : examples.labels()) max = Math.max(max, y);
        return max + 1;
    }

    /**
     * The one-standard-deviation ellipse of q(z|x_i) in the plane: {semi-axis a, semi-axis b, angle of a from the
     * u-axis in radians}. The plane shows the projection E Σ Eᵀ of Σ = diag σ² onto its two directions (for L = 2,
     * the axes σ₁, σ₂ themselves; for L = 1, σ₁ along u and nothing across).
     */
    double[] ellipse(int i) {
        int l = latent();
        if (plane == null) return new double[] {sigma.data[i], 0, 0};
        double suu = 0;
        double svv = 0;
        double suv = 0;
        double[] e1 = plane.direction(0);
        double[] e2 = plane.direction(1);
        for (int j = 0; j < l; j++) {
            double s2 = (double) sigma.data[i * l + j] * sigma.data[i * l + j];
            suu += e1[j] * e1[j] * s2;
            svv += e2[j] * e2[j] * s2;
            suv += e1[j] * e2[j] * s2;
        }
        // eigenvalues of [[suu, suv], [suv, svv]]
        double mid = (suu + svv) / 2;
        double r = Math.sqrt(Math.max(0, (suu - svv) * (suu - svv) / 4 + suv * suv));
        double angle = 0.5 * Math.atan2(2 * suv, suu - svv);
        return new double[] {Math.sqrt(Math.max(0, mid + r)), Math.sqrt(Math.max(0, mid - r)), angle};
    }
}
