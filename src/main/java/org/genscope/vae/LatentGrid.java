package org.genscope.vae;

import org.ejml.data.FMatrixRMaj;

/**
 * The codes of a decoded manifold grid for a 2-D latent space, as in Kingma &amp; Welling 2014, figure 4: linearly
 * spaced points of the unit square mapped through the inverse CDF of the Gaussian, so each cell of the grid holds
 * the same prior mass and the grid covers the prior where it matters:
 *
 * <pre>  z_{ij} = (Φ⁻¹(u_j), Φ⁻¹(u_i)),   u_i = (i + ½) / n,   i, j = 0..n−1</pre>
 *
 * Row i·n + j of the result is column j of grid row i, with row 0 at the bottom (small z₂), as {@code data.Grid2D}
 * orders its cells.
 */
public final class LatentGrid {
    private LatentGrid() {}

    /** n² codes (n²×2) on the Gaussian's quantile grid, n ≥ 1. */
    public static FMatrixRMaj quantiles(int n) {
        if (n < 1 || n > 1000) throw new IllegalArgumentException("a manifold grid needs 1 to 1000 codes per side, got " + n);
        double[] q = new double[n];
        for (int i = 0; i < n; i++) q[i] = inverseNormalCdf((i + 0.5) / n);
        FMatrixRMaj z = new FMatrixRMaj(n * n, 2);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                z.data[2 * (i * n + j)] = (float) q[j];
                z.data[2 * (i * n + j) + 1] = (float) q[i];
            }
        }
        return z;
    }

    /**
     * Φ⁻¹(p) for 0 &lt; p &lt; 1 by Acklam's rational approximation (relative error below 1.2e-9), the lower region
     * for p &lt; 0.02425, the central one up to 1 − 0.02425, and the upper one by symmetry.
     */
    public static double inverseNormalCdf(double p) {
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("Φ⁻¹ needs 0 < p < 1, got " + p);
        final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) return -inverseNormalCdf(1 - p);
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
