package org.genscope.made;

import org.genscope.nn.Rng;

/**
 * Input orderings m⁰ (values 1..D, m⁰(d) = position of input d) and their conversion to and from sequences (the
 * 0-based input indices in generation order).
 */
public final class Orderings {
    private Orderings() {}

    /** m⁰(d) = d + 1 for 0-based d: reading order. */
    public static int[] natural(int d) {
        int[] m = new int[d];
        for (int j = 0; j < d; j++) m[j] = j + 1;
        return m;
    }

    /** m⁰(d) = D − d: the last input first. */
    public static int[] reverse(int d) {
        int[] m = new int[d];
        for (int j = 0; j < d; j++) m[j] = d - j;
        return m;
    }

    /** A uniformly random permutation of 1..D. */
    public static int[] random(int d, Rng rng) {
        int[] m = rng.permutation(d);
        for (int j = 0; j < d; j++) m[j]++;
        return m;
    }

    /** The inputs in generation order: s[t] = the d with m⁰(d) = t + 1. m0 must be a permutation of 1..D. */
    public static int[] sequence(int[] m0) {
        int[] s = new int[m0.length];
        for (int d = 0; d < m0.length; d++) s[m0[d] - 1] = d;
        return s;
    }

    /** The ordering m⁰ that generates the 0-based inputs in the order given: m⁰(s[t]) = t + 1. */
    public static int[] fromSequence(int[] s) {
        int[] m = new int[s.length];
        for (int t = 0; t < s.length; t++) {
            if (s[t] < 0 || s[t] >= s.length || m[s[t]] != 0) {
                throw new IllegalArgumentException("a sequence must list each of 0.." + (s.length - 1) + " once; bad or repeated " + s[t]);
            }
            m[s[t]] = t + 1;
        }
        return m;
    }
}
