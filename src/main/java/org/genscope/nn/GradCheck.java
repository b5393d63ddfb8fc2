package org.genscope.nn;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.FMatrixRMaj;

/**
 * Checks analytic gradients (backward passes) against centred finite differences, as in the cs231n notes:
 *
 * <pre>  numeric = (L(θ + h) − L(θ − h)) / 2h,   error = |analytic − numeric| / max(|analytic|, |numeric|, floor)</pre>
 *
 * for every parameter group and the input, on up to {@code samples} random entries per group.
 *
 * <p><b>Precision, honestly:</b> the modules compute in float32, so L itself carries rounding noise of about
 * 1e-7·|L|; divided by 2h that noise would swamp a double-style check (h = 1e-5, error ≈ 1e-7). Hence the
 * defaults: h = 1e-2 (truncation error O(h²·L''') ≈ 1e-5 relative for smooth functions; a smaller h or a
 * Richardson extrapolation only lets more float noise in, we tried), losses accumulated in double, the actual
 * float step (θ ± h rounded to float) as the denominator, and a floor of 1e-2 × the group's largest analytic
 * gradient under the relative error: entries below 1% of the group's scale are judged by their absolute error
 * against that scale, not by a relative error that float noise alone would push past 1e-2. A correct backward
 * pass then scores ≲ 1e-3, a wrong one (missing factor, transposed index, sign) near 1; tests should demand
 * ≲ 1e-2. Piecewise-linear units (ReLU, LeakyReLU) must be checked with pre-activations farther than h from
 * their kink.
 */
public final class GradCheck {
    private GradCheck() {}

    /** A scalar function of the parameters and the input, with its analytic gradient. */
    public interface Problem {
        /** L at the current parameter and input values (runs the forward pass only). */
        double loss();

        /** Called right after {@link #loss()}: accumulates ∂L/∂θ into the gradients and returns ∂L/∂x or null. */
        FMatrixRMaj backward();
    }

    /** Result for one group: the worst entry's index, analytic and numeric values and relative error. */
    public record Group(String name, int checked, double maxRelError, int worstIndex, double analytic,
                        double numeric) {
        @Override
        public String toString() {
            return String.format("%-20s %4d checked, max rel error %.2e (entry %d: analytic %.6g, numeric %.6g)",
                    name, checked, maxRelError, worstIndex, analytic, numeric);
        }
    }

    /** One {@link Group} per parameter, then "input". */
    public record Report(List<Group> groups) {
        public double maxRelError() {
            double worst = 0;
            for (Group g : groups) worst = Math.max(worst, g.maxRelError);
            return worst;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (Group g : groups) sb.append(g).append('\n');
            return sb.toString();
        }
    }

    /** {@link #check(Problem, List, FMatrixRMaj, double, int, long)} with h = 1e-2, 40 entries per group. */
    public static Report check(Problem p, List<Param> params, FMatrixRMaj input) {
        return check(p, params, input, 1e-2, 40, 1);
    }

    /**
     * Compares the gradients of every param (and of {@code input}, if not null and backward returns one) with
     * centred differences of step h on up to {@code samples} entries per group chosen by {@code seed}.
     * Parameter gradients are zeroed first; values are restored exactly afterwards.
     */
    public static Report check(Problem p, List<Param> params, FMatrixRMaj input, double h, int samples, long seed) {
        for (Param q : params) q.zeroGrad();
        p.loss();
        FMatrixRMaj dx = p.backward();
        Rng rng = new Rng(seed);
        List<Group> groups = new ArrayList<>();
        for (Param q : params) groups.add(group(p, q.name, q.value.data, q.size(), q.grad.data.clone(), h, samples, rng));
        if (input != null && dx != null) {
            groups.add(group(p, "input", input.data, input.getNumElements(), dx.data.clone(), h, samples, rng));
        }
        return new Report(groups);
    }

    /** L = Σ_ij R_ij · y_ij for y = m.forward(x) and a fixed random R: checks a module on its own. */
    public static Problem probe(Module m, FMatrixRMaj x, Rng rng) {
        FMatrixRMaj y0 = m.forward(x);
        FMatrixRMaj r = new FMatrixRMaj(y0.numRows, y0.numCols);
        for (int i = 0; i < r.getNumElements(); i++) r.data[i] = (float) rng.nextGaussian();
        return new Problem() {
            @Override
            public double loss() {
                FMatrixRMaj y = m.forward(x);
                double s = 0;
                for (int i = 0; i < r.getNumElements(); i++) s += (double) r.data[i] * y.data[i];
                return s;
            }

            @Override
            public FMatrixRMaj backward() {
                return m.backward(r);            // ∂L/∂y = R
            }
        };
    }

    private static Group group(Problem p, String name, float[] values, int size, float[] analytic, double h,
                               int samples, Rng rng) {
        int[] order = rng.permutation(size);
        int count = Math.min(samples, size);
        double scale = 0;
        for (int i = 0; i < size; i++) scale = Math.max(scale, Math.abs(analytic[i]));
        double floor = Math.max(1e-2 * scale, 1e-12);
        double worst = 0;
        int worstIndex = -1;
        double worstA = 0;
        double worstN = 0;
        for (int s = 0; s < count; s++) {
            int i = order[s];
            double numeric = centred(p, values, i, h);
            double a = analytic[i];
            double err = Math.abs(a - numeric) / Math.max(Math.max(Math.abs(a), Math.abs(numeric)), floor);
            if (err >= worst) {
                worst = err;
                worstIndex = i;
                worstA = a;
                worstN = numeric;
            }
        }
        p.loss();                                  // leave the forward state consistent with the restored values
        return new Group(name, count, worst, worstIndex, worstA, worstN);
    }

    /** (L(v + h) − L(v − h)) / (actual float step), restoring values[i] exactly. */
    private static double centred(Problem p, float[] values, int i, double h) {
        float v = values[i];
        float up = (float) (v + h);
        float down = (float) (v - h);
        values[i] = up;
        double lossUp = p.loss();
        values[i] = down;
        double lossDown = p.loss();
        values[i] = v;
        return (lossUp - lossDown) / ((double) up - (double) down);
    }
}
