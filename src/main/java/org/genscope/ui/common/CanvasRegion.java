package org.genscope.ui.common;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/**
 * A region that owns one canvas filling its content area and asks for a {@link #redraw()} whenever that area
 * changes size: the base of every hand-drawn view. FX thread only.
 */
public abstract class CanvasRegion extends Region {
    private final Canvas canvas = new Canvas();

    protected CanvasRegion() {
        getChildren().add(canvas);
    }

    protected Canvas canvas() {
        return canvas;
    }

    /** Draws the whole view onto {@link #canvas()}. */
    protected abstract void redraw();

    @Override
    protected void layoutChildren() {
        double w = Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset());
        double h = Math.max(0, getHeight() - snappedTopInset() - snappedBottomInset());
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }
}
