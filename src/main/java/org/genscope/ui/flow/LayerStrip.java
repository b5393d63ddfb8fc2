package org.genscope.ui.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.css.PseudoClass;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.genscope.flow.LayerStages;

/**
 * Every stage side by side as a thumbnail, base on the left, data on the right; the stage nearest the current
 * position is outlined, and clicking a thumbnail picks that stage. Scrolls sideways for deep flows. FX thread only.
 */
public final class LayerStrip extends ScrollPane {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private final HBox row = new HBox();
    private final List<WarpView> thumbnails = new ArrayList<>();
    private final List<Tooltip> tips = new ArrayList<>();
    private IntConsumer onPick = k -> { };
    private int current = -1;

    public LayerStrip() {
        getStyleClass().add("layer-strip");
        row.getStyleClass().add("layer-strip-row");
        setContent(row);
        setFitToHeight(true);
        setVbarPolicy(ScrollBarPolicy.NEVER);
        setHbarPolicy(ScrollBarPolicy.AS_NEEDED);
        viewportBoundsProperty().addListener((o, old, now) -> ensureVisible());
        row.widthProperty().addListener((o, old, now) -> ensureVisible());
    }

    /** Called with the stage (0..K) of a clicked thumbnail. */
    public void setOnPick(IntConsumer onPick) {
        this.onPick = onPick;
    }

    /** One thumbnail per stage of {@code s} (null: none). */
    public void setStages(LayerStages s) {
        int n = s == null ? 0 : s.count() + 1;
        if (n != thumbnails.size()) {
            thumbnails.clear();
            tips.clear();
            for (int k = 0; k < n; k++) {
                WarpView v = new WarpView();
                int stage = k;
                v.setCompact(true);
                v.setPosition(k);
                v.setOnMouseClicked(e -> onPick.accept(stage));
                Tooltip tip = new Tooltip();
                Tooltip.install(v, tip);
                tips.add(tip);
                thumbnails.add(v);
            }
            row.getChildren().setAll(thumbnails);
            current = -1;
        }
        for (int k = 0; k < n; k++) {
            WarpView v = thumbnails.get(k);
            v.setStages(s);
            tips.get(k).setText("stage " + k + " of " + s.count() + ": " + s.label(k));
        }
    }

    /** Outlines the stage nearest to position t. */
    public void setCurrent(double t) {
        int k = thumbnails.isEmpty() ? -1 : (int) Math.max(0, Math.min(thumbnails.size() - 1, Math.round(t)));
        if (k == current) return;
        if (current >= 0 && current < thumbnails.size()) thumbnails.get(current).pseudoClassStateChanged(CURRENT, false);
        current = k;
        if (k >= 0) thumbnails.get(k).pseudoClassStateChanged(CURRENT, true);
        ensureVisible();
    }

    /** Scrolls the outlined thumbnail to the middle of the strip, if the strip scrolls. */
    private void ensureVisible() {
        if (current < 0 || current >= thumbnails.size()) return;
        WarpView v = thumbnails.get(current);
        double hidden = row.getWidth() - getViewportBounds().getWidth();
        if (hidden <= 0) return;
        double x = v.getBoundsInParent().getMinX() - (getViewportBounds().getWidth() - v.getWidth()) / 2;
        setHvalue(getHmin() + (getHmax() - getHmin()) * Math.max(0, Math.min(1, x / hidden)));
    }

    /** The stage outlined, or -1. */
    public int current() {
        return current;
    }

    List<WarpView> thumbnails() {
        return thumbnails;
    }
}
