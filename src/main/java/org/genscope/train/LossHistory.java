package org.genscope.train;

import java.util.Arrays;

/**
 * A loss curve of bounded size for arbitrarily long runs: each point is the mean of {@code stride} consecutive
 * values, placed at the last of their steps. When the curve is full, neighbouring points are averaged pairwise
 * and the stride doubles, so memory and the cost of a snapshot stay fixed while the curve keeps its shape. The job
 * keeps its loss curves in these; a model may keep further curves (e.g. a VAE's two terms) the same way.
 */
public final class LossHistory {
    private final int capacity;
    private final double[] steps;
    private final double[] values;
    private int size;
    private long stride = 1;
    private double pendingSum;
    private long pendingCount;

    /** At most {@code capacity} points (even, ≥ 2). */
    public LossHistory(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) throw new IllegalArgumentException("history capacity must be even and ≥ 2: " + capacity);
        this.capacity = capacity;
        this.steps = new double[capacity];
        this.values = new double[capacity];
    }

    /** The value after optimizer step {@code step} (steps increasing). */
    public void add(long step, double value) {
        pendingSum += value;
        pendingCount++;
        if (pendingCount < stride) return;
        steps[size] = step;
        values[size] = pendingSum / pendingCount;
        size++;
        pendingSum = 0;
        pendingCount = 0;
        if (size == capacity) halve();
    }

    /** Pairs of equal-stride buckets merge into one: mean of the two means, at the later step. */
    private void halve() {
        for (int i = 0; i < size / 2; i++) {
            steps[i] = steps[2 * i + 1];
            values[i] = 0.5 * (values[2 * i] + values[2 * i + 1]);
        }
        size /= 2;
        stride *= 2;
    }

    /** The curve so far, an immutable copy. */
    public Curve toCurve() {
        return new Curve(Arrays.copyOf(steps, size), Arrays.copyOf(values, size));
    }

    /** Everything needed to continue exactly: {@code [stride, pendingSum, pendingCount, steps..., values...]}. */
    double[] state() {
        double[] s = new double[3 + 2 * size];
        s[0] = stride;
        s[1] = pendingSum;
        s[2] = pendingCount;
        System.arraycopy(steps, 0, s, 3, size);
        System.arraycopy(values, 0, s, 3 + size, size);
        return s;
    }

    void restore(double[] s) {
        int n = (s.length - 3) / 2;
        if (s.length < 3 || s.length % 2 == 0 || n >= capacity || !(s[0] >= 1) || !(s[2] >= 0) || s[2] >= s[0]) {
            throw new IllegalArgumentException("not a loss history of at most " + capacity + " points");
        }
        stride = (long) s[0];
        pendingSum = s[1];
        pendingCount = (long) s[2];
        size = n;
        System.arraycopy(s, 3, steps, 0, n);
        System.arraycopy(s, 3 + n, values, 0, n);
    }
}
