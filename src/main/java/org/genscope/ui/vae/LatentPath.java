package org.genscope.ui.vae;

/**
 * Paths between two codes a and b of the latent space, n points from a (t = 0) to b (t = 1):
 *
 * <pre>  linear     z(t) = (1 − t) a + t b
 *  spherical  z(t) = sin((1 − t)θ)/sin θ · a + sin(tθ)/sin θ · b,   cos θ = a·b / (|a||b|)</pre>
 *
 * The spherical path (Shoemake's slerp, proposed for generative models' latent spaces by White 2016, "Sampling
 * Generative Networks") keeps to the shell where a Gaussian prior puts its mass, where the linear one cuts through
 * the lower-norm middle. For nearly parallel codes (sin θ ≈ 0) it is the linear path.
 */
final class LatentPath {
    private LatentPath() {}

    static float[][] linear(float[] a, float[] b, int n) {
        check(a, b, n);
        float[][] z = new float[n][a.length];
        for (int k = 0; k < n; k++) {
            double t = n == 1 ? 0 : (double) k / (n - 1);
            for (int j = 0; j < a.length; j++) z[k][j] = (float) ((1 - t) * a[j] + t * b[j]);
        }
        return z;
    }

    static float[][] spherical(float[] a, float[] b, int n) {
        check(a, b, n);
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int j = 0; j < a.length; j++) {
            dot += (double) a[j] * b[j];
            na += (double) a[j] * a[j];
            nb += (double) b[j] * b[j];
        }
        double cos = na > 0 && nb > 0 ? Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb))) : 1;
        double theta = Math.acos(cos);
        double sin = Math.sin(theta);
        if (sin < 1e-6) return linear(a, b, n);
        float[][] z = new float[n][a.length];
        for (int k = 0; k < n; k++) {
            double t = n == 1 ? 0 : (double) k / (n - 1);
            double wa = Math.sin((1 - t) * theta) / sin;
            double wb = Math.sin(t * theta) / sin;
            for (int j = 0; j < a.length; j++) z[k][j] = (float) (wa * a[j] + wb * b[j]);
        }
        return z;
    }

    private static void check(float[] a, float[] b, int n) {
        if (a.length != b.length) throw new IllegalArgumentException("codes of " + a.length + " and " + b.length + " values");
        if (n < 1) throw new IllegalArgumentException("a path needs at least one point, got " + n);
    }
}
