package org.genscope;

/**
 * A number as settings, ticks and CSV cells show it: whole numbers without ".0" (8, not 8.0), others as Java
 * prints them (0.001).
 */
public final class PlainNumber {
    /** Below this a whole double prints exactly as a long. */
    private static final double WHOLE_LIMIT = 1e15;

    private PlainNumber() {}

    /** "8", "-3", "0.001", "1.0E20": the shortest text that reads back to v, without a whole number's ".0". */
    public static String of(double v) {
        return v == Math.rint(v) && Math.abs(v) < WHOLE_LIMIT ? Long.toString((long) v) : Double.toString(v);
    }
}
