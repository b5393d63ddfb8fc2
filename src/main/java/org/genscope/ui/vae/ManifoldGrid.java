package org.genscope.ui.vae;

import org.ejml.data.FMatrixRMaj;
import org.genscope.vae.LatentGrid;

/**
 * The codes of a decoded manifold grid over the Latent space tab's plane, in reading order (row 0 at the top, where
 * the plane's v is largest, so the grid lies as the scatter does):
 * <ul>
 *   <li>L = 2: Kingma &amp; Welling's figure 4, the Gaussian's quantile grid z = (Φ⁻¹(u_j), Φ⁻¹(u_i)), u = (k + ½)/n
 *       ({@link LatentGrid}), where every cell holds the same prior mass;</li>
 *   <li>L = 1: one row along z₁ on the same quantiles;</li>
 *   <li>L &gt; 2: an even grid over the central 96% of the codes on the principal plane, lifted with the other
 *       components at their mean.</li>
 * </ul>
 *
 * @param codes  rows·cols codes (×L), row-major in reading order
 * @param extent {umin, umax, vmin, vmax}: the plane region the grid's cell centres span
 */
record ManifoldGrid(FMatrixRMaj codes, int rows, int cols, double[] extent) {
    /** Codes of the central part of the scatter the grid spans for L &gt; 2. */
    static final double SPREAD = 0.96;

    static ManifoldGrid over(LatentCodes c, int n) {
        int l = c.latent();
        if (l == 1) {
            FMatrixRMaj z = new FMatrixRMaj(n, 1);
            for (int j = 0; j < n; j++) z.data[j] = (float) LatentGrid.inverseNormalCdf((j + 0.5) / n);
            return new ManifoldGrid(z, 1, n, new double[] {z.data[0], z.data[n - 1], 0, 0});
        }
        if (l == 2) {
            FMatrixRMaj q = LatentGrid.quantiles(n);          // row 0 at the bottom
            FMatrixRMaj z = new FMatrixRMaj(n * n, 2);
            for (int i = 0; i < n; i++) System.arraycopy(q.data, 2 * n * (n - 1 - i), z.data, 2 * n * i, 2 * n);
            double edge = q.data[2 * (n - 1)];
            return new ManifoldGrid(z, n, n, new double[] {-edge, edge, -edge, edge});
        }
        double[] box = c.spread(SPREAD);
        FMatrixRMaj z = new FMatrixRMaj(n * n, l);
        float[] one = new float[l];
        for (int i = 0; i < n; i++) {
            double v = box[3] - (box[3] - box[2]) * (i + 0.5) / n;
            for (int j = 0; j < n; j++) {
                double u = box[0] + (box[1] - box[0]) * (j + 0.5) / n;
                c.plane().lift(u, v, one);
                System.arraycopy(one, 0, z.data, (i * n + j) * l, l);
            }
        }
        double du = (box[1] - box[0]) / (2 * n);
        double dv = (box[3] - box[2]) / (2 * n);
        return new ManifoldGrid(z, n, n, new double[] {box[0] + du, box[1] - du, box[2] + dv, box[3] - dv});
    }
}
