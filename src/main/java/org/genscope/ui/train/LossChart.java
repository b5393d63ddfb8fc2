package org.genscope.ui.train;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.spi.DoubleDataSet;
import org.genscope.train.Curve;
import org.genscope.train.Snapshot;
import org.genscope.ui.common.Charts;
import org.genscope.ui.common.FxDataSet;
import org.genscope.ui.common.RobustZoom;

/**
 * Live training and validation curves of a job (ChartFX), fed from snapshots on the FX thread. The curves come
 * already thinned by the service (a bounded number of points), so a redraw per frame stays cheap. The y-axis shows
 * the curves' robust range (a lone spike does not flatten them; the latest values and the reference line are always
 * in view) until the user zooms; see {@link RobustZoom}.
 */
public final class LossChart extends XYChart {
    /** The validation curve's name: the run's own held-out data, not the Compare view's test sets. */
    public static final String VALIDATION = "validation (held out)";

    private final DoubleDataSet train;
    private final DoubleDataSet validation;
    private final DoubleDataSet reference = new FxDataSet("reference");
    private final RobustZoom view;
    private double referenceValue = Double.NaN;

    public LossChart(String title, String yLabel) {
        super(Charts.countAxis("optimizer step"), Charts.axis(yLabel));
        setTitle(title);
        train = new FxDataSet("train");
        validation = new FxDataSet(VALIDATION);
        getDatasets().addAll(train, validation);
        Charts.standard(this);
        view = Charts.zoomable(this);
        setPrefSize(420, 260);
        setMinSize(200, 160);
        Charts.linesOnly(this);
    }

    public void show(Snapshot<?> s) {
        show(s.trainCurve(), s.validationCurve(), s.totalSteps());
    }

    /** Other curves of the same run (a model's own, e.g. the terms of a loss), over a run of {@code totalSteps}. */
    public void show(Curve trainCurve, Curve validationCurve, long totalSteps) {
        if (trainCurve.size() == 0) {              // e.g. a model shown before training: one lone point, no curve yet
            clear();
            return;
        }
        set(train, trainCurve);
        set(validation, validationCurve);
        if (Double.isFinite(referenceValue)) {
            reference.set(new double[] {0, Math.max(1, totalSteps)}, new double[] {referenceValue, referenceValue});
        }
    }

    /**
     * A horizontal line at {@code value} named {@code name} (e.g. the data's true entropy, the best NLL any model
     * can reach); null removes it.
     */
    public void setReference(String name, double value) {
        getDatasets().remove(reference);
        referenceValue = name == null ? Double.NaN : value;
        if (name != null) {
            reference.setName(name);
            reference.clearData();
            getDatasets().add(reference);
        }
    }

    /** The zoom and y-range controller: reset to the robust view, or show every point. */
    public RobustZoom view() {
        return view;
    }

    /** Empties the curves for a new run, back in the robust view. */
    public void clear() {
        train.clearData();
        validation.clearData();
        view.reset();
    }

    private static void set(DoubleDataSet ds, Curve c) {
        ds.set(c.steps(), c.values());
    }
}
