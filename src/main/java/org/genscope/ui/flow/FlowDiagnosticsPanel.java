package org.genscope.ui.flow;

import static org.genscope.ui.common.FormLabels.muted;
import static org.genscope.ui.common.FormLabels.section;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.genscope.data.Grid2D;
import org.genscope.flow.DirectionTiming;
import org.genscope.flow.FlowModel;
import org.genscope.flow.RoundTrip;
import org.genscope.ui.common.BackgroundTask;
import org.genscope.ui.common.LatestWins;
import org.genscope.ui.common.UiExecutor;
import org.genscope.ui.common.Colormap;
import org.genscope.ui.common.DensityView;
import org.genscope.ui.common.HeatMap;

/**
 * Diagnostics per layer of a 2-D flow: log|det J_k| of every layer as a heat map over x (one shared symmetric
 * scale, diverging colours centred at 0), their sum log|det ∂z/∂x|, the model density on a
 * {@value DiagnosticsReport#DENSITY_CELLS}² grid with the measured time to evaluate it (background thread) and to
 * draw it (FX thread, around the heat map update), the inverse error max |f⁻¹(f(x)) − x| with a verdict
 * (judged where the base density lives, see {@link RoundTrip}), and on
 * demand the measured cost of density evaluation versus sampling ({@link DirectionTiming}), so the MAF/IAF
 * trade-off is seen rather than told.
 *
 * <p>{@link #show} may be called as often as snapshots arrive: the work runs on the given executor, requests
 * coalesce latest-wins (at most one computation at a time, then the newest waiting one), and a result that a newer
 * request has overtaken is dropped. The FX thread never waits on it.
 */
public final class FlowDiagnosticsPanel extends VBox {
    /** Inverse errors up to this are reported as OK (float32 arithmetic through the layers). */
    public static final double INVERSE_OK = 1e-4;
    /** Points per direction for the density-versus-sampling measurement. */
    public static final int MEASURE_POINTS = 2_000;

    private record Request(FlowModel model, Grid2D grid) {}

    private record Computed(FlowModel model, DiagnosticsReport report) {}

    private final UiExecutor ui;
    private final LatestWins<Request, Computed> maps;
    private FlowModel timingModel;
    private DiagnosticsReport report;
    private DirectionTiming timing;
    private double drawMillis = Double.NaN;
    private boolean measuring;

    private final Label status = muted("No model yet: train or open a 2-D flow.");
    private final DensityView density = new DensityView();
    private final HeatMap total = new HeatMap();
    private final ColorLegend totalLegend = new ColorLegend();
    private final LogDetGrid layerGrid = new LogDetGrid();
    private final ColorLegend layerLegend = new ColorLegend();
    private final Label hover = muted(" ");
    private final Label inverse = new Label("—");
    private final Label inverseValue = new Label(" ");
    private final Label inverseDetail = muted(" ");
    private final Label speed = new Label("—");
    private final Button measure = new Button("Measure");
    private final TimingBars bars = new TimingBars();
    private static final String TIMING_HINT = "Times both directions on " + String.format(Locale.ROOT, "%,d", MEASURE_POINTS) + " points.";
    private final Label timingText = muted(TIMING_HINT);

    /** @param ui where the diagnostics and timings are computed (the app's background work) */
    public FlowDiagnosticsPanel(UiExecutor ui) {
        this.ui = ui;
        this.maps = new LatestWins<>(ui, r -> new Computed(r.model(), DiagnosticsReport.compute(r.model(), r.grid())),
                c -> apply(c.model(), c.report()),
                e -> status.setText("Could not compute the diagnostics: " + BackgroundTask.describe(e)));
        getStyleClass().add("flow-diagnostics");
        setSpacing(10);
        setPadding(new Insets(12));
        total.setColormap(Colormap.DIVERGING);
        total.setMinSize(80, 80);
        density.setMinSize(80, 80);
        VBox left = new VBox(4, section("Model density p(x)"), density, section("Total log|det ∂z/∂x| = Σₖ log|det Jₖ|"),
                total, totalLegend);
        VBox.setVgrow(density, Priority.ALWAYS);
        VBox.setVgrow(total, Priority.ALWAYS);
        left.setStyle("-fx-min-width: 14em; -fx-pref-width: 21em; -fx-max-width: 21em;");   // em: grows with presenter type
        Label caption = muted("Red: the layer expands volume on the way to the base, raising p(x) there; blue: it "
                + "contracts; white: volume kept. One colour scale for all layers.");
        VBox right = new VBox(4, section("log|det Jₖ| of each layer over x"), layerGrid, layerLegend, caption);
        VBox.setVgrow(layerGrid, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        total.setOnHover((r, c) -> {
            if (report != null) hoverText(r, c, "total", report.total());
        });
        layerGrid.setOnHover((k, r, c) -> {
            if (report != null) hoverText(r, c, k < 0 ? "" : report.titles().get(k), k < 0 ? null : report.layerLogDets()[k]);
        });
        HBox maps = new HBox(14, left, right);
        VBox.setVgrow(maps, Priority.ALWAYS);

        inverse.setId("flow-inverse-verdict");
        inverseValue.setId("flow-inverse-error");
        inverseValue.setWrapText(true);
        inverseValue.setMinHeight(Region.USE_PREF_SIZE);
        speed.setId("flow-speed");
        speed.setWrapText(true);
        speed.setMinHeight(Region.USE_PREF_SIZE);
        measure.setId("flow-measure");
        measure.setMinWidth(Region.USE_PREF_SIZE);
        measure.setDisable(true);
        measure.setOnAction(e -> measure());
        timingText.setId("flow-timing");
        // cards keep a readable width (in em, so they grow with presenter type) and wrap to a second row when narrow
        FlowPane cards = new FlowPane(10, 10,
                card("Inverse", inverse, inverseValue, inverseDetail),
                card("Evaluate and draw", speed),
                card("Density vs sampling", new HBox(8, measure, timingText), bars));
        cards.prefWrapLengthProperty().bind(widthProperty().subtract(24));
        status.setId("flow-diagnostics-status");
        getChildren().addAll(status, maps, hover, cards);
    }



    private static VBox card(String title, javafx.scene.Node... body) {
        Label t = new Label(title);
        t.getStyleClass().add("card-title");
        VBox box = new VBox(6, t);
        box.getChildren().addAll(body);
        box.getStyleClass().add("card");
        box.setStyle("-fx-pref-width: 19em; -fx-min-width: 14em;");
        return box;
    }

    // ---- requests ----

    /**
     * Shows the diagnostics of {@code modelCopy} over {@code dataGrid}'s rectangle (its resolution is not used: the
     * maps are {@value DiagnosticsReport#MAP_CELLS}², the density {@value DiagnosticsReport#DENSITY_CELLS}²). The
     * panel owns the model from now on: pass a copy nobody else uses. FX thread; returns at once.
     */
    public void show(FlowModel modelCopy, Grid2D dataGrid) {
        if (modelCopy.dimension() != 2) {
            maps.cancel();
            status.setText("Diagnostics need a 2-D flow; this one models " + modelCopy.dimension() + " variables.");
            return;
        }
        boolean otherFlow = timingModel == null || !timingModel.spec().layersText().equals(modelCopy.spec().layersText());
        timingModel = modelCopy.copy();             // the measurement's own copy: never shared with the maps' thread
        if (otherFlow && !measuring) {              // timings of another flow would be shown as this one's
            timing = null;
            bars.set(null);
            timingText.setText(TIMING_HINT);
        }
        measure.setDisable(measuring);
        if (report == null) status.setText("Computing the diagnostics of " + modelCopy.spec().describe() + "…");
        maps.submit(new Request(modelCopy, dataGrid));
    }

    private void apply(FlowModel model, DiagnosticsReport d) {
        report = d;
        Grid2D dg = d.densityGrid();
        // draw time: the heat map update on the FX thread (colour mapping, pixel upload, canvas draw call)
        long t0 = System.nanoTime();
        density.setDensity(DiagnosticsReport.topDown(d.density(), dg), dg.ny(), dg.nx(), dg.xmin(), dg.xmax(), dg.ymin(), dg.ymax());
        drawMillis = (System.nanoTime() - t0) / 1e6;
        Grid2D g = d.maps();
        double totalRange = 0;
        for (float v : d.total()) if (Float.isFinite(v)) totalRange = Math.max(totalRange, Math.abs(v));
        totalRange = totalRange > 0 ? totalRange : 1;
        total.setRange(-totalRange, totalRange);
        total.setData(DiagnosticsReport.topDown(d.total(), g), g.ny(), g.nx());
        totalLegend.set(Colormap.DIVERGING, -totalRange, totalRange);
        double range = d.layerRange() > 0 ? d.layerRange() : 1;
        layerLegend.set(Colormap.DIVERGING, -range, range);
        layerGrid.show(d.titles(), d.layerLogDets(), g, range);
        RoundTrip rt = d.roundTrip();
        boolean judged = rt.typicalCount() > 0;
        double verdictError = judged ? rt.typical() : rt.all();
        boolean ok = verdictError <= INVERSE_OK;
        inverse.setText(ok ? "OK" : "TOO LARGE");
        inverse.getStyleClass().removeAll("verdict-pass", "verdict-fail");
        inverse.getStyleClass().add(ok ? "verdict-pass" : "verdict-fail");
        inverseValue.setText(judged
                ? String.format(Locale.ROOT, "max |f⁻¹(f(x)) − x| = %.1e where ‖z‖ ≤ %.0f (%,d of %,d points)",
                        rt.typical(), RoundTrip.TYPICAL_RADIUS, rt.typicalCount(), g.cells())
                : String.format(Locale.ROOT, "max |f⁻¹(f(x)) − x| = %.1e over %,d points (none lands within ‖z‖ ≤ %.0f)",
                        rt.all(), g.cells(), RoundTrip.TYPICAL_RADIUS));
        String far = rt.all() > INVERSE_OK && judged
                ? String.format(Locale.ROOT, "All points: %.1e; far from the data x lands at ‖z‖ up to %.1e, where float32 "
                        + "numbers are ~%.0e apart. ", rt.all(), rt.maxBaseNorm(), Math.ulp((float) Math.min(rt.maxBaseNorm(), Float.MAX_VALUE)))
                : String.format(Locale.ROOT, "All points: %.1e. ", rt.all());
        inverseDetail.setText(far + String.format(Locale.ROOT, "OK up to %.0e.", INVERSE_OK));
        inverseDetail.setWrapText(true);
        inverseDetail.setMinHeight(Region.USE_PREF_SIZE);
        speed.setText(String.format(Locale.ROOT, "p(x) on %d×%d = %,d points through %d layers: evaluate %.1f ms "
                + "(background), draw %.2f ms (FX thread)", dg.nx(), dg.ny(), dg.cells(), d.titles().size(),
                d.evalMillis(), drawMillis));
        status.setText(model.spec().describe());
    }

    private void hoverText(int row, int col, String what, float[] values) {
        if (row < 0 || report == null) {
            hover.setText(" ");
            return;
        }
        Grid2D g = report.maps();
        int iy = g.ny() - 1 - row;
        hover.setText(String.format(Locale.ROOT, "%s at x = (%.2f, %.2f): log|det| = %.3f", what,
                g.xmin() + (col + 0.5) * g.dx(), g.ymin() + (iy + 0.5) * g.dy(), values[iy * g.nx() + col]));
    }

    // ---- density versus sampling ----

    private void measure() {
        FlowModel m = timingModel;
        boolean ar = DiagnosticsReport.autoregressive(m);
        measuring = true;
        measure.setDisable(true);
        timingText.setText("Measuring…");
        BackgroundTask.of(() -> DirectionTiming.measure(m, MEASURE_POINTS, 3, 1)).onSuccess(t -> showTiming(t, ar))
                .onFailure(e -> {
                    measuring = false;
                    measure.setDisable(false);
                    timingText.setText("Could not measure: " + BackgroundTask.describe(e));
                }).run(ui);
    }

    private void showTiming(DirectionTiming t, boolean autoregressive) {
        measuring = false;
        measure.setDisable(false);
        bars.set(t);
        String head = String.format(Locale.ROOT, "%,d points: density %.1f ms, sampling %.1f ms (%.1f×). ", t.n(),
                t.densitySeconds() * 1e3, t.samplingSeconds() * 1e3, t.samplingOverDensity());
        timingText.setText(head + (autoregressive
                ? String.format(Locale.ROOT, "MADE passes: %d for the density, %d for sampling.", t.densityPasses(), t.samplingPasses())
                : "No MAF or IAF layers: every layer inverts in closed form, one pass per layer either way."));
        timing = t;
    }

    // ---- read-outs (FX thread), for the workspace and tests ----

    /**
     * The last applied report's inverse error where the verdict looks (‖z‖ ≤ {@link RoundTrip#TYPICAL_RADIUS}, or
     * every point if none lands there), or NaN before the first.
     */
    public double inverseError() {
        if (report == null) return Double.NaN;
        RoundTrip rt = report.roundTrip();
        return rt.typicalCount() > 0 ? rt.typical() : rt.all();
    }

    /** Milliseconds to evaluate the density grid (background) and to draw it (FX thread); NaN before the first. */
    public double[] densityMillis() {
        return report == null ? new double[] {Double.NaN, Double.NaN} : new double[] {report.evalMillis(), drawMillis};
    }

    /** The last density-versus-sampling measurement, or null. */
    public DirectionTiming timing() {
        return timing;
    }

    /** How many per-layer maps are shown. */
    public int layerCount() {
        return layerGrid.count();
    }
}
