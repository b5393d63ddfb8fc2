package org.genscope.ui.made;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.genscope.made.Connectivity;
import org.genscope.ui.common.MatrixView;
import org.genscope.ui.common.Swatch;
import org.genscope.ui.common.SwatchLegend;
import org.genscope.ui.made.DependencyCells.State;

/**
 * The autoregressive check, live: which inputs each output actually depends on, measured numerically from the
 * network's derivatives (not read off the masks), drawn with outputs and inputs both in generation order so the
 * allowed region is the strict lower triangle; any dependency on or above the diagonal is a violation. Each of the
 * four cell states ({@link DependencyCells.State}) has its own theme colour, named in the legend.
 */
final class DependencyPanel extends VBox {
    /** The swatch of each {@link State}, in its order. */
    static final List<Swatch> STATES = List.of(
            new Swatch("-app-accent", "depends on it (allowed)"),
            new Swatch("-app-warning", "could depend on it but does not"),
            new Swatch("-app-danger", "depends on a later input: a violation", true),
            new Swatch("-app-grid", "diagonal and above: not allowed, no dependency"));

    private final Label verdict = new Label("Checking…");
    private final Label detail = new Label();
    private final Label hover = new Label(" ");
    private final MatrixView map = new MatrixView();
    private final SwatchLegend legend = new SwatchLegend();

    DependencyPanel() {
        setSpacing(8);
        setPadding(new Insets(14));
        verdict.setWrapText(true);
        verdict.setId("ar-verdict");
        detail.setWrapText(true);
        detail.getStyleClass().add("muted");
        hover.getStyleClass().add("muted");
        map.setId("ar-matrix");
        map.setStates(STATES);
        map.setMinSize(160, 160);
        legend.set(STATES, null);
        Label caption = new Label("How to read it: row t is the output generated t-th, column u the input generated "
                + "u-th (both in generation order). An output may depend only on inputs generated before it — the "
                + "cells left of the diagonal; a dependency on the diagonal or to its right breaks the autoregressive "
                + "property. Hover a cell for its output and input.");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        caption.getStyleClass().add("muted");
        // the legend and how to read it beside the matrix, so the verdict and the matrix keep the height
        VBox key = new VBox(10, legend, caption);
        key.getStyleClass().add("matrix-key");
        HBox row = new HBox(14, map, key);
        HBox.setHgrow(map, Priority.ALWAYS);
        VBox.setVgrow(row, Priority.ALWAYS);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(verdict, detail, row, hover);
    }

    void checking() {
        verdict.setText("Checking…");
        verdict.getStyleClass().removeAll("verdict-pass", "verdict-fail");
    }

    /** Shows dependencies[d][j] (output d on input j, natural indices) for connectivity c. */
    void show(Connectivity c, boolean[][] dependencies) {
        int[] seq = c.sequence();
        DependencyCells cells = new DependencyCells(seq, dependencies);
        int d = cells.size();
        map.setMatrix(cells.cells(), d, d, new MatrixView.Axis("outputs x̂, in generation order", t -> "x̂" + (seq[t] + 1)),
                new MatrixView.Axis("inputs x, in generation order", u -> "x" + (seq[u] + 1)));
        legend.set(STATES, cells.counts());
        map.setOnHover((r, col) -> hover.setText(r < 0 ? " " : String.format(Locale.ROOT,
                "output x̂%d (step %d) on input x%d (step %d): %s", seq[r] + 1, r + 1, seq[col] + 1, col + 1,
                STATES.get(cells.at(r, col).ordinal()).meaning())));
        verdict.getStyleClass().removeAll("verdict-pass", "verdict-fail");
        int[] first = cells.firstViolation();
        if (first == null) {
            verdict.setText("PASS: every output depends only on inputs earlier in the ordering.");
            verdict.getStyleClass().add("verdict-pass");
        } else {
            int t = first[0];
            int u = first[1];
            int n = cells.count(State.VIOLATION);
            verdict.setText("FAIL: " + n + (n == 1 ? " forbidden dependency" : " forbidden dependencies")
                    + "; e.g. the output for x"                       // no x̂ in a wrapped label: JavaFX wraps
                    + (seq[t] + 1) + " depends on x" + (seq[u] + 1) + ", which is generated "
                    + (u == t ? "at the same step" : "later") + ".");
            verdict.getStyleClass().add("verdict-fail");
        }
        int present = cells.count(State.DEPENDS);
        long possible = cells.allowed();
        detail.setText(String.format(Locale.ROOT, "Measured from the network's derivatives at random inputs: %,d of "
                + "the %,d allowed input→output dependencies are present (%.0f%%)%s.", present, possible,
                possible == 0 ? 0 : 100.0 * present / possible,
                d > 1 && present < possible ? "; missing ones are cut by the masks or by dead units" : ""));
    }

    void failed(String message) {
        verdict.setText("Could not check: " + message);
        verdict.getStyleClass().removeAll("verdict-pass", "verdict-fail");
        verdict.getStyleClass().add("verdict-fail");
    }
}
