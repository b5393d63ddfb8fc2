package org.genscope.ui.wta;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleConsumer;
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
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Dataset;
import org.genscope.data.ShippedImages;
import org.genscope.nn.Mat;
import org.genscope.ui.common.BackgroundTask;
import org.genscope.ui.common.UiExecutor;
import org.genscope.wta.LinearProbe;
import org.genscope.wta.ProbeResult;
import org.genscope.wta.WtaAutoencoder;

/**
 * The Features tab's state: the paper's measure of a representation (Makhzani &amp; Frey 2015, Tables 1–2) — a
 * linear softmax classifier fitted on the features of the labelled 10k MNIST sample and tested on MNIST t10k —
 * run off the FX thread with its progress, and a table of every result this session: raw pixels (once, as the
 * baseline), then each model probed (so a plain autoencoder and a WTA trained one after the other sit side by side).
 */
final class FeatureProbe {
    /** One line of the comparison table. */
    record Row(String features, int dimension, double testError, int wrong, int tested) {}

    /** Classifier epochs: enough for the held-out error to level off on these features. */
    static final int EPOCHS = 20;
    /** Images per feature batch (progress is reported after each). */
    private static final int CHUNK = 500;

    private final UiExecutor ui;
    private final StringProperty message;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final ObjectProperty<ProbeResult> latest = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private int epochs = EPOCHS;

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
            status.set(String.format(java.util.Locale.ROOT, "%s: test error %.2f%% (%,d of %,d t10k digits wrong).",
                    last.features(), 100 * last.testError(), last.wrong(), last.tested()));
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
        if (withPixels) {
            fx(() -> status.set("Raw pixels: fitting the classifier…"));
            ProbeResult raw = fit(labelled.x(), labelled, test.x(), test, p -> report(p * share));
            if (raw == null) return java.util.List.of();
            out.add(row("raw pixels", raw));
        }
        fx(() -> status.set("Computing the features of 20,000 images…"));
        double featureEnd = share + (1 - share) * 0.5;
        FMatrixRMaj trainF = features(m, labelled.x(), p -> report(share + (featureEnd - share) / 2 * p));
        FMatrixRMaj testF = features(m, test.x(), p -> report(share + (featureEnd - share) / 2 * (1 + p)));
        if (cancelled.get()) return java.util.List.of();
        fx(() -> status.set("Fitting the classifier on " + trainF.numCols + " features…"));
        ProbeResult r = fit(trainF, labelled, testF, test, p -> report(featureEnd + (1 - featureEnd) * p));
        if (r == null) return java.util.List.of();
        fx(() -> latest.set(r));
        out.add(row(name, r));
        return out;
    }

    private ProbeResult fit(FMatrixRMaj x, Dataset labelled, FMatrixRMaj tx, Dataset test, DoubleConsumer p) {
        LinearProbe.Settings s = LinearProbe.Settings.defaults().withEpochs(epochs);
        ProbeResult r = LinearProbe.fit(x, labelled.labels(), tx, test.labels(), 10, s, (done, total, loss, err) -> {
            p.accept((double) done / total);
            return !cancelled.get();
        });
        return cancelled.get() ? null : r;
    }

    /** The model's features of {@code x} in chunks, reporting the fraction done. */
    private FMatrixRMaj features(WtaAutoencoder m, FMatrixRMaj x, DoubleConsumer p) {
        FMatrixRMaj out = null;
        for (int from = 0; from < x.numRows && !cancelled.get(); from += CHUNK) {
            int to = Math.min(x.numRows, from + CHUNK);
            FMatrixRMaj f = m.features(Mat.rows(x, from, to));
            if (out == null) out = new FMatrixRMaj(x.numRows, f.numCols);
            System.arraycopy(f.data, 0, out.data, from * f.numCols, f.getNumElements());
            p.accept((double) to / x.numRows);
        }
        return out;
    }

    private static Row row(String name, ProbeResult r) {
        int tested = r.testCount();
        return new Row(name, r.features(), r.testError(), (int) Math.round(r.testError() * tested), tested);
    }

    private void report(double p) {
        fx(() -> progress.set(p));
    }

    private void fx(Runnable r) {
        ui.fx(r);
    }
}
