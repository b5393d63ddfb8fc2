package org.genscope.ui.wta;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.genscope.compare.ProbeSelection;
import org.genscope.data.Dataset;
import org.genscope.data.ShippedImages;
import org.genscope.ui.common.BackgroundTask;
import org.genscope.ui.common.UiExecutor;
import org.genscope.wta.ProbeResult;
import org.genscope.wta.WtaAutoencoder;

/**
 * The Features tab's state: the paper's measure of a representation (Makhzani &amp; Frey 2015, Tables 1–2) — a
 * linear softmax classifier fitted on the features of the labelled 10k MNIST sample and tested on MNIST t10k, its
 * weight decay chosen on held-out labels: {@link ProbeSelection}, as in the Compare view and {@code genscope eval wta}
 * (the same figure for the same model) — run off the FX thread with its progress, and a table of every result this session: raw pixels (once, as the
 * baseline), then each model probed (so a plain autoencoder and a WTA trained one after the other sit side by side).
 */
final class FeatureProbe {
    /** One line of the comparison table, with the weight decay chosen on held-out labels. */
    record Row(String features, int dimension, double testError, int wrong, int tested, double decay) {}

    private final UiExecutor ui;
    private final StringProperty message;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final ObjectProperty<ProbeResult> latest = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicLong shown = new AtomicLong(-1);
    private int epochs = ProbeSelection.EPOCHS;

    FeatureProbe(UiExecutor ui, StringProperty message) {
        this.ui = ui;
        this.message = message;
    }

    ObservableList<Row> rows() {
        return rows;
    }

    DoubleProperty progressProperty() {
        return progress;
    }

    BooleanProperty runningProperty() {
        return running;
    }

    /** The latest model's result (its confusion matrix is drawn), or null. */
    ObjectProperty<ProbeResult> latestProperty() {
        return latest;
    }

    StringProperty statusProperty() {
        return status;
    }

    /** Fewer epochs for tests. */
    void setEpochs(int e) {
        epochs = e;
    }

    void cancel() {
        cancelled.set(true);
    }

    /**
     * Fits and tests the classifier on the features of {@code model} (a copy being taken), named {@code name} in the
     * table; the first time also on raw pixels. Refused unless the model takes 28×28 images.
     */
    void run(CompletableFuture<WtaAutoencoder> model, String name) {
        if (running.get()) return;
        if (model == null) {
            status.set("Train a model (or open one) first: the classifier reads its features.");
            return;
        }
        boolean withPixels = rows.stream().noneMatch(r -> r.features().startsWith("raw pixels"));
        running.set(true);
        cancelled.set(false);
        shown.set(-1);
        progress.set(0);
        status.set("Reading MNIST…");
        BackgroundTask.of(() -> probe(model, name, withPixels)).onSuccess(result -> {
            running.set(false);
            progress.set(1);
            if (result.isEmpty()) {
                status.set("Cancelled.");
                return;
            }
            rows.addAll(result);
            Row last = result.get(result.size() - 1);
            status.set(String.format(java.util.Locale.ROOT, "%s: test error %.2f%% (%,d of %,d t10k digits wrong; weight "
                    + "decay %s chosen on the held-out labels).", last.features(), 100 * last.testError(), last.wrong(),
                    last.tested(), last.decay()));
            message.set("Linear classifier on " + last.features() + " done");
        }).onFailure(e -> {
            running.set(false);
            progress.set(0);
            status.set("The classifier could not run: " + BackgroundTask.describe(e));
        }).run(ui);
    }

    /** Background: [raw pixels row,] model row; an empty list when cancelled. */
    private java.util.List<Row> probe(CompletableFuture<WtaAutoencoder> model, String name, boolean withPixels)
            throws Exception {
        Dataset labelled = ShippedImages.labelled();
        Dataset test = ShippedImages.test();
        WtaAutoencoder m = model.get();
        if (m.config().inputs() != labelled.dimension()) {
            throw new IllegalArgumentException("the classifier uses MNIST (28×28); this model takes "
                    + m.config().height() + "×" + m.config().width() + " images");
        }
        java.util.List<Row> out = new java.util.ArrayList<>();
        double share = withPixels ? 0.3 : 0;
        try {
            if (withPixels) {
                fx(() -> status.set("Raw pixels: fitting the classifier…"));
                ProbeSelection raw = ProbeSelection.select(labelled.x(), labelled, test.x(), test, epochs, 0, "raw pixels",
                        f -> report(share * f));
                out.add(row("raw pixels", raw));
            }
            fx(() -> status.set("Computing the features of 20,000 images, then fitting the classifier…"));
            ProbeSelection p = ProbeSelection.run(m, epochs, name, f -> report(share + (1 - share) * f));
            fx(() -> latest.set(p.best()));
            out.add(row(name, p));
        } catch (CancellationException e) {
            return java.util.List.of();
        }
        return out;
    }

    private static Row row(String name, ProbeSelection p) {
        ProbeResult r = p.best();
        int tested = r.testCount();
        return new Row(name, r.features(), r.testError(), (int) Math.round(r.testError() * tested), tested, p.decay());
    }

    /** Shows the fraction done (at most one update per 0.1%); false once cancelled. */
    private boolean report(double p) {
        long permille = Math.round(1000 * p);
        if (permille != shown.getAndSet(permille)) fx(() -> progress.set(permille / 1000.0));
        return !cancelled.get();
    }

    private void fx(Runnable r) {
        ui.fx(r);
    }
}
