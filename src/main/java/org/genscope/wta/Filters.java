package org.genscope.wta;

import java.util.Arrays;

/**
 * A decoder's filters (dictionary atoms): {@code count} tiles of rows×cols, row-major one after another, immutable
 * (copied in and out). What the views draw of them — the contrast-normalised tiles, how many vanished, their median
 * spread — is worked out once, on first use, and kept: a grid redrawn for a new order or tile count, the spread line
 * and the GIF frame of one snapshot share one pass over the values.
 */
public final class Filters {
    /** A tile whose range is below this fraction of the widest tile's is drawn flat. */
    public static final float FLAT = 1e-3f;

    private final float[] values;
    private final int count;
    private final int rows;
    private final int cols;
    private volatile Drawn drawn;                 // racing first uses compute the same thing

    /** The tiles contrast-normalised, how many are flat, and the median spread. */
    private record Drawn(float[] tiles, int vanished, double medianParticipation) {}

    public Filters(float[] values, int count, int rows, int cols) {
        if (values.length != count * rows * cols) {
            throw new IllegalArgumentException(values.length + " values are not " + count + " tiles of " + rows + "×" + cols);
        }
        this.values = values.clone();
        this.count = count;
        this.rows = rows;
        this.cols = cols;
    }

    public float[] values() {
        return values.clone();
    }

    public int count() {
        return count;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /**
     * How many pixels filter i effectively spreads over, the participation ratio (Σ w²)² / Σ w⁴: 1 for a delta
     * function (one pixel), n for a flat filter of n pixels, about n/3 for Gaussian noise; 0 for an all-zero filter.
     */
    public double participation(int i) {
        int n = rows * cols;
        double s2 = 0;
        double s4 = 0;
        for (int p = i * n; p < (i + 1) * n; p++) {
            double v = (double) values[p] * values[p];
            s2 += v;
            s4 += v * v;
        }
        return s4 == 0 ? 0 : s2 * s2 / s4;
    }

    /** The median of {@link #participation(int)} over the filters: about 1 when the dictionary is delta functions. */
    public double medianParticipation() {
        return drawn().medianParticipation();
    }

    /**
     * The tiles as the paper shows them, each mapped to [0, 1] by its own range (its minimum black, its maximum
     * white). A tile whose range is below {@value #FLAT} of the widest tile's — a filter weight decay has shrunk to
     * nothing, or a constant one — is mid-grey (0.5), not its rounding noise stretched to full contrast. A copy.
     *
     * @throws IllegalArgumentException naming the first filter (1-based) with a value that is not finite
     */
    public float[] contrastNormalised() {
        return drawn().tiles().clone();
    }

    /** How many filters {@link #contrastNormalised()} draws flat: shrunk to nothing, or constant. */
    public int vanished() {
        return drawn().vanished();
    }

    private Drawn drawn() {
        Drawn d = drawn;
        if (d == null) drawn = d = draw();
        return d;
    }

    private Drawn draw() {
        int n = rows * cols;
        float[] lo = new float[count];
        float[] hi = new float[count];
        float widest = 0;
        for (int t = 0; t < count; t++) {
            lo[t] = Float.POSITIVE_INFINITY;
            hi[t] = Float.NEGATIVE_INFINITY;
            for (int i = t * n; i < (t + 1) * n; i++) {
                lo[t] = Math.min(lo[t], values[i]);
                hi[t] = Math.max(hi[t], values[i]);
            }
            if (!Float.isFinite(lo[t]) || !Float.isFinite(hi[t])) {
                throw new IllegalArgumentException("filter " + (t + 1) + " is not finite");
            }
            widest = Math.max(widest, hi[t] - lo[t]);
        }
        float[] tiles = new float[count * n];
        int vanished = 0;
        for (int t = 0; t < count; t++) {
            float range = hi[t] - lo[t];
            boolean flat = !(range > FLAT * widest);
            if (flat) vanished++;
            for (int i = t * n; i < (t + 1) * n; i++) tiles[i] = flat ? 0.5f : (values[i] - lo[t]) / range;
        }
        double[] p = new double[count];
        for (int i = 0; i < count; i++) p[i] = participation(i);
        Arrays.sort(p);
        double median = count == 0 ? 0 : count % 2 == 1 ? p[count / 2] : (p[count / 2 - 1] + p[count / 2]) / 2;
        return new Drawn(tiles, vanished, median);
    }
}
