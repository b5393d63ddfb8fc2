package org.genscope.data;

import org.ejml.data.FMatrixRMaj;

/**
 * Min-max scaling to [0,1] with statistics from the training split: x' = clamp((x − lo) / (hi − lo), 0, 1), where
 * lo and hi are the smallest and largest value over all training features (MNIST: lo = 0, hi = 255, so x' = x/255).
 * One global range, not per feature, so constant border pixels stay well defined and images keep their contrast.
 * Validation and test values outside the training range are clamped. For per-feature standardization see
 * {@link Standardizer}.
 */
public final class Normalization {
    private Normalization() {}

    /** Scales all three splits with the training split's range. */
    public static DataSplits scaleToUnit(DataSplits s) {
        float[] r = range(s.train().x().data);
        return s.map(d -> scaleToUnit(d, r[0], r[1]));
    }

    /** Scales one dataset with its own range. */
    public static Dataset scaleToUnit(Dataset d) {
        float[] r = range(d.x().data);
        return scaleToUnit(d, r[0], r[1]);
    }

    /** x' = clamp((x − lo) / (hi − lo), 0, 1); with hi = lo every value maps to 0. */
    public static Dataset scaleToUnit(Dataset d, float lo, float hi) {
        float[] x = d.x().data;
        FMatrixRMaj y = new FMatrixRMaj(d.size(), d.dimension());
        float inv = hi > lo ? 1f / (hi - lo) : 0f;
        for (int i = 0; i < x.length; i++) y.data[i] = Math.min(1f, Math.max(0f, (x[i] - lo) * inv));
        return d.withX(y, d.name());
    }

    /**
     * The intensity scale of the values, the one rule behind every threshold in Genscope (the app's and
     * {@code --binarize}): values that all lie in [0, 1] are intensities as they are; integer grey levels in
     * 0..255 (8-bit images such as MNIST) are x/255; any other values are scaled by their own min and max.
     *
     * @return {lo, hi}: intensity = clamp((x − lo) / (hi − lo), 0, 1)
     */
    public static float[] intensityRange(float[] x) {
        float[] r = range(x);
        if (r[0] >= 0f && r[1] <= 1f) return new float[] {0, 1};
        if (r[0] >= 0f && r[1] <= 255f && integers(x)) return new float[] {0, 255};
        return r;
    }

    /** One dataset as intensities in [0, 1], on the scale of its own values ({@link #intensityRange}). */
    public static Dataset toIntensities(Dataset d) {
        float[] r = intensityRange(d.x().data);
        return r[0] == 0f && r[1] == 1f ? d : scaleToUnit(d, r[0], r[1]);
    }

    /** All three splits as intensities in [0, 1], on the scale of the training split ({@link #intensityRange}). */
    public static DataSplits toIntensities(DataSplits s) {
        float[] r = intensityRange(s.train().x().data);
        return r[0] == 0f && r[1] == 1f ? s : s.map(d -> scaleToUnit(d, r[0], r[1]));
    }

    private static boolean integers(float[] x) {
        for (float v : x) if (v != Math.rint(v)) return false;
        return true;
    }

    /** {min, max} of the values ({0, 0} when empty). */
    public static float[] range(float[] x) {
        if (x.length == 0) return new float[] {0, 0};
        float lo = x[0];
        float hi = x[0];
        for (float v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new float[] {lo, hi};
    }
}
