package org.genscope.ui.vae;

import static org.genscope.ui.common.FormLabels.muted;
import static org.genscope.ui.common.FormLabels.section;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.genscope.train.Snapshot;
import org.genscope.ui.common.Colormap;
import org.genscope.ui.common.DensityPair;
import org.genscope.ui.common.ImageGrid;
import org.genscope.ui.train.LossChart;
import org.genscope.ui.train.RunNote;
import org.genscope.vae.VaeConfig;
import org.genscope.vae.VaePayload;

/**
 * The Train tab, live: −ELBO (train and validation) and its two terms, reconstruction and KL, each in its own chart
 * (their scales differ tenfold); beside them fixed validation images over their reconstructions and decoded samples
 * of fixed prior codes — or, for 2-D data, the learned density p(x) beside the data with samples on top.
 */
final class VaeTrainingPanel extends VBox {
    /** Below this width the pictures go under the charts (presenter mode at 1280×800 leaves the tab about 640 px). */
    static final double SIDE_BY_SIDE = 720;
    private final LossChart elbo = new LossChart("−ELBO, the loss", "nats per example");
    private final LossChart reconstruction = new LossChart("Reconstruction", "−E_q[log p(x|z)], nats");
    private final LossChart kl = new LossChart("KL", "KL(q(z|x) ‖ p(z)), nats");
    private final ImageGrid pairs = new ImageGrid();
    private final ImageGrid samples = new ImageGrid();
    private final DensityPair twoD = new DensityPair("Data", "Model p(x) + samples");
    private final VBox right = new VBox(4);
    private final VBox charts;
    private final HBox row = new HBox(12);
    private final Label note = muted("Pick a preset or data and press Train.");
    private Boolean stacked;

    VaeTrainingPanel() {
        getStyleClass().add("vae-training");
        setPadding(new Insets(10, 12, 8, 12));
        setSpacing(8);
        elbo.setMinHeight(200);
        // the two terms side by side, 60:40, so the longer title ("Reconstruction") stays whole in presenter mode
        GridPane terms = new GridPane();
        terms.setHgap(10);
        ColumnConstraints wide = new ColumnConstraints();
        wide.setPercentWidth(60);
        ColumnConstraints narrow = new ColumnConstraints();
        narrow.setPercentWidth(40);
        terms.getColumnConstraints().addAll(wide, narrow);
        terms.addRow(0, reconstruction, kl);
        for (LossChart c : new LossChart[] {reconstruction, kl}) {
            GridPane.setHgrow(c, Priority.ALWAYS);
            c.setMaxWidth(Double.MAX_VALUE);
            c.setMinWidth(0);
        }
        reconstruction.setPrefHeight(220);
        kl.setPrefHeight(220);
        charts = new VBox(8, elbo, terms);
        VBox.setVgrow(elbo, Priority.ALWAYS);
        HBox.setHgrow(charts, Priority.ALWAYS);
        charts.setMinWidth(300);                       // presenter mode at 1280×800 leaves about 640 px for the tab
        right.setPrefWidth(330);
        right.setMinWidth(220);
        pairs.setMinSize(220, 110);
        samples.setMinSize(220, 220);
        VBox.setVgrow(samples, Priority.ALWAYS);
        VBox.setVgrow(twoD, Priority.ALWAYS);
        VBox.setVgrow(row, Priority.ALWAYS);
        note.setMinHeight(Region.USE_PREF_SIZE);
        arrange(false);
        widthProperty().addListener((o, a, w) -> arrange(w.doubleValue() < SIDE_BY_SIDE));
        showImages(true);
    }

    /**
     * Pictures beside the charts, or — narrower than {@link #SIDE_BY_SIDE}, as in presenter mode — under them, the
     * charts keeping a readable height and the tab scrolling.
     */
    private void arrange(boolean stack) {
        if (stacked != null && stacked == stack) return;
        stacked = stack;
        charts.setMinHeight(stack ? 700 : Region.USE_COMPUTED_SIZE);    // room for the term charts' axis names
        if (stack) {
            row.getChildren().clear();
            getChildren().setAll(charts, right, note);
        } else {
            row.getChildren().setAll(charts, right);
            getChildren().setAll(row, note);
        }
    }

    private void showImages(boolean images) {
        if (images) {
            right.getChildren().setAll(section("Validation digits (rows 1, 3) and their reconstructions E[x | z = μ(x)] "
                    + "(rows 2, 4)"), pairs, section("Samples: E[x | z] of 64 fixed z ~ N(0, I)"), samples);
        } else {
            right.getChildren().setAll(section("The learned density p(x) beside the data"), twoD);
        }
    }

    /** A new run: empty curves; images or the 2-D density, as the data calls for. */
    void reset(PreparedData d, VaeConfig c) {
        for (LossChart chart : new LossChart[] {elbo, reconstruction, kl}) chart.clear();
        showImages(d.images());
        pairs.setImages(new float[0], 0, 1, 1, 1, Colormap.GRAY_INVERTED, false, 0, 1);
        samples.setImages(new float[0], 0, 1, 1, 1, Colormap.GRAY_INVERTED, false, 0, 1);
        if (!d.images()) twoD.setData(d.splits().train().x().data);
        String objective = c.beta() == 1 && c.warmupSteps() == 0 ? ""
                : String.format(Locale.ROOT, " The training curve is the objective reconstruction + β·KL with β = %s%s; "
                + "validation is the −ELBO itself (β = 1).", VaeViewModel.number(c.beta()), c.warmupSteps() > 0 ? ", rising from 0 over the first " + c.warmupSteps() + " steps" : "");
        note.setText(String.format(Locale.ROOT, "Training on %s: %,d examples. −ELBO = reconstruction + KL is an upper "
                + "bound on −log p(x), in nats; lower is better.%s", d.name(), d.splits().train().size(), objective));
    }

    void show(Snapshot<VaePayload> s) {
        elbo.show(s);
        RunNote.update(note, s, "−ELBO");
        VaePayload p = s.payload();
        if (p == null) return;
        reconstruction.show(p.reconstructionTrain(), p.reconstructionValidation(), s.totalSteps());
        kl.show(p.klTrain(), p.klValidation(), s.totalSteps());
        if (p.density() != null) {
            twoD.setModel(p.density(), p.grid().nx(), p.grid().ny(), p.grid().bounds(), p.samples());
        } else if (p.images()) {
            pairs.setImages(interleaved(p), 2 * p.shown(), p.imageRows(), p.imageCols(), 8, Colormap.GRAY_INVERTED,
                    false, 0, 1);
            samples.setImages(p.samples(), p.sampleCount(), p.imageRows(), p.imageCols(), 8, Colormap.GRAY_INVERTED,
                    false, 0, 1);
        }
    }

    /** Rows of eight originals, each over its row of eight reconstructions. */
    static float[] interleaved(VaePayload p) {
        int d = p.dimension();
        float[] x = p.originals();
        float[] r = p.reconstructions();
        float[] out = new float[2 * p.shown() * d];
        int k = 0;
        for (int row = 0; row * 8 < p.shown(); row++) {
            int n = Math.min(8, p.shown() - row * 8);
            System.arraycopy(x, row * 8 * d, out, k, n * d);
            k += n * d;
            System.arraycopy(r, row * 8 * d, out, k, n * d);
            k += n * d;
        }
        return out;
    }
}
