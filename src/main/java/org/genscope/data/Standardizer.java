package org.genscope.data;

import org.ejml.data.FMatrixRMaj;

/**
 * Per-feature standardization z_j = (x_j − μ_j) / σ_j with μ and σ measured on the training split only (so no
 * statistic of the test data leaks into training). σ_j is the population standard deviation; a constant feature
 * (σ_j &lt; 1e-6, e.g. an always-white MNIST corner) gets σ_j = 1 so it maps to 0 instead of dividing by zero.
 *
 * @param mean μ_j per feature
 * @param std  σ_j per feature (never below the floor)
 */
public record Standardizer(float[] mean, float[] std) {
    private static final double MIN_STD = 1e-6;

    /** Measures μ and σ per feature (columns of {@code train.x()}), accumulating in double. */
    public static Standardizer fit(Dataset train) {
        int n = train.size();
        int d = train.dimension();
        double[] sum = new double[d];
        double[] sq = new double[d];
        float[] x = train.x().data;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) sum[j] += x[i * d + j];
        }
        float[] mu = new float[d];
        for (int j = 0; j < d; j++) mu[j] = (float) (sum[j] / Math.max(1, n));
        // σ_j² = (1/n) Σ_i (x_ij − μ_j)²  (two-pass, numerically stable)
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double c = x[i * d + j] - mu[j];
                sq[j] += c * c;
            }
        }
        float[] sigma = new float[d];
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(sq[j] / Math.max(1, n));
            sigma[j] = (float) (s < MIN_STD ? 1.0 : s);
        }
        return new Standardizer(mu, sigma);
    }

    /** Fits on the training split and standardizes all three with those statistics. */
    public static DataSplits standardize(DataSplits s) {
        Standardizer st = fit(s.train());
        return s.map(st::apply);
    }

    /** z = (x − μ) / σ, as a new dataset. */
    public Dataset apply(Dataset data) {
        int d = mean.length;
        if (data.dimension() != d) {
            throw new IllegalArgumentException(data.name() + " has " + data.dimension() + " features, fitted on " + d);
        }
        FMatrixRMaj z = data.x().copy();
        for (int k = 0; k < z.data.length; k++) z.data[k] = (z.data[k] - mean[k % d]) / std[k % d];
        return data.withX(z, data.name());
    }

    /** x = z·σ + μ in place, e.g. to show a model's samples in data units. */
    public void invertInPlace(FMatrixRMaj z) {
        int d = mean.length;
        if (z.numCols != d) throw new IllegalArgumentException(z.numCols + " columns, fitted on " + d + " features");
        for (int k = 0; k < z.numRows * z.numCols; k++) z.data[k] = z.data[k] * std[k % d] + mean[k % d];
    }
}
