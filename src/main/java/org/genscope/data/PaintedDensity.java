package org.genscope.data;

import java.util.Locale;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Rng;

/**
 * A 2-D density painted as a grid of non-negative weights over a rectangle: piecewise constant, cell c having
 * probability P_c = w_c / Σw and density P_c / A_c on it (A_c = ΔxΔy, the cell area). Sampling picks a cell with
 * probability ∝ its weight, then a uniform point inside it. Weights are indexed {@code iy·nx + ix} with row
 * iy = 0 at the bottom (y = ymin), as the density grids of the models are.
 */
public final class PaintedDensity {
    /** At most this many cells. */
    public static final int MAX_CELLS = 4_000_000;

    private final int nx;
    private final int ny;
    private final double xmin;
    private final double xmax;
    private final double ymin;
    private final double ymax;
    private final double[] cumulative;   // Σ_{c' ≤ c} w_c'
    private final double total;

    /**
     * @throws IllegalArgumentException naming the problem: wrong size, a negative, NaN or infinite weight (with its
     *                                  cell), an empty (all-zero) grid, or a bad rectangle
     */
    public PaintedDensity(double[] weights, int nx, int ny, double xmin, double xmax, double ymin, double ymax) {
        if (nx < 1 || ny < 1 || (long) nx * ny > MAX_CELLS) {
            throw new IllegalArgumentException("the painted grid must have 1.." + MAX_CELLS + " cells, got " + nx + "×" + ny);
        }
        if (weights == null || weights.length != nx * ny) {
            throw new IllegalArgumentException("the painted grid has " + (weights == null ? 0 : weights.length) + " weights, expected "
                    + nx + "×" + ny + " = " + nx * ny);
        }
        if (!(xmax > xmin) || !(ymax > ymin) || !Double.isFinite(xmax - xmin) || !Double.isFinite(ymax - ymin)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the painted rectangle [%s, %s]×[%s, %s] is empty or not finite",
                    xmin, xmax, ymin, ymax));
        }
        cumulative = new double[weights.length];
        double s = 0;
        for (int c = 0; c < weights.length; c++) {
            double w = weights[c];
            if (!Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("the painted weight at column " + c % nx + ", row " + c / nx + " is " + w
                        + "; weights must be finite and ≥ 0");
            }
            s += w;
            cumulative[c] = s;
        }
        if (!(s > 0)) throw new IllegalArgumentException("the painted density is empty (every weight is 0): paint some cells first");
        if (!Double.isFinite(s)) throw new IllegalArgumentException("the painted weights sum to infinity; use smaller weights");
        this.total = s;
        this.nx = nx;
        this.ny = ny;
        this.xmin = xmin;
        this.xmax = xmax;
        this.ymin = ymin;
        this.ymax = ymax;
    }

    /** The same from float weights (as a canvas may hold them). */
    public static PaintedDensity of(float[] weights, int nx, int ny, double xmin, double xmax, double ymin, double ymax) {
        double[] w = weights == null ? null : new double[weights.length];
        if (w != null) for (int i = 0; i < w.length; i++) w[i] = weights[i];
        return new PaintedDensity(w, nx, ny, xmin, xmax, ymin, ymax);
    }

    public int nx() {
        return nx;
    }

    public int ny() {
        return ny;
    }

    /** {xmin, xmax, ymin, ymax}. */
    public double[] bounds() {
        return new double[] {xmin, xmax, ymin, ymax};
    }

    private double cellArea() {
        return (xmax - xmin) / nx * (ymax - ymin) / ny;
    }

    /** P_c, the probability of cell c = iy·nx + ix. */
    public double cellProbability(int c) {
        return (cumulative[c] - (c == 0 ? 0 : cumulative[c - 1])) / total;
    }

    /** The normalised density at (x, y): P_c / A_c in the cell containing it, 0 outside the rectangle. */
    public double density(double x, double y) {
        if (!(x >= xmin && x < xmax && y >= ymin && y < ymax)) return 0;
        int ix = Math.min(nx - 1, (int) ((x - xmin) / (xmax - xmin) * nx));
        int iy = Math.min(ny - 1, (int) ((y - ymin) / (ymax - ymin) * ny));
        return cellProbability(iy * nx + ix) / cellArea();
    }

    /** The differential entropy in nats: H = −Σ_c P_c log(P_c / A_c), the NLL a perfect model would reach. */
    public double entropy() {
        double h = 0;
        for (int c = 0; c < cumulative.length; c++) {
            double p = cellProbability(c);
            if (p > 0) h -= p * Math.log(p / cellArea());
        }
        return h;
    }

    /** n points (n×2): a cell ∝ weight, then uniform inside it; the same seed gives the same points. */
    public Dataset sample(int n, long seed) {
        if (n < 0) throw new IllegalArgumentException("need n ≥ 0 points, got " + n);
        Rng rng = new Rng(seed);
        FMatrixRMaj x = new FMatrixRMaj(n, 2);
        double dx = (xmax - xmin) / nx;
        double dy = (ymax - ymin) / ny;
        for (int i = 0; i < n; i++) {
            int c = cell(rng.nextDouble() * total);
            x.data[2 * i] = (float) (xmin + (c % nx + rng.nextDouble()) * dx);
            x.data[2 * i + 1] = (float) (ymin + (c / nx + rng.nextDouble()) * dy);
        }
        String source = String.format(Locale.ROOT, "painted density %d×%d over [%s, %s]×[%s, %s] (n=%d, seed=%d)",
                nx, ny, xmin, xmax, ymin, ymax, n, seed);
        return new Dataset("painted", source, x, null, 0, 0);
    }

    /** The first cell whose cumulative weight exceeds u (cells of weight 0 are never chosen). */
    private int cell(double u) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
