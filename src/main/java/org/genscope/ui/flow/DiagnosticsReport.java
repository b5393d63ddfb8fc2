package org.genscope.ui.flow;

import java.util.ArrayList;
import java.util.List;
import org.genscope.data.Grid2D;
import org.genscope.flow.FlowDiagnostics;
import org.genscope.flow.FlowModel;
import org.genscope.flow.LayerKind;
import org.genscope.flow.RoundTrip;

/**
 * What {@link FlowDiagnosticsPanel} shows of one model, computed off the FX thread (pure math, no JavaFX).
 *
 * @param maps         the grid of the log-determinant maps ({@value #MAP_CELLS}² over the data rectangle)
 * @param layerLogDets log|det ∂h_k/∂h_{k−1}| per forward layer k at each map cell ({@link Grid2D} order)
 * @param total        Σ_k of those: log|det ∂z/∂x|
 * @param layerRange   max |value| over every layer map (the shared symmetric colour range; 0 if all are 0)
 * @param titles       a short name per layer, e.g. "3 · MAF"
 * @param densityGrid  {@value #DENSITY_CELLS}² over the data rectangle
 * @param density      p(x) on it
 * @param evalMillis   wall time of evaluating {@code density} through the whole flow
 * @param roundTrip    how exactly the flow inverts on the map cell centres
 */
record DiagnosticsReport(Grid2D maps, float[][] layerLogDets, float[] total, double layerRange, List<String> titles,
                         Grid2D densityGrid, float[] density, double evalMillis, RoundTrip roundTrip) {
    static final int MAP_CELLS = 64;
    static final int DENSITY_CELLS = 200;

    /** Computes everything for a 2-D flow over {@code data}'s rectangle; runs on the calling thread. */
    static DiagnosticsReport compute(FlowModel m, Grid2D data) {
        Grid2D maps = new Grid2D(data.xmin(), data.xmax(), data.ymin(), data.ymax(), MAP_CELLS, MAP_CELLS);
        float[][] per = FlowDiagnostics.layerLogDets(m, maps);
        float[] total = new float[maps.cells()];
        double range = 0;
        for (float[] layer : per) {
            for (int c = 0; c < total.length; c++) {
                total[c] += layer[c];
                if (Float.isFinite(layer[c])) range = Math.max(range, Math.abs(layer[c]));
            }
        }
        RoundTrip inverse = RoundTrip.measure(m, maps.centres());
        Grid2D dens = new Grid2D(data.xmin(), data.xmax(), data.ymin(), data.ymax(), DENSITY_CELLS, DENSITY_CELLS);
        long t0 = System.nanoTime();
        float[] p = m.densityGrid(dens);
        double evalMillis = (System.nanoTime() - t0) / 1e6;
        List<String> titles = new ArrayList<>();
        for (int k = 0; k < per.length; k++) titles.add((k + 1) + " · " + shortName(m.spec().layers().get(k).kind()));
        return new DiagnosticsReport(maps, per, total, range, titles, dens, p, evalMillis, inverse);
    }

    /** Whether the model has a layer whose two directions differ in cost (MAF or IAF). */
    static boolean autoregressive(FlowModel m) {
        return m.spec().layers().stream().anyMatch(l -> l.kind() == LayerKind.MAF || l.kind() == LayerKind.IAF);
    }

    static String shortName(LayerKind k) {
        return switch (k) {
            case ADDITIVE_COUPLING -> "NICE coupling";
            case AFFINE_COUPLING -> "RealNVP coupling";
            case SCALING -> "scaling";
            case ACTNORM -> "ActNorm";
            case INVERTIBLE_LINEAR -> "LU linear";
            case GLOW_STEP -> "Glow step";
            case MAF -> "MAF";
            case IAF -> "IAF";
            case REVERSE -> "reverse";
            case PERMUTE -> "permutation";
        };
    }

    /** A grid's values with row 0 at the top, as heat maps draw them ({@link Grid2D} has row 0 at the bottom). */
    static float[] topDown(float[] values, Grid2D g) {
        float[] out = new float[values.length];
        for (int r = 0; r < g.ny(); r++) System.arraycopy(values, r * g.nx(), out, (g.ny() - 1 - r) * g.nx(), g.nx());
        return out;
    }
}
