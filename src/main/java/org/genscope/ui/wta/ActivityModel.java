package org.genscope.ui.wta;

import java.util.concurrent.CompletableFuture;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Dataset;
import org.genscope.ui.common.LatestWins;
import org.genscope.ui.common.UiExecutor;
import org.genscope.wta.WtaAutoencoder;
import org.genscope.wta.WtaPayload;
import org.genscope.wta.WtaTrainable;

/**
 * The Activity tab's state: which held-out image is looked at, and that image seen through a copy of the model —
 * its code before and after the winner-take-all rules, its reconstruction, and every unit's wins on the probe batch.
 * Lifetime sparsity is a rule on a mini-batch, so the image is passed inside a batch of {@value #BATCH} held-out
 * images (as in training); swapping it to the batch's first row changes no unit's winners, the rule being the same
 * for every order of the batch. Computed off the FX thread, newest request wins.
 */
final class ActivityModel {
    static final int BATCH = 100;

    private record Request(CompletableFuture<WtaAutoencoder> model, Dataset heldOut, int image) {}

    private final IntegerProperty image = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<WtaPayload> pass = new ReadOnlyObjectWrapper<>();
    private final LatestWins<Request, WtaPayload> passes;

    ActivityModel(UiExecutor ui) {
        passes = new LatestWins<>(ui, ActivityModel::compute, pass::set, e -> { });
    }

    /** The held-out image looked at (0-based). */
    IntegerProperty imageProperty() {
        return image;
    }

    /** The chosen image through the latest model copy, or null before any. */
    ReadOnlyObjectProperty<WtaPayload> passProperty() {
        return pass.getReadOnlyProperty();
    }

    /** Recomputes the pass for the chosen image with this model copy (being taken between two training steps). */
    void refresh(CompletableFuture<WtaAutoencoder> model, Dataset heldOut) {
        if (model == null || heldOut == null || heldOut.size() == 0) return;
        passes.submit(new Request(model, heldOut, Math.min(image.get(), heldOut.size() - 1)));
    }

    void clear() {
        passes.cancel();
        pass.set(null);
    }

    private static WtaPayload compute(Request r) {
        WtaAutoencoder m = r.model().join();
        return WtaTrainable.payload(m, batchWithFirst(r.heldOut(), r.image()));
    }

    /** The first {@value #BATCH} held-out images with image {@code i} as row 0 (swapped in, or put in row 0's place). */
    static FMatrixRMaj batchWithFirst(Dataset heldOut, int i) {
        int n = Math.min(BATCH, heldOut.size());
        int d = heldOut.dimension();
        FMatrixRMaj b = new FMatrixRMaj(n, d);
        System.arraycopy(heldOut.x().data, 0, b.data, 0, n * d);
        if (i > 0) {
            if (i < n) System.arraycopy(heldOut.x().data, 0, b.data, i * d, d);    // row 0's image takes row i
            System.arraycopy(heldOut.x().data, i * d, b.data, 0, d);
        }
        return b;
    }
}
