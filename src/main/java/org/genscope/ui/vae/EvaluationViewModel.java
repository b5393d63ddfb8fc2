package org.genscope.ui.vae;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.genscope.compare.Evaluator;
import org.genscope.data.Dataset;
import org.genscope.ui.common.BackgroundTask;
import org.genscope.ui.common.UiExecutor;
import org.genscope.vae.Evaluation;
import org.genscope.vae.Vae;

/**
 * The "Evaluate" action of the Inside the bound tab, free of controls: the test split's ELBO, its two terms and the
 * importance-sampled log-likelihood L_k (Burda et al. 2016, eq. 8) with k up to {@value #MAX_K}, computed off the
 * FX thread on a copy of the model, with progress and Cancel.
 */
public final class EvaluationViewModel {
    /** The k papers report (Burda et al. 2016). */
    static final int MAX_K = 5000;
    /**
     * The figures of one evaluation.
     *
     * @param evaluation per-example terms (nats)
     * @param active     active units of the test codes (Burda et al.'s criterion)
     * @param latent     L
     * @param step       the model's optimizer step
     * @param seconds    how long it took
     * @param examples   what was evaluated, e.g. "binarized-mnist-test"
     */
    record Figures(Evaluation evaluation, int active, int latent, long step, double seconds, String examples) {}

    private final UiExecutor ui;
    private final ObjectProperty<Integer> k = new SimpleObjectProperty<>(MAX_K);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty error = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Figures> figures = new ReadOnlyObjectWrapper<>();
    private AtomicBoolean cancelled = new AtomicBoolean();

    public EvaluationViewModel(UiExecutor ui) {
        this.ui = ui;
    }

    /**
     * Evaluates {@code model} (a copy this view-model may keep) on {@code test}; a k out of 1..{@value #MAX_K} goes
     * to the error line instead.
     */
    void evaluate(Vae model, Dataset test, long step) {
        Integer samples = k.get();
        if (samples == null || samples < 1 || samples > MAX_K) {
            error.set("Importance samples k: 1 to " + MAX_K + " (k = 1 is the ELBO itself; papers report k = 5000).");
            return;
        }
        if (running.get()) return;
        error.set("");
        running.set(true);
        progress.set(0);
        AtomicBoolean cancel = new AtomicBoolean();
        cancelled = cancel;
        AtomicLong shown = new AtomicLong(-1);
        long t0 = System.nanoTime();
        BackgroundTask.of(() -> {
            // the importance samples of genscope eval vae and the Compare view: the same model, k and data give their figure
            Evaluation e = Evaluator.vae(model, test.x(), samples, Evaluator.SEED, (done, total) -> {
                long percent = 1000 * done / total;
                if (percent != shown.getAndSet(percent)) ui.fx(() -> progress.set(percent / 1000.0));
                return !cancel.get();
            });
            int active = model.latentStatistics(test.x()).activeUnits();
            return new Figures(e, active, model.latent(), step, (System.nanoTime() - t0) / 1e9, test.name());
        }).onSuccess(f -> {
            running.set(false);
            figures.set(f);
        }).onFailure(e -> {
            running.set(false);
            error.set(e instanceof CancellationException ? "Evaluation cancelled; the figures shown are the earlier ones."
                    : "Could not evaluate: " + BackgroundTask.describe(e));
        }).run(ui);
    }

    /** Stops a running evaluation after its current block of samples. */
    public void cancel() {
        cancelled.set(true);
    }

    /** A new run: its figures are not those of the last one. */
    void reset() {
        cancel();
        figures.set(null);
        error.set("");
    }

    public ObjectProperty<Integer> kProperty() {
        return k;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ReadOnlyObjectProperty<Figures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }
}
