package org.genscope.data;

import java.util.Map;
import java.util.TreeMap;

/** Class labels: conversion from a read array and per-class counts. */
public final class Labels {
    /** Integers up to 2^24 are exact in float32; larger labels would silently change. */
    private static final float MAX_EXACT = 1 << 24;

    private Labels() {}

    /** A 1-D array of integer values (or an N×1 column) as labels; anything else is refused. */
    public static int[] fromArray(ArrayData a) throws DataFormatException {
        if (a.featureSize() != 1) {
            throw new DataFormatException(a.source(), "wrong dimension: a label file has one value per example,"
                    + " this one has shape " + a.shapeText());
        }
        float[] v = a.data();
        int[] labels = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (!isClass(v[i])) {
                throw new DataFormatException(a.source(), "label " + v[i] + " at index " + i
                        + " is not an integer class");
            }
            labels[i] = (int) v[i];
        }
        return labels;
    }

    /** True when {@code v} is an integer that float32 holds exactly, i.e. a usable class label. */
    static boolean isClass(float v) {
        return v == Math.rint(v) && Math.abs(v) < MAX_EXACT;
    }

    /** How many examples carry each label, in label order. */
    public static Map<Integer, Integer> counts(int[] labels) {
        Map<Integer, Integer> m = new TreeMap<>();
        for (int y : labels) m.merge(y, 1, Integer::sum);
        return m;
    }
}
