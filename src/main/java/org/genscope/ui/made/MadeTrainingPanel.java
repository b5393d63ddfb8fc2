package org.genscope.ui.made;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.genscope.data.Dataset;
import org.genscope.made.MadePayload;
import org.genscope.train.Snapshot;
import org.genscope.ui.common.Colormap;
import org.genscope.ui.common.DensityPair;
import org.genscope.ui.common.ImageGrid;
import org.genscope.ui.train.LossChart;
import org.genscope.ui.train.RunNote;

/**
 * Live training view: train/validation NLL curves, samples that refresh as the model trains (digits, or for 2D
 * data the learned density beside the data with samples on top), and a digit drawn pixel by pixel in ordering
 * order on demand.
 */
final class MadeTrainingPanel extends VBox {
    private final LossChart chart = new LossChart("Negative log-likelihood", "NLL (nats per example)");
    private final ImageGrid samples = new ImageGrid();
    private final DensityPair twoD = new DensityPair("Data", "Model p(x) + samples");
    private final ImageGrid trace = new ImageGrid();
    private final StackPane sampleArea = new StackPane();
    private final Label sampleTitle = new Label("Samples");
    private final Label traceTitle = new Label("Pixel by pixel");
    private final Button drawButton = new Button("Draw pixel by pixel");
    private final Label note = new Label("Pick a dataset and press Train.");
    private Timeline animation;
    private Dataset data;

    MadeTrainingPanel() {
        setPadding(new Insets(12));
        setSpacing(10);
        chart.setMinWidth(360);
        HBox.setHgrow(chart, Priority.ALWAYS);
        sampleTitle.getStyleClass().add("form-section");
        traceTitle.getStyleClass().add("form-section");
        drawButton.setId("draw-pixel-by-pixel");
        drawButton.setDisable(true);
        VBox.setVgrow(sampleArea, Priority.ALWAYS);
        sampleArea.getChildren().add(samples);
        sampleArea.setMinSize(240, 240);
        trace.setMinSize(160, 160);
        VBox right = new VBox(6, sampleTitle, sampleArea, traceTitle, trace, drawButton);
        VBox.setVgrow(trace, Priority.SOMETIMES);
        right.setPrefWidth(380);
        right.setMinWidth(260);
        HBox row = new HBox(12, chart, right);
        VBox.setVgrow(row, Priority.ALWAYS);
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        traceTitle.setTooltip(new Tooltip("A sample drawn in ordering order: black/white pixels are drawn, grey ones show "
                + "p(x_d = 1 | pixels so far) for the next ones."));
        drawButton.setTooltip(new Tooltip("Draw one sample pixel by pixel, in the network's ordering"));
        getChildren().addAll(row, note);
        for (javafx.scene.Node n : new javafx.scene.Node[] {traceTitle, trace, drawButton}) {
            n.managedProperty().bind(n.visibleProperty());      // hidden for 2-D data: the density pair takes the room
        }
    }

    Button drawButton() {
        return drawButton;
    }

    /** A new run on {@code train} data: clears the curves and shows the data (2D) or waits for samples. */
    void reset(Dataset train, boolean images) {
        data = train;
        note.getStyleClass().remove("error-text");
        chart.clear();
        stopAnimation();
        trace.setImages(new float[0], 0, 1, 1, 1, Colormap.GRAY_INVERTED, false, 0, 1);
        boolean twoD = !images;
        sampleTitle.setVisible(true);
        sampleArea.getChildren().setAll(twoD ? this.twoD : samples);
        sampleTitle.setText(twoD ? "Data beside the model" : "Samples (live)");
        traceTitle.setVisible(!twoD);
        trace.setVisible(!twoD);
        drawButton.setVisible(!twoD);
        drawButton.setDisable(!images);
        if (twoD) {
            this.twoD.setData(train.x().data);
        }
        note.setText("Training on " + train.name() + ": " + train.size() + " examples × " + train.dimension()
                + " dimensions. NLL is −log p(x) in nats; lower is better.");
    }

    void show(Snapshot<MadePayload> s) {
        chart.show(s);
        RunNote.update(note, s);
        MadePayload p = s.payload();
        if (p == null) return;
        if (p.density() != null) {
            twoD.setModel(p.density(), p.grid(), p.grid(), p.bounds(), p.samples());
        } else if (p.imageRows() > 0) {
            samples.setImages(p.samples(), p.count(), p.imageRows(), p.imageCols(), 4, Colormap.GRAY_INVERTED,
                    false, 0, 1);
        }
    }

    /** Plays frames (D+1 images of rows×cols) of a pixel-by-pixel draw over about four seconds. */
    void play(float[][] frames, int rows, int cols) {
        stopAnimation();
        int n = frames.length;
        int stride = Math.max(1, n / 200);
        animation = new Timeline();
        int shown = 0;
        for (int t = 0; t < n; t += stride) {
            int f = t;
            animation.getKeyFrames().add(new KeyFrame(Duration.millis(20.0 * shown++ * Math.max(1, 200.0 / n)),
                    e -> showFrame(frames[f], rows, cols, f, n - 1)));
        }
        int last = n - 1;
        animation.getKeyFrames().add(new KeyFrame(Duration.millis(20.0 * shown * Math.max(1, 200.0 / n) + 50),
                e -> showFrame(frames[last], rows, cols, last, last)));
        animation.play();
    }

    private void showFrame(float[] frame, int rows, int cols, int t, int d) {
        trace.setImages(frame, 1, rows, cols, 1, Colormap.GRAY_INVERTED, false, 0, 1);
        traceTitle.setText("Pixel by pixel: " + t + " of " + d + " drawn");
    }

    private void stopAnimation() {
        if (animation != null) animation.stop();
    }

}
