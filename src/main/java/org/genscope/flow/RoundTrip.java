package org.genscope.flow;

import org.ejml.data.FMatrixRMaj;

/**
 * How exactly a flow inverts on a set of points: e(x) = max_i |f⁻¹(f(x))_i − x_i|, split by where x lands in the
 * base space.
 *
 * <p>Far from the data a trained flow can carry x to |z| in the thousands, where float32 numbers are spaced
 * ~10⁻³ apart, so no float32 implementation can bring such points back to better than that — and they carry no
 * probability. The verdict therefore uses the points with ‖z‖ ≤ {@link #TYPICAL_RADIUS}, a ball that holds
 * 1 − e^{−r²/2} ≈ 1 − 4·10⁻⁶ of a 2-D standard normal's mass (χ² tail), and reports the worst point overall beside it.
 *
 * @param typical        max e(x) over the points with ‖f(x)‖ ≤ {@link #TYPICAL_RADIUS} (NaN if there are none)
 * @param typicalCount   how many points those are
 * @param all            max e(x) over every point
 * @param maxBaseNorm    max ‖f(x)‖ over every point
 */
public record RoundTrip(double typical, int typicalCount, double all, double maxBaseNorm) {
    /** Base-space radius of the points the verdict is about. */
    public static final double TYPICAL_RADIUS = 5;

    /** Measures the round trip of {@code x} (one point per row) through {@code m}. */
    public static RoundTrip measure(FlowModel m, FMatrixRMaj x) {
        if (x.numCols != m.dimension()) throw new IllegalArgumentException("points have " + x.numCols + " columns; the flow models " + m.dimension());
        FMatrixRMaj z = m.toBase(x).points();
        FMatrixRMaj back = m.toData(z).points();
        double typical = Double.NaN, all = 0, maxNorm = 0;
        int count = 0;
        int d = x.numCols;
        for (int r = 0; r < x.numRows; r++) {
            double e = 0, norm2 = 0;
            for (int c = 0; c < d; c++) {
                int i = r * d + c;
                e = Math.max(e, Math.abs((double) back.data[i] - x.data[i]));
                norm2 += (double) z.data[i] * z.data[i];
            }
            double norm = Math.sqrt(norm2);
            if (Double.isNaN(e) || Double.isNaN(norm)) e = norm = Double.POSITIVE_INFINITY;
            all = Math.max(all, e);
            maxNorm = Math.max(maxNorm, norm);
            if (norm <= TYPICAL_RADIUS) {
                typical = count == 0 ? e : Math.max(typical, e);
                count++;
            }
        }
        return new RoundTrip(typical, count, all, maxNorm);
    }
}
