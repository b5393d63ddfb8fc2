package org.genscope.data;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * A plane through a cloud of L-dimensional points, to show and pick points of a latent space with L &gt; 2 on a
 * screen: the plane through the mean μ spanned by the first two principal directions e₁, e₂ (eigenvectors of the
 * covariance with the largest eigenvalues). A point x projects to (u, v) = ((x − μ)·e₁, (x − μ)·e₂); a plane point
 * (u, v) lifts back to x = μ + u e₁ + v e₂, every other principal component held at its mean. For L = 2 the plane
 * is the space itself (μ = 0, e₁, e₂ the axes), so nothing is rotated. Immutable.
 */
public final class PcaPlane {
    private final double[] mean;
    private final double[] e1;
    private final double[] e2;
    private final double[] variances;       // all eigenvalues, descending (L = 2: the axes' variances)

    private PcaPlane(double[] mean, double[] e1, double[] e2, double[] variances) {
        this.mean = mean;
        this.e1 = e1;
        this.e2 = e2;
        this.variances = variances;
    }

    /** The principal plane of the rows of {@code points} (N × L, N ≥ 2, L ≥ 2); for L = 2 the axes themselves. */
    public static PcaPlane of(FMatrixRMaj points) {
        int n = points.numRows;
        int l = points.numCols;
        if (l < 2) throw new IllegalArgumentException("a plane needs points of dimension ≥ 2, got " + l);
        if (n < 2) throw new IllegalArgumentException("a plane needs at least 2 points, got " + n);
        double[] mean = new double[l];
        for (int i = 0; i < n; i++) for (int j = 0; j < l; j++) mean[j] += points.data[i * l + j];
        for (int j = 0; j < l; j++) mean[j] /= n;
        // C = 1/(N−1) Σ (x − μ)(x − μ)ᵀ
        DMatrixRMaj cov = new DMatrixRMaj(l, l);
        double[] d = new double[l];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < l; j++) d[j] = points.data[i * l + j] - mean[j];
            for (int a = 0; a < l; a++) {
                for (int b = a; b < l; b++) cov.data[a * l + b] += d[a] * d[b];
            }
        }
        for (int a = 0; a < l; a++) {
            for (int b = a; b < l; b++) {
                double c = cov.data[a * l + b] / (n - 1);
                cov.data[a * l + b] = c;
                cov.data[b * l + a] = c;
            }
        }
        if (l == 2) {
            return new PcaPlane(new double[2], new double[] {1, 0}, new double[] {0, 1},
                    new double[] {cov.get(0, 0), cov.get(1, 1)});
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(l, true, true);
        if (!eig.decompose(cov)) throw new IllegalStateException("the covariance could not be decomposed");
        Integer[] order = new Integer[l];
        double[] values = new double[l];
        for (int k = 0; k < l; k++) {
            order[k] = k;
            values[k] = eig.getEigenvalue(k).getReal();
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(values[q], values[p]));
        double[] sorted = new double[l];
        for (int k = 0; k < l; k++) sorted[k] = values[order[k]];
        return new PcaPlane(mean, direction(eig.getEigenVector(order[0])), direction(eig.getEigenVector(order[1])), sorted);
    }

    /** A unit eigenvector with a fixed sign (its largest-magnitude entry positive), so planes do not flip at random. */
    private static double[] direction(DMatrixRMaj v) {
        double[] e = v.data.clone();
        double norm = 0;
        int big = 0;
        for (int i = 0; i < e.length; i++) {
            norm += e[i] * e[i];
            if (Math.abs(e[i]) > Math.abs(e[big])) big = i;
        }
        double s = (e[big] < 0 ? -1 : 1) / Math.sqrt(norm);
        for (int i = 0; i < e.length; i++) e[i] *= s;
        return e;
    }

    public int dimension() {
        return mean.length;
    }

    /** The plane coordinates (u, v) of every row of {@code points}, interleaved (u₀, v₀, u₁, v₁, …). */
    public float[] project(FMatrixRMaj points) {
        int l = mean.length;
        if (points.numCols != l) throw new IllegalArgumentException("points of dimension " + points.numCols + ", plane of " + l);
        float[] uv = new float[points.numRows * 2];
        for (int i = 0; i < points.numRows; i++) {
            double u = 0;
            double v = 0;
            for (int j = 0; j < l; j++) {
                double c = points.data[i * l + j] - mean[j];
                u += c * e1[j];
                v += c * e2[j];
            }
            uv[2 * i] = (float) u;
            uv[2 * i + 1] = (float) v;
        }
        return uv;
    }

    /** The point μ + u e₁ + v e₂ of the latent space, written into {@code into} (length L). */
    public void lift(double u, double v, float[] into) {
        for (int j = 0; j < mean.length; j++) into[j] = (float) (mean[j] + u * e1[j] + v * e2[j]);
    }

    /** The plane's direction e₁ ({@code k} = 0) or e₂ (1), a unit vector of length L (a copy). */
    public double[] direction(int k) {
        if (k != 0 && k != 1) throw new IllegalArgumentException("a plane has directions 0 and 1, not " + k);
        return (k == 0 ? e1 : e2).clone();
    }

    /** The fraction of the total variance the plane shows, λ₁ + λ₂ over Σλ. */
    public double explained() {
        double total = 0;
        for (double x : variances) total += Math.max(0, x);
        return total > 0 ? (Math.max(0, variances[0]) + Math.max(0, variances[1])) / total : 1;
    }
}
