package org.genscope.ui.common;

import static org.genscope.ui.common.FormLabels.muted;
import static org.genscope.ui.common.FormLabels.section;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.genscope.PlainNumber;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.data.PaintedDensity;
import org.genscope.data.Grid2D;



/**
 * Paint a 2-D density and train on it: the {@link PaintCanvas} beside its controls (brush size, paint/erase,
 * clear, starter shapes, point count, seed) and "Use as training data", which samples the painting with
 * {@link PaintedDensity} off the FX thread, splits the points 80/10/10 and hands the splits to
 * {@link #setOnUse}. The sampled points are then drawn over the painting.
 */
public final class PaintPanel extends HBox {
    public static final int DEFAULT_POINTS = 5_000;
    public static final int MAX_POINTS = 200_000;
    /** At most this many of the sampled points are drawn over the painting. */
    static final int SHOWN_POINTS = 5_000;

    private final UiExecutor ui;
    private final PaintCanvas canvas = new PaintCanvas();
    private final Spinner<Integer> count = new Spinner<>(100, MAX_POINTS, DEFAULT_POINTS, 500);
    private final Spinner<Integer> seed = new Spinner<>(1, Integer.MAX_VALUE, 1);
    private final Button use = new Button("Use as training data");
    private static final String INVITE = "Paint where the data should be: the stronger the ink, the denser.";
    private final Label message = new Label(INVITE);
    private Consumer<DataSplits> onUse = s -> { };

    /** @param ui where the sampling runs (the app's background work; tests may pass {@link UiExecutor#currentThread}) */
    public PaintPanel(UiExecutor ui) {
        this.ui = ui;
        getStyleClass().add("paint-panel");
        setSpacing(12);
        setPadding(new Insets(12));
        HBox.setHgrow(canvas, Priority.ALWAYS);
        canvas.setMinSize(240, 240);
        ScrollPane side = new ScrollPane(controls());
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.getStyleClass().add("side-panel");
        side.setStyle("-fx-min-width: 17em; -fx-pref-width: 21em; -fx-max-width: 21em;");   // em: grows with presenter type
        getChildren().addAll(canvas, side);
        canvas.setOnChange(() -> {
            message.getStyleClass().remove("error-text");
            message.setText(canvas.isEmpty() ? INVITE : "Painted. Press "
                    + "“Use as training data” to sample it.");
        });
    }

    private VBox controls() {
        Slider size = new Slider(PaintCanvas.MIN_RADIUS, PaintCanvas.MAX_RADIUS, canvas.brushRadiusProperty().get());
        size.valueProperty().bindBidirectional(canvas.brushRadiusProperty());
        size.setId("paint-brush-size");
        Label sizeValue = new Label();
        sizeValue.textProperty().bind(canvas.brushRadiusProperty().asString(Locale.ROOT, "radius %.2f"));
        sizeValue.getStyleClass().add("muted");
        sizeValue.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(size, Priority.ALWAYS);

        ToggleGroup mode = new ToggleGroup();
        ToggleButton paint = new ToggleButton("Paint");
        ToggleButton erase = new ToggleButton("Erase");
        paint.setToggleGroup(mode);
        erase.setToggleGroup(mode);
        paint.setSelected(true);
        erase.setId("paint-erase");
        mode.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) old.setSelected(true);      // one of the two is always on
            canvas.eraseModeProperty().set(erase.isSelected());
        });
        Button clear = new Button("Clear");
        clear.setId("paint-clear");
        clear.setOnAction(e -> canvas.clear());
        Label hint = muted("Left-drag paints, right-drag erases, the mouse wheel sizes the brush.");

        Button ring = new Button("Ring");
        ring.setOnAction(e -> canvas.setWeights(StarterShapes.ring(canvas.grid())));
        Button checker = new Button("Checkerboard");
        checker.setOnAction(e -> canvas.setWeights(StarterShapes.checkerboard(canvas.grid())));
        TextField text = new TextField("G");
        text.setPrefColumnCount(2);
        text.textProperty().addListener((o, a, b) -> {
            if (b.length() > 2) text.setText(b.substring(0, 2));
        });
        Button letter = new Button("Letter");
        letter.setOnAction(e -> {
            if (!text.getText().isBlank()) canvas.setWeights(StarterShapes.letter(canvas.grid(), text.getText().strip()));
        });

        count.setEditable(true);
        count.setId("paint-count");
        count.setPrefWidth(110);
        seed.setEditable(true);
        seed.setPrefWidth(110);
        GridPane form = new GridPane();
        form.getStyleClass().add("form-grid");
        form.addRow(0, new Label("Points"), count);
        form.addRow(1, new Label("Seed"), seed);

        use.getStyleClass().add("accent");
        use.setId("paint-use");
        use.setMaxWidth(Double.MAX_VALUE);
        use.setOnAction(e -> sample());
        message.setId("paint-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);

        Grid2D g = canvas.grid();
        VBox box = new VBox(section("Brush"), new HBox(8, size, sizeValue), new HBox(6, paint, erase, clear), hint,
                section("Start from"), new HBox(6, ring, checker), new HBox(6, letter, text),
                section("Sample"), form, use, message,
                muted(String.format(Locale.ROOT, "%d×%d cells over [%s, %s]×[%s, %s]; points are drawn cell ∝ "
                        + "weight, then uniform inside the cell; split 80/10/10 into train, validation and test.",
                        g.nx(), g.ny(), tick(g.xmin()), tick(g.xmax()), tick(g.ymin()), tick(g.ymax()))));
        box.getStyleClass().add("form");
        return box;
    }

    private static String tick(double v) {
        return PlainNumber.of(v);
    }



    public PaintCanvas canvas() {
        return canvas;
    }

    /** Called on the FX thread with the sampled splits (train 80%, validation 10%, test 10%). */
    public void setOnUse(Consumer<DataSplits> onUse) {
        this.onUse = onUse;
    }

    /** The status line (what was sampled, or why not). */
    public String message() {
        return message.getText();
    }

    /** The number of points "Use as training data" draws. */
    public void setPointCount(int n) {
        count.getValueFactory().setValue(n);
    }

    /** What "Use as training data" does: sample the painting off the FX thread, then show and hand on the points. */
    void sample() {
        if (canvas.isEmpty()) {
            fail("The canvas is empty: paint some density first (or start from a ring, checkerboard or letter).");
            return;
        }
        float[] w = canvas.weights();
        Grid2D g = canvas.grid();
        int n = count.getValue();
        long s = seed.getValue();
        use.setDisable(true);
        message.getStyleClass().remove("error-text");
        message.setText("Sampling " + String.format(Locale.ROOT, "%,d", n) + " points…");
        record Sampled(Dataset all, DataSplits splits, double entropy) {}
        BackgroundTask.of(() -> {
            PaintedDensity density = PaintedDensity.of(w, g.nx(), g.ny(), g.xmin(), g.xmax(), g.ymin(), g.ymax());
            Dataset all = density.sample(n, s);
            return new Sampled(all, DataSplits.random(all, 0.1, 0.1, s), density.entropy());
        }).onSuccess(r -> used(r.all(), r.splits(), r.entropy())).onFailure(e -> {
            use.setDisable(false);
            fail("Could not sample the painting: " + BackgroundTask.describe(e));
        }).run(ui);
    }

    private void used(Dataset all, DataSplits splits, double entropy) {
        use.setDisable(false);
        float[] xy = new float[Math.min(all.size(), SHOWN_POINTS) * 2];
        System.arraycopy(all.x().data, 0, xy, 0, xy.length);
        canvas.setPoints(xy);
        message.setText(String.format(Locale.ROOT, "Sampled %,d points: train %,d · validation %,d · test %,d. "
                + "Entropy of the painting H = %.3f nats: the NLL a perfect model would reach.", all.size(),
                splits.train().size(), splits.validation().size(), splits.test().size(), entropy));
        onUse.accept(splits);
    }

    private void fail(String text) {
        message.setText(text);
        if (!message.getStyleClass().contains("error-text")) message.getStyleClass().add("error-text");
    }
}
