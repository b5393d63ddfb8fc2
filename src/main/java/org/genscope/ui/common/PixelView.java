package org.genscope.ui.common;

import javafx.geometry.Insets;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * A resizable view of one ARGB pixel buffer, scaled to fit with square pixels, centred, drawn crisp (no smoothing):
 * the base of heat maps and image grids. FX thread only.
 */
public class PixelView extends CanvasRegion {
    private WritableImage image;

    /** Shows a width×height ARGB buffer (copied into the view's image). Null or empty clears the view. */
    protected void setPixels(int[] argb, int width, int height) {
        if (argb == null || width == 0 || height == 0) {
            image = null;
        } else {
            if (image == null || image.getWidth() != width || image.getHeight() != height) {
                image = new WritableImage(width, height);
            }
            image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        }
        redraw();
    }

    /** Room kept free around the image, e.g. for a subclass's labels; none by default. */
    protected Insets margins() {
        return Insets.EMPTY;
    }

    /** The drawing rectangle {x, y, w, h} of the image inside the canvas less its margins, or null if nothing is shown. */
    protected double[] frame() {
        Insets m = margins();
        double aw = canvas().getWidth() - m.getLeft() - m.getRight();
        double ah = canvas().getHeight() - m.getTop() - m.getBottom();
        if (image == null || aw <= 0 || ah <= 0) return null;
        double s = Math.min(aw / image.getWidth(), ah / image.getHeight());
        double w = image.getWidth() * s;
        double h = image.getHeight() * s;
        return new double[] {m.getLeft() + (aw - w) / 2, m.getTop() + (ah - h) / 2, w, h};
    }

    /** Draws the image; subclasses may add overlays after calling super. */
    @Override
    protected void redraw() {
        GraphicsContext g = canvas().getGraphicsContext2D();
        g.clearRect(0, 0, canvas().getWidth(), canvas().getHeight());
        double[] f = frame();
        if (f == null) return;
        g.setImageSmoothing(false);
        g.drawImage(image, f[0], f[1], f[2], f[3]);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 260;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 260;
    }
}
