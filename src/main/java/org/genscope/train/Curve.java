package org.genscope.train;

import java.util.Arrays;

/** An immutable loss curve: points (step, loss), steps increasing. Accessors return copies. */
public final class Curve {
    public static final Curve EMPTY = new Curve(new double[0], new double[0]);

    private final double[] steps;
    private final double[] values;

    Curve(double[] steps, double[] values) {
        this.steps = steps;
        this.values = values;
    }

    /** A curve of copies of these points (e.g. a recorded run, or a test's). */
    public static Curve of(double[] steps, double[] values) {
        if (steps.length != values.length) {
            throw new IllegalArgumentException(steps.length + " steps but " + values.length + " values");
        }
        return new Curve(steps.clone(), values.clone());
    }

    public int size() {
        return steps.length;
    }

    public double step(int i) {
        return steps[i];
    }

    public double value(int i) {
        return values[i];
    }

    public double[] steps() {
        return steps.clone();
    }

    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Curve c && Arrays.equals(steps, c.steps) && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(steps) + Arrays.hashCode(values);
    }
}
