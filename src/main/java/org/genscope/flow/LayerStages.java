package org.genscope.flow;

import java.util.Arrays;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Grid2D;
import org.genscope.nn.Rng;

/**
 * The generative warp of a 2-D flow, stage by stage, ready to draw: a grid of lines and a cloud of points in base
 * space carried through the layers towards data space ({@link Stages.Direction#TO_DATA}, one pass of
 * {@link FlowDiagnostics#stages}), and at every stage the exact density of the intermediate variable
 * ({@link FlowDiagnostics#stageDensity}) on a grid around that stage's points, with view bounds that ignore
 * outliers. Stage 0 is the base, stage K the data; {@link #at} interpolates between stages.
 *
 * <p>Immutable; accessors return copies. {@link #compute} is pure math and takes a while (tens to hundreds of
 * milliseconds for 8 coupling layers): call it off the FX thread, on a model no other thread uses meanwhile
 * (e.g. {@link FlowModel#copy()} or a training payload's private copy).
 */
public final class LayerStages {
    /** Each density grid extends this fraction of its view's span beyond the view on every side. */
    public static final double OVERSCAN = 0.2;

    /**
     * What to carry and where to look.
     *
     * @param lines         lines per axis of the base-space grid
     * @param pointsPerLine points along each line
     * @param extent        the grid covers μ ± extent·σ of the base on each axis
     * @param cloud         base samples carried along
     * @param seed          seeds the base samples
     * @param densityCells  cells per side of each stage's density grid (which spans 1 + 2·{@link #OVERSCAN} views)
     * @param tail          each view bound ignores this fraction of the points on each side (robust percentiles)
     * @param margin        each view is widened by this fraction of its span on each side
     */
    public record Settings(int lines, int pointsPerLine, double extent, int cloud, long seed, int densityCells,
                           double tail, double margin) {
        public static final Settings DEFAULT = new Settings(21, 60, 3.0, 500, 1, 96, 0.01, 0.15);

        public Settings {
            if (lines < 2 || pointsPerLine < 2 || cloud < 1 || densityCells < 2 || (long) lines * pointsPerLine > 1_000_000
                    || cloud > 1_000_000 || densityCells > 1000) {
                throw new IllegalArgumentException("bad stage settings: " + lines + " lines × " + pointsPerLine + " points, "
                        + cloud + " samples, " + densityCells + " density cells");
            }
            if (!(extent > 0) || !(tail >= 0 && tail < 0.5) || !(margin >= 0)) {
                throw new IllegalArgumentException("need extent > 0, 0 ≤ tail < ½, margin ≥ 0; got " + extent + ", " + tail + ", " + margin);
            }
        }
    }

    /**
     * The warp at a fractional stage: every coordinate linearly interpolated between the two stages around it.
     *
     * @param lines  line vertices, interleaved (x, y); line l, vertex p at index 2·(l·pointsPerLine + p)
     * @param points the cloud, interleaved (x, y)
     * @param view   {xmin, xmax, ymin, ymax}
     */
    public record Frame(float[] lines, float[] points, double[] view) {}

    private final int k;
    private final int lineCount;
    private final int pointsPerLine;
    private final float[][] lines;
    private final float[][] points;
    private final double[][] views;
    private final Grid2D[] grids;
    private final float[][] densities;
    private final String[] layerNames;
    private final int[] layerIndices;

    private LayerStages(int k, int lineCount, int pointsPerLine, float[][] lines, float[][] points, double[][] views,
                        Grid2D[] grids, float[][] densities, String[] layerNames, int[] layerIndices) {
        this.k = k;
        this.lineCount = lineCount;
        this.pointsPerLine = pointsPerLine;
        this.lines = lines;
        this.points = points;
        this.views = views;
        this.grids = grids;
        this.densities = densities;
        this.layerNames = layerNames;
        this.layerIndices = layerIndices;
    }

    /** {@link #compute(FlowModel, Settings)} with {@link Settings#DEFAULT}. */
    public static LayerStages compute(FlowModel model) {
        return compute(model, Settings.DEFAULT);
    }

    /** Carries the grid and the cloud through every layer of a 2-D flow and evaluates every stage's density. */
    public static LayerStages compute(FlowModel model, Settings s) {
        if (model.dimension() != 2) {
            throw new IllegalArgumentException("the layer-by-layer view needs a 2-D flow; this one has " + model.dimension() + " variables");
        }
        FMatrixRMaj grid = baseGrid(model.base(), s);
        FMatrixRMaj cloud = model.base().sample(s.cloud(), new Rng(s.seed()));
        // one batch: grid vertices first, then the cloud
        FMatrixRMaj both = new FMatrixRMaj(grid.numRows + cloud.numRows, 2);
        System.arraycopy(grid.data, 0, both.data, 0, grid.data.length);
        System.arraycopy(cloud.data, 0, both.data, grid.data.length, cloud.data.length);
        Stages st = FlowDiagnostics.stages(model, both, Stages.Direction.TO_DATA);
        int k = st.count();
        float[][] lines = new float[k + 1][];
        float[][] points = new float[k + 1][];
        double[][] views = new double[k + 1][];
        Grid2D[] grids = new Grid2D[k + 1];
        float[][] densities = new float[k + 1][];
        for (int stage = 0; stage <= k; stage++) {
            float[] all = st.points().get(stage).data;
            lines[stage] = Arrays.copyOfRange(all, 0, grid.data.length);
            points[stage] = Arrays.copyOfRange(all, grid.data.length, all.length);
            views[stage] = robustView(points[stage], s.tail(), s.margin());
            double[] v = views[stage];
            // the density covers the view widened by OVERSCAN on each side, so a camera gliding to a neighbour
            // stage still sees density rather than the image's edge
            double ox = OVERSCAN * (v[1] - v[0]);
            double oy = OVERSCAN * (v[3] - v[2]);
            grids[stage] = new Grid2D(v[0] - ox, v[1] + ox, v[2] - oy, v[3] + oy, s.densityCells(), s.densityCells());
            densities[stage] = FlowDiagnostics.stageDensity(model, stage, grids[stage]);
        }
        int[] order = st.layers();
        String[] names = new String[k];
        for (int step = 0; step < k; step++) names[step] = model.layers().get(order[step]).describe().replaceFirst("^layer\\d+\\.", "");
        return new LayerStages(k, 2 * s.lines(), s.pointsPerLine(), lines, points, views, grids, densities, names, order);
    }

    /**
     * 2·lines lines over μ ± extent·σ: first the vertical ones (constant x, left to right, y rising along the line),
     * then the horizontal ones (constant y, bottom to top, x rising).
     */
    private static FMatrixRMaj baseGrid(GaussianBase base, Settings s) {
        float[] mu = base.mean();
        float[] ls = base.logStd();
        int n = s.lines();
        int m = s.pointsPerLine();
        FMatrixRMaj g = new FMatrixRMaj(2 * n * m, 2);
        for (int l = 0; l < 2 * n; l++) {
            int fixed = l < n ? 0 : 1;
            double across = -s.extent() + 2 * s.extent() * (l % n) / (n - 1);
            for (int p = 0; p < m; p++) {
                double along = -s.extent() + 2 * s.extent() * p / (m - 1);
                int row = l * m + p;
                // x_j = μ_j + σ_j u_j
                g.data[2 * row + fixed] = (float) (mu[fixed] + Math.exp(ls[fixed]) * across);
                g.data[2 * row + 1 - fixed] = (float) (mu[1 - fixed] + Math.exp(ls[1 - fixed]) * along);
            }
        }
        return g;
    }

    /**
     * A square view {xmin, xmax, ymin, ymax} around the [tail, 1 − tail] percentiles of the finite points on each
     * axis, widened by margin × span on each side; [−3, 3]² if no point is finite.
     */
    static double[] robustView(float[] xy, double tail, double margin) {
        double[] lo = new double[2];
        double[] hi = new double[2];
        for (int c = 0; c < 2; c++) {
            double[] v = new double[xy.length / 2];
            int n = 0;
            for (int i = c; i < xy.length; i += 2) if (Float.isFinite(xy[i])) v[n++] = xy[i];
            if (n == 0) return new double[] {-3, 3, -3, 3};
            Arrays.sort(v, 0, n);
            lo[c] = v[(int) Math.floor(tail * (n - 1))];
            hi[c] = v[(int) Math.ceil((1 - tail) * (n - 1))];
        }
        double half = Math.max(hi[0] - lo[0], hi[1] - lo[1]) * (0.5 + margin);
        half = Math.max(half, 1e-3 * Math.max(1, Math.max(Math.abs(lo[0]), Math.abs(lo[1]))));
        double cx = (lo[0] + hi[0]) / 2;
        double cy = (lo[1] + hi[1]) / 2;
        return new double[] {cx - half, cx + half, cy - half, cy + half};
    }

    /** K: stages run 0 (base) .. K (data). */
    public int count() {
        return k;
    }

    /** Lines in the grid (both directions). */
    public int lineCount() {
        return lineCount;
    }

    public int pointsPerLine() {
        return pointsPerLine;
    }

    /** Points in the cloud. */
    public int cloudSize() {
        return points[0].length / 2;
    }

    /** The grid's vertices at a stage, interleaved (x, y), line by line (see {@link Frame#lines}). */
    public float[] lines(int stage) {
        return lines[check(stage)].clone();
    }

    /** The cloud at a stage, interleaved (x, y); stage 0 is the base sample z, stage K is x = f⁻¹(z). */
    public float[] points(int stage) {
        return points[check(stage)].clone();
    }

    /** The view {xmin, xmax, ymin, ymax} of a stage: square, robust to outliers. */
    public double[] view(int stage) {
        return views[check(stage)].clone();
    }

    /** The grid on which {@link #density} is given (row 0 at the bottom, see {@link Grid2D}). */
    public Grid2D densityGrid(int stage) {
        return grids[check(stage)];
    }

    /** p_k, the exact density of the variable at this stage, at the centres of {@link #densityGrid}. */
    public float[] density(int stage) {
        return densities[check(stage)].clone();
    }

    /** Index (forward order, 0-based) of the layer whose inverse step {@code step} (1..K) applies. */
    public int layerIndex(int step) {
        if (step < 1 || step > k) throw new IllegalArgumentException("step must be 1.." + k + ", got " + step);
        return layerIndices[step - 1];
    }

    /** What step {@code step} (1..K) applies, e.g. "affine coupling (RealNVP), transforms x1 given x0". */
    public String layerName(int step) {
        layerIndex(step);
        return layerNames[step - 1];
    }

    /**
     * A caption for a stage: "base", "after layer 3⁻¹: affine coupling (RealNVP), …", and for stage K
     * "data, after layer 1⁻¹: …". Layers are numbered 1..K in forward (data → base) order, as the spec lists them.
     */
    public String label(int stage) {
        check(stage);
        if (stage == 0) return "base";
        String after = "after layer " + (layerIndex(stage) + 1) + "⁻¹: " + layerName(stage);
        return stage == k ? "data, " + after : after;
    }

    /** The warp at t ∈ [0, K]: exactly stage t at integers, the linear interpolation between ⌊t⌋ and ⌈t⌉ between. */
    public Frame at(double t) {
        if (Double.isNaN(t)) throw new IllegalArgumentException("position is NaN");
        double c = Math.max(0, Math.min(k, t));
        int k0 = (int) Math.floor(c);
        double f = c - k0;
        if (f == 0) return new Frame(lines[k0].clone(), points[k0].clone(), views[k0].clone());
        return new Frame(lerp(lines[k0], lines[k0 + 1], f), lerp(points[k0], points[k0 + 1], f), lerp(views[k0], views[k0 + 1], f));
    }

    // (1 − f)·a + f·b
    private static float[] lerp(float[] a, float[] b, double f) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) out[i] = (float) ((1 - f) * a[i] + f * b[i]);
        return out;
    }

    private static double[] lerp(double[] a, double[] b, double f) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = (1 - f) * a[i] + f * b[i];
        return out;
    }

    private int check(int stage) {
        if (stage < 0 || stage > k) throw new IllegalArgumentException("stage must be 0.." + k + ", got " + stage);
        return stage;
    }
}
