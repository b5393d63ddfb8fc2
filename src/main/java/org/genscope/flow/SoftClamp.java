package org.genscope.flow;

/**
 * The numerically safe log-scale of the affine layers: s = B·tanh(ŝ/B). Near 0 it is the identity (s ≈ ŝ), and
 * |s| &lt; B always, so one layer scales by at most e^B and exp(s) never overflows, however large the raw network
 * output ŝ grows. (RealNVP's own code bounds s with a learned factor × tanh; soft clamps of this form are used by
 * Glow-style implementations such as FrEIA's.) ds/dŝ = 1 − (s/B)².
 */
final class SoftClamp {
    private SoftClamp() {}

    /** s = B·tanh(ŝ/B). */
    static float apply(float raw, float bound) {
        return bound * (float) Math.tanh(raw / bound);
    }

    /** ds/dŝ given s = apply(ŝ). */
    static float derivative(float s, float bound) {
        float r = s / bound;
        return 1f - r * r;
    }
}
