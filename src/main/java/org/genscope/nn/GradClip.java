package org.genscope.nn;

import java.util.List;

/** Gradient-norm clipping (Pascanu et al. 2013): rescale all gradients together when their norm is too large. */
public final class GradClip {
    private GradClip() {}

    /** ‖g‖₂ over all parameters' gradients together, accumulated in double. */
    public static double norm(List<Param> params) {
        double sum = 0;
        for (Param p : params) {
            float[] g = p.grad.data;
            for (int i = 0, n = p.size(); i < n; i++) sum += (double) g[i] * g[i];
        }
        return Math.sqrt(sum);
    }

    /**
     * If ‖g‖ &gt; maxNorm, scales every gradient by maxNorm / ‖g‖ so the global norm becomes maxNorm.
     * Returns ‖g‖ before clipping (log it: it is the quantity to watch).
     */
    public static double clipNorm(List<Param> params, double maxNorm) {
        if (!(maxNorm > 0)) throw new IllegalArgumentException("max norm must be > 0: " + maxNorm);
        double norm = norm(params);
        if (norm > maxNorm) {
            float s = (float) (maxNorm / norm);
            for (Param p : params) {
                float[] g = p.grad.data;
                for (int i = 0, n = p.size(); i < n; i++) g[i] *= s;
            }
        }
        return norm;
    }
}
