package org.genscope.flow;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Grid2D;

/**
 * The change of variables made visible: what each layer of a {@link FlowModel} does to points, grids and
 * densities. Pure math on the model given (use the payload's private copy while a job trains).
 *
 * <p><b>Stage densities.</b> Write h_0 = x, h_k = f_k(h_{k−1}), z = h_K (forward layers f_1..f_K as listed). In
 * the generative direction z ~ p_Z is pushed through f_K⁻¹, …, f_1⁻¹; after k of those steps (TO_DATA stage k)
 * the variable is h_{K−k}, whose exact density is the base density pulled back through the k layers that remain
 * on the way to z:
 *
 * <pre>  p_k(h) = p_Z(f_K ∘ … ∘ f_{K−k+1}(h)) · |det ∂(f_K ∘ … ∘ f_{K−k+1})/∂h|</pre>
 *
 * so p_0 = p_Z (the base) and p_K = p (the model density of the data). Each p_k integrates to 1 over its own
 * space: it is the density of the intermediate variable, not a slice of the data density.
 */
public final class FlowDiagnostics {
    private FlowDiagnostics() {}

    /** Carries {@code points} through every layer in one pass; see {@link Stages} for the numbering. */
    public static Stages stages(FlowModel m, FMatrixRMaj points, Stages.Direction direction) {
        check(m, points);
        List<FlowLayer> layers = m.layers();
        int k = layers.size();
        List<FMatrixRMaj> pts = new ArrayList<>();
        List<double[]> logDet = new ArrayList<>();
        int[] order = new int[k];
        FMatrixRMaj h = points.copy();
        double[] acc = new double[points.numRows];
        pts.add(h);
        logDet.add(acc.clone());
        for (int step = 0; step < k; step++) {
            order[step] = direction == Stages.Direction.TO_BASE ? step : k - 1 - step;
            FlowLayer layer = layers.get(order[step]);
            Mapped mp = direction == Stages.Direction.TO_BASE ? layer.forward(h) : layer.inverse(h);
            FlowSequence.add(acc, mp.logDet());
            h = mp.points();
            pts.add(h);
            logDet.add(acc.clone());
        }
        return new Stages(direction, pts, logDet, order);
    }

    /**
     * p_k at the centres of a grid in the space of TO_DATA stage k (0 = base, K = data; see the class comment).
     * 2-D flows only.
     */
    public static float[] stageDensity(FlowModel m, int stage, Grid2D grid) {
        int k = m.layers().size();
        if (stage < 0 || stage > k) throw new IllegalArgumentException("stage must be 0.." + k + ", got " + stage);
        if (m.dimension() != 2) throw new IllegalStateException("stage densities need a 2-D flow");
        FMatrixRMaj h = grid.centres();
        double[] ll = new double[h.numRows];
        // the last `stage` forward layers take h_{K−stage} to z
        for (int j = k - stage; j < k; j++) {
            Mapped mp = m.layers().get(j).forward(h);
            FlowSequence.add(ll, mp.logDet());
            h = mp.points();
        }
        FlowSequence.add(ll, m.base().logProb(h));
        float[] p = new float[ll.length];
        for (int i = 0; i < p.length; i++) p[i] = (float) Math.exp(ll[i]);
        return p;
    }

    /**
     * log|det ∂h_k/∂h_{k−1}| of each forward layer k (index 0..K−1) as a function of the data point x: entry
     * [k][cell] is layer k's log-determinant at h_{k−1}(x) for x at the grid's cell centre. Summed over k it is the
     * flow's log|det ∂z/∂x|, so the rows show where each layer expands (&gt; 0) or contracts (&lt; 0) volume on
     * the way to the base. One pass through the layers.
     */
    public static float[][] layerLogDets(FlowModel m, Grid2D grid) {
        if (m.dimension() != 2) throw new IllegalStateException("log-determinant maps need a 2-D flow");
        Stages s = stages(m, grid.centres(), Stages.Direction.TO_BASE);
        int k = s.count();
        float[][] out = new float[k][grid.cells()];
        for (int j = 0; j < k; j++) {
            double[] before = s.logDet().get(j);
            double[] after = s.logDet().get(j + 1);
            for (int c = 0; c < out[j].length; c++) out[j][c] = (float) (after[c] - before[c]);
        }
        return out;
    }

    /**
     * Points along a square lattice of lines over a rectangle, to carry through {@link #stages} and draw as
     * polylines: {@code lines} horizontal lines (y = ymin … ymax, evenly spaced, bottom first), then {@code lines}
     * vertical ones (x = xmin … xmax, left first), each {@code pointsPerLine} consecutive rows from left to right or
     * bottom to top. Row of point p on line l: {@code l·pointsPerLine + p}; (2·lines·pointsPerLine)×2 in all.
     */
    public static FMatrixRMaj gridLines(Grid2D area, int lines, int pointsPerLine) {
        if (lines < 2 || pointsPerLine < 2 || (long) 2 * lines * pointsPerLine > Grid2D.MAX_CELLS) {
            throw new IllegalArgumentException("need ≥ 2 lines of ≥ 2 points (at most " + Grid2D.MAX_CELLS + " points), got "
                    + lines + " × " + pointsPerLine);
        }
        FMatrixRMaj p = new FMatrixRMaj(2 * lines * pointsPerLine, 2);
        for (int l = 0; l < lines; l++) {
            double fixedY = area.ymin() + (area.ymax() - area.ymin()) * l / (lines - 1);
            double fixedX = area.xmin() + (area.xmax() - area.xmin()) * l / (lines - 1);
            for (int q = 0; q < pointsPerLine; q++) {
                double t = (double) q / (pointsPerLine - 1);
                int h = l * pointsPerLine + q;
                int v = (lines + l) * pointsPerLine + q;
                p.set(h, 0, (float) (area.xmin() + t * (area.xmax() - area.xmin())));
                p.set(h, 1, (float) fixedY);
                p.set(v, 0, (float) fixedX);
                p.set(v, 1, (float) (area.ymin() + t * (area.ymax() - area.ymin())));
            }
        }
        return p;
    }

    /** max over rows and variables of |f⁻¹(f(x)) − x|: how exactly the flow inverts on these points. */
    public static double inverseError(FlowModel m, FMatrixRMaj x) {
        return RoundTrip.measure(m, x).all();
    }

    private static void check(FlowModel m, FMatrixRMaj x) {
        if (x.numCols != m.dimension()) throw new IllegalArgumentException("points have " + x.numCols + " columns; the flow models " + m.dimension());
    }
}
