package org.genscope.ui.vae;

import static org.genscope.ui.common.FormLabels.muted;
import static org.genscope.ui.common.FormLabels.section;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.genscope.ui.common.Charts;
import org.genscope.ui.common.FxDataSet;
import org.genscope.ui.common.OutOfDate;
import org.genscope.vae.Evaluation;
import org.genscope.vae.LatentStatistics;

/**
 * The Inside the bound tab: KL per latent unit as bars (active units in one colour, collapsed ones in another), and
 * the test split's evaluation — the ELBO and its two terms, the importance-sampled log-likelihood L_k, the gap
 * between them explained in one sentence, and the active units — with k, Evaluate, progress and Cancel.
 */
final class BoundPanel extends VBox {
    private final DefaultNumericAxis units = Charts.axis("latent unit j");
    private final DefaultNumericAxis kls = Charts.axis("KL_j (nats)");
    private final XYChart chart = new XYChart(units, kls);
    private final DoubleDataSet active = new FxDataSet("active units");
    private final DoubleDataSet collapsed = new FxDataSet("collapsed units");
    private final Label klTitle = section("KL per latent unit");
    private final Label[] values = new Label[7];
    private final Label gap = muted("");
    private final Label status = new Label();
    private final StringProperty stale = new SimpleStringProperty("");
    private final GridPane figures = new GridPane();
    final Button evaluate = new Button("Evaluate on the test set");
    final Button cancel = new Button("Cancel");
    private long step;
    private long shownStep = -1;
    private int shownUnits;

    BoundPanel(EvaluationViewModel vm) {
        getStyleClass().add("bound-panel");
        setPadding(new Insets(10, 12, 10, 12));
        setSpacing(6);
        setMinHeight(Region.USE_PREF_SIZE);             // scrolls rather than squashing the chart (presenter mode)
        Charts.wholeTicks(units, "");
        kls.setForceZeroInRange(true);                 // bars stand on 0
        chart.getDatasets().addAll(active, collapsed);
        Charts.standard(chart);
        Charts.bars(chart);
        chart.widthProperty().addListener((o, a, w) -> barWidth());
        chart.setTitle("KL(q(z_j|x) ‖ p(z_j)) per unit");
        chart.getStyleClass().add("unit-kl-chart");   // sized in base.css: ChartFX's chart.css overrides sizes set in code
        VBox.setVgrow(chart, Priority.ALWAYS);
        Label activity = muted("A unit is active when its mean μ_j(x) changes with x: Cov_x(E_q[z_j]) > 0.01 (Burda et "
                + "al. 2016). A collapsed unit has q(z_j|x) ≈ N(0, 1) for every x: it costs no KL and tells the decoder "
                + "nothing. Measured on the validation examples at each validation.");

        Spinner<Integer> k = new Spinner<>();
        k.setEditable(true);
        k.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 1_000_000, EvaluationViewModel.MAX_K, 500));
        k.getValueFactory().valueProperty().bindBidirectional(vm.kProperty());
        k.setPrefWidth(110);
        k.setTooltip(new Tooltip("k, the importance samples per test example for L_k = log (1/k) Σ p(x, z_i)/q(z_i|x): "
                + "1 to 5000. k = 1 is the ELBO; papers report k = 5000 (minutes on the whole test set)."));
        Label kLabel = new Label("Importance samples k");
        kLabel.setTooltip(k.getTooltip());
        kLabel.setMinWidth(Region.USE_PREF_SIZE);
        evaluate.getStyleClass().add("accent");
        evaluate.setTooltip(new Tooltip("Compute the ELBO, its terms and L_k on the test split for the model as it is now"));
        cancel.setTooltip(new Tooltip("Stop the evaluation (the figures shown stay)"));
        for (Button b : new Button[] {evaluate, cancel}) b.setMinWidth(Region.USE_PREF_SIZE);
        evaluate.disableProperty().bind(vm.runningProperty());
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        bar.setPrefWidth(160);
        FlowPane controls = new FlowPane(8, 6, kLabel, k, evaluate, cancel, bar);     // wraps when narrow
        controls.setAlignment(Pos.CENTER_LEFT);
        status.getStyleClass().add("error-text");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.errorProperty());

        String[] names = {"ELBO = E_q[log p(x|z)] − KL", "reconstruction E_q[log p(x|z)]", "KL(q(z|x) ‖ p(z))",
            "log p(x) ≈ L_k", "gap L_k − ELBO", "active units", "evaluated"};
        figures.getStyleClass().add("form-grid");
        for (int r = 0; r < names.length; r++) {
            Label name = new Label(names[r]);
            name.setMinWidth(Region.USE_PREF_SIZE);
            values[r] = new Label("—");
            values[r].getStyleClass().add("figure");
            values[r].setWrapText(true);                    // the last one is a sentence
            values[r].setMinHeight(Region.USE_PREF_SIZE);
            figures.addRow(r, name, values[r]);
        }
        gap.setMaxWidth(900);
        VBox results = new VBox(6, figures, gap);
        getChildren().addAll(klTitle, chart, activity, section("Evaluation on this run's test split (nats per example; the Compare view measures on its group's test set)"),
                controls, status, OutOfDate.wrap(results, stale));
        vm.figuresProperty().addListener((o, a, f) -> show(f));
        show(null);
    }

    /** The latest validation's KL per unit (null before the first), and the model's step for the stale note. */
    void showUnits(LatentStatistics s, long modelStep) {
        step = modelStep;
        if (s == null) return;
        double[] kl = s.klPerDimension();
        int n = kl.length;
        int a = s.activeUnits();
        // both series hold every unit (height 0 where the unit is of the other kind), so each is evenly spaced and
        // the bars take their width from the spacing of the units
        double[] x = new double[n];
        double[] ya = new double[n];
        double[] yc = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = j + 1;
            if (s.active(j)) ya[j] = kl[j];
            else yc[j] = kl[j];
        }
        // units 1 … L, one bar each, ticks on whole units only (2 units: ticks 1, 2 and not 1.2, 1.4, …)
        units.setAutoRanging(false);
        units.set(0.5, n + 0.5);
        units.setTickUnit(Math.max(1, Math.ceil(n / 10.0)));
        units.setMinorTickCount(0);
        active.set(x, ya);
        collapsed.set(x.clone(), yc);
        shownUnits = n;
        barWidth();
        klTitle.setText(String.format(Locale.ROOT, "KL per latent unit: %d of %d active (validation examples, %s)",
                a, n, VaeViewModel.modelAt(modelStep)));
        stale();
    }

    /** Bars 60% as wide as a unit's slot of the plot. */
    private void barWidth() {
        Charts.barWidth(chart, shownUnits);
    }

    /** A new run: no bars, no figures. */
    void clear() {
        active.clearData();
        collapsed.clearData();
        klTitle.setText("KL per latent unit");
        step = 0;
        shownUnits = 0;
    }

    private void show(EvaluationViewModel.Figures f) {
        shownStep = f == null ? -1 : f.step();
        if (f == null) {
            for (Label v : values) v.setText("—");
            gap.setText("Press Evaluate to compute the figures for the model as it is now.");
            stale.set("");
            return;
        }
        Evaluation e = f.evaluation();
        double elbo = e.meanElbo();
        double lk = e.meanLogLikelihood();
        values[0].setText(nats(elbo));
        values[1].setText(nats(e.meanReconstruction()));
        values[2].setText(nats(e.meanKl()));
        values[3].setText(nats(lk) + "   (k = " + String.format(Locale.ROOT, "%,d", e.samples()) + ")");
        values[4].setText(String.format(Locale.ROOT, "%.2f", lk - elbo));
        values[5].setText(f.active() + " of " + f.latent());
        values[6].setText(String.format(Locale.ROOT, "%,d examples of %s, %s, in %s", e.size(),
                f.examples(), VaeViewModel.modelAt(f.step()), seconds(f.seconds())));
        gap.setText(String.format(Locale.ROOT, "Since log p(x) = ELBO + KL(q(z|x) ‖ p(z|x)), the ELBO lies below the "
                + "log-likelihood by exactly how far the encoder's Gaussian q(z|x) is from the true posterior p(z|x); "
                + "L_k averages k importance weights p(x, z)/q(z|x) and so closes part of that gap — %.2f nats here — "
                + "reaching log p(x) as k grows.", lk - elbo));
        stale();
    }

    /** The figures say so when the model has trained on since they were computed. */
    private void stale() {
        stale.set(shownStep >= 0 && step > shownStep ? String.format(Locale.ROOT, "These figures are for the model at "
                + "step %,d; it has trained to step %,d since. Press Evaluate again.", shownStep, step) : "");
    }

    private static String nats(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replace('-', '−');
    }

    private static String seconds(double s) {
        return s < 60 ? String.format(Locale.ROOT, "%.1f s", s) : String.format(Locale.ROOT, "%d min %02d s", (long) s / 60, (long) s % 60);
    }
}
