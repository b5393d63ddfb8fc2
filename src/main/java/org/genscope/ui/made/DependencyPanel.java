package org.genscope.ui.made;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.genscope.made.Connectivity;
import org.genscope.ui.common.Colormap;
import org.genscope.ui.common.HeatMap;

/**
 * The autoregressive check, live: which inputs each output actually depends on, measured numerically from the
 * network's derivatives (not read off the masks), drawn with outputs and inputs both in generation order so the
 * allowed region is the strict lower triangle; any dependency on or above the diagonal is a violation.
 */
final class DependencyPanel extends VBox {
    static final float ABSENT = 0f;
    static final float ALLOWED = 0.5f;
    static final float VIOLATION = 1f;

    private final Label verdict = new Label("Checking…");
    private final Label detail = new Label();
    private final Label hover = new Label(" ");
    private final HeatMap map = new HeatMap();

    DependencyPanel() {
        setSpacing(8);
        setPadding(new Insets(14));
        verdict.setWrapText(true);
        verdict.setId("ar-verdict");
        detail.setWrapText(true);
        detail.getStyleClass().add("muted");
        hover.getStyleClass().add("muted");
        map.setColormap(Colormap.VERDICT);
        map.setRange(0, 1);
        VBox.setVgrow(map, Priority.ALWAYS);
        Label legend = new Label("Rows: outputs p(x_s(t) | …), columns: inputs x_s(t), both in generation order s(1), "
                + "s(2), …  Grey: no dependency · green: allowed (an earlier input) · red: violation.");
        legend.setWrapText(true);
        legend.getStyleClass().add("muted");
        getChildren().addAll(verdict, detail, map, hover, legend);
    }

    void checking() {
        verdict.setText("Checking…");
        verdict.getStyleClass().removeAll("verdict-pass", "verdict-fail");
    }

    /** Shows dependencies[d][j] (output d on input j, natural indices) for connectivity c. */
    void show(Connectivity c, boolean[][] dependencies) {
        int d = c.inputs();
        int[] seq = c.sequence();
        float[] cells = new float[d * d];
        int allowed = 0;
        int violations = 0;
        String first = null;
        for (int t = 0; t < d; t++) {
            for (int u = 0; u < d; u++) {
                boolean dep = dependencies[seq[t]][seq[u]];
                float v = !dep ? ABSENT : u < t ? ALLOWED : VIOLATION;
                if (v == ALLOWED) allowed++;
                if (v == VIOLATION) {
                    violations++;
                    if (first == null) first = "output x̂" + (seq[t] + 1) + " depends on x" + (seq[u] + 1)
                            + ", which is generated " + (u == t ? "at the same step" : "later");
                }
                cells[t * d + u] = v;
            }
        }
        map.setData(cells, d, d);
        map.setOnHover((r, col) -> hover.setText(r < 0 ? " " : String.format(Locale.ROOT,
                "output x̂%d (step %d) on input x%d (step %d): %s", seq[r] + 1, r + 1, seq[col] + 1, col + 1,
                cells[r * d + col] == ABSENT ? "no dependency" : cells[r * d + col] == ALLOWED ? "allowed" : "VIOLATION")));
        verdict.getStyleClass().removeAll("verdict-pass", "verdict-fail");
        if (violations == 0) {
            verdict.setText("PASS: every output depends only on inputs earlier in the ordering.");
            verdict.getStyleClass().add("verdict-pass");
        } else {
            verdict.setText("FAIL: " + violations + " forbidden dependencies; e.g. " + first + ".");
            verdict.getStyleClass().add("verdict-fail");
        }
        long possible = (long) d * (d - 1) / 2;
        detail.setText(String.format(Locale.ROOT, "Measured from the network's derivatives at random inputs: %,d of "
                + "the %,d allowed input→output dependencies are present (%.0f%%)%s.", allowed, possible,
                possible == 0 ? 0 : 100.0 * allowed / possible,
                c.inputs() > 1 && allowed < possible ? "; missing ones are cut by the masks or by dead units" : ""));
    }

    void failed(String message) {
        verdict.setText("Could not check: " + message);
        verdict.getStyleClass().removeAll("verdict-pass", "verdict-fail");
        verdict.getStyleClass().add("verdict-fail");
    }
}
