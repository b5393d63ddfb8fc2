package org.genscope.nn;

/**
 * The one seeded random number generator of Genscope: xoshiro256** (Blackman &amp; Vigna 2018), seeded through
 * SplitMix64. The same seed gives the same stream on every machine, bit for bit, and the full state can be
 * saved and restored, so a resumed training run continues exactly as an uninterrupted one.
 * Not thread-safe: give each thread its own generator ({@link #split()}).
 */
public final class Rng {
    private long s0;
    private long s1;
    private long s2;
    private long s3;

    public Rng(long seed) {
        long x = seed;
        s0 = splitMix(x += 0x9E3779B97F4A7C15L);
        s1 = splitMix(x += 0x9E3779B97F4A7C15L);
        s2 = splitMix(x += 0x9E3779B97F4A7C15L);
        s3 = splitMix(x += 0x9E3779B97F4A7C15L);
    }

    private Rng(long[] state) {
        restore(state);
    }

    /** A generator that continues from a state returned by {@link #state()}. */
    public static Rng fromState(long[] state) {
        return new Rng(state);
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, bound), unbiased (Lemire's rejection on the high bits). */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive: " + bound);
        long r = (nextLong() >>> 33);               // 31 random bits
        long m = r * bound;
        long l = m & 0x7FFFFFFFL;
        if (l < bound) {
            long threshold = (0x80000000L - bound) % bound;
            while (l < threshold) {
                r = (nextLong() >>> 33);
                m = r * bound;
                l = m & 0x7FFFFFFFL;
            }
        }
        return (int) (m >>> 31);
    }

    /** Uniform in [lo, hi] inclusive. */
    public int nextInt(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, 1) with 24 random bits. */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** Standard normal by the Box-Muller transform (one draw per call; no hidden cached value in the state). */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble();           // (0, 1]
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /**
     * Standard normals into {@code out[from, to)}, two per pair of uniforms: the Box-Muller transform's cosine and sine
     * branches, r·cos(2πu₂) and r·sin(2πu₂) with r = √(−2 ln u₁), half the cost of {@link #nextGaussian} per value.
     * Each call starts a fresh pair (an odd count drops the last sine), so no value is held back in the state.
     */
    public void nextGaussians(float[] out, int from, int to) {
        for (int i = from; i < to; i += 2) {
            double r = Math.sqrt(-2.0 * Math.log(1.0 - nextDouble()));
            double a = 2.0 * Math.PI * nextDouble();
            out[i] = (float) (r * Math.cos(a));
            if (i + 1 < to) out[i + 1] = (float) (r * Math.sin(a));
        }
    }

    /** Fisher-Yates shuffle in place. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** A random permutation of 0..n-1. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        shuffle(p);
        return p;
    }

    /** An independent generator seeded from this one's stream (for a second thread or sub-task). */
    public Rng split() {
        return new Rng(nextLong());
    }

    /** A copy of the full generator state. */
    public long[] state() {
        return new long[] {s0, s1, s2, s3};
    }

    public void restore(long[] state) {
        if (state.length != 4) throw new IllegalArgumentException("Rng state has 4 words, got " + state.length);
        if ((state[0] | state[1] | state[2] | state[3]) == 0) throw new IllegalArgumentException("all-zero Rng state");
        s0 = state[0];
        s1 = state[1];
        s2 = state[2];
        s3 = state[3];
    }
}
