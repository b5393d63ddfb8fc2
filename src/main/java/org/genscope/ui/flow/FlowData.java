package org.genscope.ui.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.data.Toy2D;

/**
 * Where the Flows workspace gets its 2D points: a toy density (count, noise, seed), the Paint tab, or a file of 2D
 * points opened with File ▸ Open dataset (CSV, NPY, IDX). Every source ends as train/validation/test splits (80/10/10).
 */
record FlowData(String label, Toy2D toy, Kind kind) {
    enum Kind { TOY, PAINTED, FILE }

    static final double VALID = 0.1;
    static final double TEST = 0.1;

    static List<FlowData> all() {
        List<FlowData> list = new ArrayList<>();
        for (Toy2D t : Toy2D.values()) list.add(new FlowData(t.id(), t, Kind.TOY));
        list.add(new FlowData("painted (Paint tab)", null, Kind.PAINTED));
        list.add(new FlowData("your file of 2-D points (CSV, NPY)", null, Kind.FILE));
        return list;
    }

    /** The toy's data (slow for large n: call off the FX thread). */
    DataSplits toySplits(int n, double noise, long seed) {
        return DataSplits.random(toy.generate(n, noise, seed), VALID, TEST, seed);
    }

    /** The true differential entropy of the toy at this noise, when known in closed form. */
    OptionalDouble entropy(double noise) {
        return kind == Kind.TOY ? toy.entropy(noise) : OptionalDouble.empty();
    }

    /**
     * Points opened with File ▸ Open dataset, split 80/10/10 by {@code seed}.
     *
     * @throws IllegalArgumentException if they are not 2-D points, or too few; the message says what to do
     */
    static DataSplits splitsOf(String fileName, Dataset d, long seed) {
        if (d.dimension() != 2) {
            throw new IllegalArgumentException(fileName + " has " + d.dimension() + " columns; the Flows workspace "
                    + "models 2-D points (x, y)." + (d.dimension() > 2 ? " Images and other high-dimensional data "
                    + "train in the MADE workspace." : ""));
        }
        if (d.size() < 10) throw new IllegalArgumentException(fileName + " has only " + d.size() + " points; give at least 10.");
        return DataSplits.random(d, VALID, TEST, seed);
    }

    /** A few words for the closed choice box and the status bar. */
    String shortLabel() {
        return switch (kind) {
            case TOY -> label;
            case PAINTED -> "painted";
            case FILE -> "your file";
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
