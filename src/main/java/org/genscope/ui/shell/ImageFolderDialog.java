package org.genscope.ui.shell;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import org.genscope.data.DataFormatException;
import org.genscope.data.Dataset;
import org.genscope.data.ImageFolder;
import org.genscope.ui.common.BackgroundTask;
import org.genscope.ui.common.LatestWins;
import org.genscope.ui.common.UiExecutor;

/**
 * File ▸ Open image folder: the size, inversion and binarization of a folder of pictures ({@link ImageFolder}),
 * with a preview of the first pictures as they will be used and the list of pictures that could not be read. The
 * folder is re-read off the FX thread whenever a setting changes (newest settings win); OK gives the dataset.
 */
final class ImageFolderDialog {
    /** Pictures shown in the preview. */
    static final int PREVIEW = 32;
    private static final int COLUMNS = 8;
    private static final int TILE = 56;

    /** The settings of one reading: an immutable copy that crosses to the background thread. */

    /** A reading's outcome: the dataset as it will be used (binarized if chosen) and what the folder held. */
    record Reading(Dataset dataset, ImageFolder.Result folder, ImageFolder.Options options) {}

    private final Dialog<Reading> dialog = new Dialog<>();
    private final Spinner<Integer> size = new Spinner<>(ImageFolder.MIN_SIZE, ImageFolder.MAX_SIZE, 28);
    private final CheckBox invert = new CheckBox("Invert (dark strokes on a light background)");
    private final CheckBox binarize = new CheckBox("Binarize (1 above intensity ½, else 0)");
    private final Label summary = new Label("Reading…");
    private final Label problems = new Label();
    private final Canvas preview = new Canvas(COLUMNS * TILE, PREVIEW / COLUMNS * TILE);
    private final LatestWins<ImageFolder.Options, Reading> reader;
    /** The folder as last decoded (one size): inverting or binarizing does not decode the pictures again. */
    private final AtomicReference<ImageFolder.Result> decoded = new AtomicReference<>();
    private Reading shown;

    ImageFolderDialog(Window owner, Path folder, UiExecutor ui) {
        reader = new LatestWins<>(ui, c -> read(folder, c, decoded), this::show, e -> {
            shown = null;
            summary.setText(BackgroundTask.describe(e));
            problems.setText("");
            preview.getGraphicsContext2D().clearRect(0, 0, preview.getWidth(), preview.getHeight());
            dialog.getDialogPane().lookupButton(ButtonType.OK).setDisable(true);
        });
        dialog.setTitle("Open image folder");
        dialog.setHeaderText(folder.toString());
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) {
                dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
                dialog.getDialogPane().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
            }
        }
        size.setEditable(true);
        size.setTooltip(new Tooltip("Each picture is resized to this many pixels on each side (MNIST: 28)."));
        invert.setTooltip(new Tooltip("Use 1 − grey: for dark writing on white paper, so strokes are bright as in MNIST."));
        binarize.setTooltip(new Tooltip("Pixels become 0 or 1, as MADE's Bernoulli conditionals and binarized MNIST need."));
        Label sizeLabel = new Label("Size (pixels per side)");
        sizeLabel.setLabelFor(size);
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, sizeLabel, size);
        form.add(invert, 0, 1, 2, 1);
        form.add(binarize, 0, 2, 2, 1);
        summary.setWrapText(true);
        problems.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        problems.setMinHeight(Region.USE_PREF_SIZE);
        problems.getStyleClass().add("error-text");
        VBox box = new VBox(10, form, preview, summary, problems);
        box.setPadding(new Insets(4));
        box.setPrefWidth(COLUMNS * TILE + 8);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).setDisable(true);
        dialog.setResultConverter(b -> b == ButtonType.OK && shown != null ? shown : null);
        size.valueProperty().addListener((o, a, b) -> reread());
        invert.selectedProperty().addListener((o, a, b) -> reread());
        binarize.selectedProperty().addListener((o, a, b) -> reread());
        reread();
    }

    /** Shows the dialog and waits; the dataset as previewed, or empty when cancelled. */
    Optional<Reading> showAndWait() {
        return dialog.showAndWait();
    }

    /** The settings as they are now (tests set them through the controls). */
    ImageFolder.Options choice() {
        return new ImageFolder.Options(size.getValue(), invert.isSelected(), binarize.isSelected());
    }

    private void reread() {
        summary.setText("Reading…");
        dialog.getDialogPane().lookupButton(ButtonType.OK).setDisable(true);
        reader.submit(choice());
    }

    /** Background thread: the folder read with {@code c} (decoded again only when the size changed). */
    static Reading read(Path folder, ImageFolder.Options c, AtomicReference<ImageFolder.Result> decoded) {
        try {
            ImageFolder.Result r = decoded.get();
            if (r == null || r.dataset().imageRows() != c.size()) {
                r = ImageFolder.decoded(folder, c.size());
                decoded.set(r);
            }
            return new Reading(ImageFolder.prepared(r.dataset(), c), r, c);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The summary line of a reading, e.g. "120 pictures, 28×28, classes: cats (0), dogs (1)". */
    static String describe(Reading r) {
        Dataset d = r.dataset();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%,d pictures, %d×%d pixels, %s", d.size(),
                d.imageRows(), d.imageCols(), r.folder().classes().isEmpty() ? "no classes (no sub-folders)" : "classes: "));
        for (int k = 0; k < r.folder().classes().size(); k++) {
            sb.append(k == 0 ? "" : ", ").append(r.folder().classes().get(k)).append(" (").append(k).append(')');
        }
        if (r.folder().leftOut() > 0) {
            sb.append(String.format(Locale.ROOT, "; %d pictures beside the class folders left out", r.folder().leftOut()));
        }
        return sb.toString();
    }

    /** What could not be read, one line each (at most 8, then a count). */
    static String problems(ImageFolder.Result r) {
        if (r.unreadable().isEmpty()) return "";
        StringBuilder sb = new StringBuilder("Left out, not readable (" + r.unreadable().size() + "):");
        int shownLines = Math.min(8, r.unreadable().size());
        for (int i = 0; i < shownLines; i++) sb.append("\n• ").append(r.unreadable().get(i));
        if (r.unreadable().size() > shownLines) sb.append("\n• … and ").append(r.unreadable().size() - shownLines).append(" more");
        return sb.toString();
    }

    private void show(Reading r) {
        shown = r;
        summary.setText(describe(r));
        problems.setText(problems(r.folder()));
        draw(r.dataset());
        dialog.getDialogPane().lookupButton(ButtonType.OK).setDisable(false);
        Window w = dialog.getDialogPane().getScene() == null ? null : dialog.getDialogPane().getScene().getWindow();
        if (w != null) w.sizeToScene();                          // room for the lines of unreadable files
    }

    /** The first {@link #PREVIEW} pictures, each scaled to a tile, intensity 1 as white. */
    private void draw(Dataset d) {
        GraphicsContext g = preview.getGraphicsContext2D();
        g.clearRect(0, 0, preview.getWidth(), preview.getHeight());
        int s = d.imageRows();
        float[] x = d.x().data;
        for (int i = 0; i < Math.min(PREVIEW, d.size()); i++) {
            WritableImage tile = new WritableImage(s, s);
            PixelWriter w = tile.getPixelWriter();
            for (int p = 0; p < s * s; p++) {
                double v = Math.max(0, Math.min(1, x[i * s * s + p]));
                w.setColor(p % s, p / s, Color.gray(v));
            }
            g.setImageSmoothing(false);
            g.drawImage(tile, (i % COLUMNS) * TILE + 2, (i / COLUMNS) * TILE + 2, TILE - 4, TILE - 4);
        }
    }

    /** The dialog's controls, for tests. */
    Spinner<Integer> sizeSpinner() {
        return size;
    }

    CheckBox invertBox() {
        return invert;
    }

    CheckBox binarizeBox() {
        return binarize;
    }

    Dialog<Reading> dialog() {
        return dialog;
    }
}
