package org.genscope.ui.vae;

import static org.genscope.ui.common.FormLabels.muted;
import static org.genscope.ui.common.FormLabels.section;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.genscope.ui.common.Colormap;
import org.genscope.ui.common.ImageGrid;

/**
 * The Latent space tab: the scatter of the codes with its class legend beside the decoded manifold grid (images) or
 * the decoder's image of the plane (2-D data); under them the point under the mouse decoded, and the interpolation
 * between two chosen examples along the linear and the spherical path. State is the {@link LatentViewModel}'s.
 */
final class LatentPanel extends VBox {
    private final LatentViewModel vm;
    private final LatentScatter scatter = new LatentScatter();
    private final ClassLegend legend = new ClassLegend();
    private final ImageGrid gridImages = new ImageGrid();
    private final DataPlane plane = new DataPlane();
    private final StackPane manifold = new StackPane();
    private final ImageGrid decodedImages = new ImageGrid();
    private final ImageGrid linearRow = new ImageGrid();
    private final ImageGrid sphericalRow = new ImageGrid();
    private final Label title = section("Latent space");
    private final Label gridTitle = section("Decoded manifold grid");
    private final Label gridCaption = muted("");
    private final Label decodedText = muted("Press or drag in the plane to decode that point; press a dot to select its example.");
    private final Label caption = muted("");
    private final Label interpolationHint = muted("");
    private final GridPane rows = new GridPane();
    final Button startButton = new Button("A ← selected");
    final Button endButton = new Button("B ← selected");
    final Button gifButton = new Button("Save GIF…");
    final Button codesButton = new Button("Save codes as CSV…");
    private PreparedData data;
    private Object legendFor;

    LatentPanel(LatentViewModel vm) {
        this.vm = vm;
        getStyleClass().add("latent-panel");
        setPadding(new Insets(10, 12, 8, 12));
        setSpacing(6);
        scatter.setMinSize(260, 260);
        gridImages.setMinSize(220, 220);
        plane.setMinSize(220, 220);
        VBox left = new VBox(4, title, legend, scatter);
        VBox.setVgrow(scatter, Priority.ALWAYS);
        VBox right = new VBox(4, gridTitle, manifold, gridCaption);
        VBox.setVgrow(manifold, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(520);
        right.setPrefWidth(420);
        HBox top = new HBox(14, left, right);
        VBox.setVgrow(top, Priority.ALWAYS);

        decodedImages.setPrefSize(150, 75);
        decodedImages.setMinSize(120, 60);
        decodedText.setPrefWidth(220);
        decodedText.setMaxWidth(260);
        VBox decodedBox = new VBox(4, section("Selected · decoded at the cursor"), decodedImages, decodedText);
        decodedBox.setMinWidth(200);
        startButton.setTooltip(new Tooltip("Start the interpolation (A) at the selected example's code μ(x)"));
        endButton.setTooltip(new Tooltip("End the interpolation (B) at the selected example's code μ(x)"));
        gifButton.setTooltip(new Tooltip("Save the interpolation as an animated GIF: the linear path on the left, the spherical one on the right, A → B → A"));
        codesButton.setTooltip(new Tooltip("Save every dot's code μ(x) and class as CSV (z1, …, zL, class)"));
        for (Button b : new Button[] {startButton, endButton, gifButton, codesButton}) b.setMinWidth(Button.USE_PREF_SIZE);
        startButton.setOnAction(e -> vm.setEnd(true));
        endButton.setOnAction(e -> vm.setEnd(false));
        FlowPane buttons = new FlowPane(6, 4, startButton, endButton, gifButton, codesButton);   // wraps when narrow
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label linear = muted("linear");
        Label spherical = muted("spherical");
        linear.setMinWidth(Region.USE_PREF_SIZE);                  // one word each, never broken
        spherical.setMinWidth(Region.USE_PREF_SIZE);
        linear.setTooltip(new Tooltip("z(t) = (1 − t) a + t b"));
        spherical.setTooltip(new Tooltip("z(t) = sin((1 − t)θ)/sin θ · a + sin(tθ)/sin θ · b: keeps to the shell where the Gaussian prior has its mass"));
        linearRow.setPrefSize(420, 42);
        sphericalRow.setPrefSize(420, 42);
        linearRow.setMinHeight(36);
        sphericalRow.setMinHeight(36);
        rows.setHgap(8);
        rows.setVgap(2);
        rows.addRow(0, linear, linearRow);
        rows.addRow(1, spherical, sphericalRow);
        GridPane.setHgrow(linearRow, Priority.ALWAYS);
        GridPane.setHgrow(sphericalRow, Priority.ALWAYS);
        VBox interpolation = new VBox(4, section("Interpolation from A to B"), buttons, interpolationHint, rows);
        HBox.setHgrow(interpolation, Priority.ALWAYS);
        HBox bottom = new HBox(16, decodedBox, interpolation);
        getChildren().addAll(top, bottom, caption);

        scatter.setOnDecode(vm::decodeAt);
        scatter.setOnSelect(vm::select);
        legend.setOnToggle(scatter::setClassShown);
        vm.codesProperty().addListener((o, a, c) -> showCodes(c));
        vm.decodedProperty().addListener((o, a, d) -> showDecoded(d));
        vm.selectedProperty().addListener((o, a, i) -> {
            scatter.setSelected(i);
            startButton.setDisable(i < 0);
            endButton.setDisable(i < 0);
        });
        vm.interpolationProperty().addListener((o, a, i) -> showInterpolation(i));
        vm.gridProperty().addListener((o, a, g) -> showGrid(g));
        reset(null);
    }

    LatentScatter scatter() {
        return scatter;
    }

    /** A new run on {@code d} (null: none yet): empty views, the right panels for its kind of data. */
    void reset(PreparedData d) {
        data = d;
        boolean images = d == null || d.images();
        manifold.getChildren().setAll(images ? gridImages : plane);
        gridTitle.setText(images ? "Decoded manifold grid" : "The decoder's image of the latent grid, in data space");
        interpolationHint.setText("Select a dot and press A ← selected, then another and B ← selected: " + (images
                ? "the two rows decode the codes along the linear and the spherical path between them."
                : "the decoded paths appear on the right (solid: linear, dashed: spherical)."));
        gifButton.setVisible(images);
        gifButton.setManaged(images);
        decodedImages.setVisible(images);                 // 2-D data: the decoded point is the ring on the right
        decodedImages.setManaged(images);
        gridImages.setImages(new float[0], 0, 1, 1, 1, Colormap.GRAY_INVERTED, false, 0, 1);
        decodedImages.setImages(new float[0], 0, 1, 1, 1, Colormap.GRAY_INVERTED, false, 0, 1);
        if (!images) plane.setData(d.scatter().x().data);
        startButton.setDisable(true);
        endButton.setDisable(true);
        gifButton.setDisable(true);
        codesButton.setDisable(true);
        scatter.setInterpolation(-1, -1, null, null);
        scatter.markDecoded(null);
        scatter.setSelected(-1);
        scatter.setClassNoun(d != null && d.scatter().isImage() && d.inputs() == 784 ? "digit" : "class");
        showCodes(null);
        showInterpolation(null);
    }

    private void showCodes(LatentCodes c) {
        scatter.setCodes(c, vm.gridProperty().get() == null ? null : vm.gridProperty().get().cells().extent());
        codesButton.setDisable(c == null);
        if (c == null || c.examples() != legendFor) {
            legendFor = c == null ? null : c.examples();
            legend.show(c, d() != null && d().inputs() == 784 ? "digit" : "class");
        }
        if (c == null) {
            title.setText("Latent space");
            caption.setText("");
            return;
        }
        title.setText(String.format(Locale.ROOT, "Latent space: %,d codes μ(x), %s", c.size(), VaeViewModel.modelAt(c.step())));
        String what = "Each dot is the code μ(x) of one of " + data.scatterNote() + ". ";
        String plane = switch (c.latent()) {
            case 1 -> "The latent space has one dimension: the horizontal axis is z₁; the vertical spread only separates the dots. ";
            case 2 -> "The latent space has two dimensions, so this is all of it. ";
            default -> String.format(Locale.ROOT, "The plane of the codes' first two principal directions shows %.0f%% of "
                    + "their variance; a point of the plane is decoded with the other %d components at the codes' mean. ",
                    100 * c.plane().explained(), c.latent() - 2);
        };
        caption.setText(what + plane + "Rings: 1σ and 2σ of q(z|x) for the dot under the mouse and the selected one.");
    }

    private PreparedData d() {
        return data;
    }

    private void showDecoded(LatentViewModel.Decoded d) {
        scatter.markDecoded(d == null ? null : new double[] {d.u(), d.v()});
        if (d == null) return;
        String z = code(d.z());
        if (data.images()) {
            int r = data.scatter().imageRows();
            int cc = data.scatter().imageCols();
            int sel = vm.selectedProperty().get();
            LatentCodes codes = vm.codesProperty().get();
            float[] both = new float[2 * r * cc];
            if (sel >= 0 && codes != null) System.arraycopy(codes.examples().x().data, sel * r * cc, both, 0, r * cc);
            System.arraycopy(d.x(), 0, both, r * cc, r * cc);
            decodedImages.setImages(both, 2, r, cc, 2, Colormap.GRAY_INVERTED, false, 0, 1);
            decodedText.setText("z = " + z + (sel >= 0 ? "; left: the selected example" : ""));
        } else {
            plane.markDecoded(d.x());
            decodedText.setText(String.format(Locale.ROOT, "z = %s decodes to E[x | z] = (%.2f, %.2f), the ring on the right.",
                    z, d.x()[0], d.x()[1]));
        }
    }

    /** A code for reading: all of it for L ≤ 4, else its first values. */
    static String code(float[] z) {
        StringBuilder sb = new StringBuilder("(");
        int shown = Math.min(z.length, 4);
        for (int j = 0; j < shown; j++) sb.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", z[j]).replace('-', '−'));
        if (z.length > shown) sb.append(", … ").append(z.length - shown).append(" more");
        return sb.append(')').toString();
    }

    private void showInterpolation(LatentViewModel.Interpolation i) {
        boolean rowsShown = i != null && data.images();
        rows.setVisible(rowsShown);
        rows.setManaged(rowsShown);
        interpolationHint.setVisible(i == null);
        interpolationHint.setManaged(i == null);
        if (i == null) {
            scatter.setInterpolation(-1, -1, null, null);
            linearRow.setImages(new float[0], 0, 1, 1, 1, Colormap.GRAY_INVERTED, false, 0, 1);
            sphericalRow.setImages(new float[0], 0, 1, 1, 1, Colormap.GRAY_INVERTED, false, 0, 1);
            return;
        }
        scatter.setInterpolation(i.a(), i.b(), i.linearUv(), i.sphericalUv());
        gifButton.setDisable(false);
        int n = LatentViewModel.PATH_POINTS;
        if (data.images()) {
            int r = data.scatter().imageRows();
            int c = data.scatter().imageCols();
            linearRow.setImages(i.linear(), n, r, c, n, Colormap.GRAY_INVERTED, false, 0, 1);
            sphericalRow.setImages(i.spherical(), n, r, c, n, Colormap.GRAY_INVERTED, false, 0, 1);
        } else {
            plane.setPaths(i.linear(), i.spherical());
        }
    }

    private void showGrid(LatentViewModel.Grid g) {
        if (g == null) return;
        ManifoldGrid cells = g.cells();
        scatter.setGridExtent(cells.extent());
        if (data.images()) {
            gridImages.setImages(g.decoded(), cells.rows() * cells.cols(), data.scatter().imageRows(),
                    data.scatter().imageCols(), cells.cols(), Colormap.GRAY_INVERTED, false, 0, 1);
        } else {
            plane.setMesh(g.decoded(), cells.rows(), cells.cols());
        }
        int l = cells.codes().numCols;
        gridCaption.setText(l == 2 ? String.format(Locale.ROOT, "E[x | z] on a %d×%d grid of the Gaussian's quantiles "
                + "(Kingma & Welling 2014, figure 4): every cell holds the same prior mass; the dashed square on the "
                + "left is where it lies.", cells.rows(), cells.cols())
                : l == 1 ? String.format(Locale.ROOT, "E[x | z] at %d quantiles of N(0, 1) along z₁.", cells.cols())
                : String.format(Locale.ROOT, "E[x | z] on a %d×%d grid over the dashed region of the plane, the other "
                + "components at the codes' mean.", cells.rows(), cells.cols()));
    }
}
