package org.genscope.ui.common;

import javafx.scene.canvas.GraphicsContext;
import org.genscope.ui.theme.Palette;

/**
 * A hand-drawn view that follows the theme: resolves its {@link Palette} lazily, forgets it when the theme or
 * presenter mode changes, then lays out (sizes may scale with presenter type) and redraws. FX thread only.
 */
public abstract class ThemedCanvas extends CanvasRegion {
    private Palette palette;
    private final double prefWidth;
    private final double stripHeight;

    /** A view that sizes itself as its subclass says. */
    protected ThemedCanvas() {
        this(-1, -1);
    }

    /**
     * A strip (a legend, a small chart) of preferred width {@code prefWidth} and fixed height
     * {@code height} × the presenter scale.
     */
    protected ThemedCanvas(double prefWidth, double height) {
        this.prefWidth = prefWidth;
        this.stripHeight = height;
        Palette.watch(this, () -> {
            palette = null;
            requestLayout();
            redraw();
        });
    }

    /** Clears the canvas and, once the view is in a scene, {@link #draw}s it. */
    @Override
    protected final void redraw() {
        GraphicsContext g = canvas().getGraphicsContext2D();
        g.clearRect(0, 0, canvas().getWidth(), canvas().getHeight());
        Palette p = palette();
        if (p != null) draw(g, p);
    }

    /** Draws the view onto the cleared canvas with the current theme's colours. */
    protected abstract void draw(GraphicsContext g, Palette palette);

    /** The palette, or null while the view is not in a scene. */
    protected Palette palette() {
        if (palette == null && getScene() != null) palette = Palette.of(this);
        return palette;
    }

    /** The presenter-mode line scale (1 until the palette is known). */
    protected double scale() {
        return palette == null ? 1 : palette.lineScale();
    }

    @Override
    protected double computePrefWidth(double height) {
        return prefWidth > 0 ? prefWidth : super.computePrefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return stripHeight > 0 ? stripHeight * scale() : super.computePrefHeight(width);
    }

    @Override
    protected double computeMinHeight(double width) {
        return stripHeight > 0 ? computePrefHeight(width) : super.computeMinHeight(width);
    }
}
