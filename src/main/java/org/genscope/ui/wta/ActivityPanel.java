package org.genscope.ui.wta;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.genscope.ui.common.FormLabels;
import org.genscope.ui.common.Charts;
import org.genscope.ui.common.Colormap;
import org.genscope.ui.common.FxDataSet;
import org.genscope.ui.common.ImageGrid;
import org.genscope.wta.WtaConfig;
import org.genscope.wta.WtaKind;
import org.genscope.wta.WtaPayload;

/**
 * One held-out image through the autoencoder: the input beside its reconstruction, the code before and after the
 * winner-take-all rules (winners ringed), and the lifetime-sparsity histogram of the probe batch — how many units
 * win in how many of its images.
 */
final class ActivityPanel extends VBox {
    private final Spinner<Integer> image = new Spinner<>();
    private final ImageGrid pair = new ImageGrid();
    private final CodeGrid before = new CodeGrid();
    private final CodeGrid after = new CodeGrid();
    private final Label beforeTitle = FormLabels.section("Code before the rules");
    private final Label afterTitle = FormLabels.section("After the rules (winners ringed)");
    private final Label summary = FormLabels.muted("Train (Ctrl+Enter) to see a held-out image through the model.");
    private final FxDataSet wins = new FxDataSet("units");
    private final XYChart histogram;

    ActivityPanel(ActivityModel model) {
        getStyleClass().add("wta-activity");
        setPadding(new Insets(12));
        setSpacing(8);
        image.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, WtaData.HELD_OUT - 1, 0));
        image.setEditable(true);
        image.setPrefWidth(120);
        image.setMinWidth(Region.USE_PREF_SIZE);
        image.getValueFactory().valueProperty().addListener((o, a, v) -> model.imageProperty().set(v));
        image.setTooltip(new Tooltip("Which held-out image to look at (0-based); the rules see it inside a batch of 100, as in training"));
        Label imageLabel = new Label("Held-out image");
        imageLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(10, imageLabel, image);
        top.setAlignment(Pos.CENTER_LEFT);

        pair.setPrefSize(240, 120);
        pair.setMinSize(160, 80);
        VBox pairBox = new VBox(4, FormLabels.section("Input · reconstruction"), pair);
        VBox beforeBox = new VBox(4, beforeTitle, before);
        VBox afterBox = new VBox(4, afterTitle, after);
        for (VBox b : new VBox[] {beforeBox, afterBox}) {
            HBox.setHgrow(b, Priority.ALWAYS);
            VBox.setVgrow(b.getChildren().get(1), Priority.ALWAYS);
            b.setPrefWidth(320);
        }
        before.setMinSize(120, 120);
        after.setMinSize(120, 120);
        HBox maps = new HBox(12, pairBox, beforeBox, afterBox);
        VBox.setVgrow(maps, Priority.ALWAYS);

        DefaultNumericAxis x = Charts.countAxis("images of the probe batch (of 100) in which the unit wins");
        DefaultNumericAxis y = Charts.axis("units");
        histogram = Charts.standard(new XYChart(x, y));
        histogram.setTitle("Lifetime sparsity: how often each unit wins");
        histogram.getDatasets().add(wins);
        Charts.bars(histogram);
        histogram.setLegendVisible(false);
        histogram.setPrefHeight(200);
        histogram.setMinHeight(160);
        getChildren().addAll(top, summary, maps, histogram);
    }

    /** Cleared for a new run. */
    void reset() {
        pair.setImages(new float[0], 0, 1, 1, 1, Colormap.GRAY_INVERTED, false, 0, 1);
        before.show(new float[0], 0, 1, 1, 1, null, 1);
        after.show(new float[0], 0, 1, 1, 1, null, 1);
        wins.clearData();
    }

    void show(WtaPayload p) {
        if (p == null) return;
        WtaConfig c = p.config();
        int h = c.height();
        int w = c.width();
        float[] io = new float[2 * h * w];
        System.arraycopy(p.image(), 0, io, 0, h * w);
        System.arraycopy(p.reconstruction(), 0, io, h * w, h * w);
        pair.setImages(io, 2, h, w, 2, Colormap.GRAY_INVERTED, false, 0, 1);

        float[] b = p.codeBefore();
        float[] a = p.codeAfter();
        boolean[] winners = p.winners();
        double max = 0;
        for (float v : b) max = Math.max(max, v);
        int tiles;
        int rows;
        int cols;
        if (c.kind() == WtaKind.FC) {
            tiles = 1;
            cols = (int) Math.ceil(Math.sqrt(b.length * 1.25));
            rows = (b.length + cols - 1) / cols;
            b = padded(b, rows * cols);
            a = padded(a, rows * cols);
            winners = java.util.Arrays.copyOf(winners, rows * cols);
        } else {
            tiles = p.codeUnits();
            rows = p.codeRows();
            cols = p.codeCols();
        }
        int columns = (int) Math.ceil(Math.sqrt(tiles * 1.25));
        before.show(b, tiles, rows, cols, columns, null, max);
        after.show(a, tiles, rows, cols, columns, winners, max);
        int won = 0;
        for (boolean x : p.winners()) if (x) won++;
        String unit = c.kind() == WtaKind.FC ? "units" : "values in " + tiles + " feature maps";
        beforeTitle.setText(String.format(Locale.ROOT, "Code before the rules: %,d %s", p.codeBefore().length, unit));
        afterTitle.setText(String.format(Locale.ROOT, "After the rules (%s): %,d winners ringed", c.sparsity(), won));
        String spatial = c.spatial() ? " Spatial: only the largest value of each map survives, per image." : "";
        summary.setText(c.kPercent() < 100 ? String.format(Locale.ROOT, "Lifetime k = %s%%: each %s keeps its "
                + "activation only in the %d images of a batch of %d where it is largest.%s", WtaLabels.percent(c.kPercent()),
                c.kind() == WtaKind.FC ? "unit" : "feature map", (int) Math.ceil(c.kPercent() / 100 * p.probeSize()),
                p.probeSize(), spatial) : "No lifetime sparsity (k = 100%): every active unit passes." + spatial);
        int[] counts = WinHistogram.counts(p.winRate(), p.probeSize());
        int shown = WinHistogram.shownBins(counts);
        double[] xs = new double[shown];
        double[] ys = new double[shown];
        for (int i = 0; i < shown; i++) {
            xs[i] = i;
            ys[i] = counts[i];
        }
        wins.set(xs, ys);
    }

    private static float[] padded(float[] v, int n) {
        return v.length == n ? v : java.util.Arrays.copyOf(v, n);
    }

    /** The images spinner (tests). */
    Spinner<Integer> imageSpinner() {
        return image;
    }
}
