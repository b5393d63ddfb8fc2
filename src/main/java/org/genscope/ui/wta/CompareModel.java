package org.genscope.ui.wta;

import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.ShippedImages;
import org.genscope.ui.common.BackgroundTask;
import org.genscope.ui.common.UiExecutor;
import org.genscope.wta.Filters;
import org.genscope.wta.WtaAutoencoder;
import org.genscope.wta.WtaFile;
import org.genscope.wta.WtaPayload;
import org.genscope.wta.WtaTrainable;

/**
 * The Compare tab's state: a reference set of filters shown beside the training run's — kept from an earlier run
 * (train the plain conv AE, keep its filters, then train a Conv-WTA) or read from a saved model — so the delta
 * functions of an unregularised conv autoencoder and the strokes of a WTA one are seen on the same data side by side.
 */
final class CompareModel {
    /** Filters with their units' win rates on a probe batch, and what they are. */
    record FilterSet(String title, Filters filters, float[] winRate, float[] usage) {
        static FilterSet of(String title, WtaPayload p) {
            return new FilterSet(title, p.filters(), p.winRate(), p.usage());
        }
    }

    private final UiExecutor ui;
    private final StringProperty message;
    private final StringProperty error;
    private final ObjectProperty<FilterSet> reference = new SimpleObjectProperty<>();

    CompareModel(UiExecutor ui, StringProperty message, StringProperty error) {
        this.ui = ui;
        this.message = message;
        this.error = error;
    }

    ObjectProperty<FilterSet> referenceProperty() {
        return reference;
    }

    /** The shown run's latest filters become the reference. */
    void keep(WtaPayload p, String title) {
        if (p == null) return;
        reference.set(FilterSet.of(title, p));
        message.set("Kept the filters of " + title + " for comparison");
    }

    /** Reads a saved WTA model off the FX thread; its filters (and wins on MNIST t10k when 28×28) become the reference. */
    void open(Path file) {
        message.set("Reading " + file.getFileName() + "…");
        BackgroundTask.of(() -> {
            WtaAutoencoder m = WtaFile.load(file);
            FMatrixRMaj probe = probe(m);
            return FilterSet.of(file.getFileName() + ": " + WtaLabels.model(m.config()), WtaTrainable.payload(m, probe));
        }).onSuccess(s -> {
            reference.set(s);
            message.set("Comparing with " + s.title());
        }).onFailure(e -> {
            message.set("Could not open " + file.getFileName());
            error.set("Could not open the model to compare: " + BackgroundTask.describe(e));
        }).run(ui);
    }

    /** The first {@value ActivityModel#BATCH} t10k digits for a 28×28 model; a blank batch for other sizes. */
    private static FMatrixRMaj probe(WtaAutoencoder m) throws Exception {
        if (m.config().inputs() == 28 * 28) {
            return org.genscope.nn.Mat.rows(ShippedImages.test().x(), 0, ActivityModel.BATCH);
        }
        return new FMatrixRMaj(ActivityModel.BATCH, m.config().inputs());
    }
}
