package org.genscope.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.genscope.data.Grid2D;

import org.genscope.ui.theme.Palette;

/**
 * A density painted with the mouse: a grid of weights w ≥ 0 (at most 1) over a fixed square, shown as ink on the
 * theme's surface with a faint coordinate grid. A drag lays down dabs of a soft round brush,
 *
 * <pre>  w_c ← min(1, w_c + F·exp(−|c − b|² / 2σ²))   for |c − b| ≤ r,  σ = r/2</pre>
 *
 * (c a cell centre, b the brush centre, r its radius in data units, F the flow per dab); erasing subtracts twice
 * as much and snaps tiny remainders to 0 so erased cells are truly empty. Dabs are spaced r/4 apart along a drag,
 * so a fast mouse still leaves a continuous stroke. Left-drag paints (or erases in erase mode), right-drag always
 * erases, the wheel sizes the brush. Weights are indexed as {@link Grid2D} values (row 0 at the bottom). FX thread
 * only.
 */
public final class PaintCanvas extends ThemedCanvas {
    static final float FLOW = 0.25f;
    static final float ERASE_FLOW = 0.5f;
    static final float SNAP = 0.01f;
    public static final double MIN_RADIUS = 0.15;
    public static final double MAX_RADIUS = 2.0;

    private final Grid2D grid;
    private final float[] weights;
    private final DoubleProperty brushRadius = new SimpleDoubleProperty(0.6);
    private final BooleanProperty eraseMode = new SimpleBooleanProperty(false);
    private final WritableImage image;
    private final int[] argb;
    private float[] points = new float[0];
    private Palette rampPalette;
    private int[] ramp;
    private boolean strokeErases;
    private double lastX = Double.NaN;
    private double lastY;
    private double hoverX = Double.NaN;
    private double hoverY;
    private Runnable onChange = () -> { };

    /** A 64×64 canvas over [−4, 4]². */
    public PaintCanvas() {
        this(new Grid2D(-4, 4, -4, 4, 64, 64));
    }

    public PaintCanvas(Grid2D grid) {
        this.grid = grid;
        this.weights = new float[grid.cells()];
        this.image = new WritableImage(grid.nx(), grid.ny());
        this.argb = new int[grid.cells()];
        getStyleClass().add("paint-canvas");
        brushRadius.addListener((o, a, b) -> redraw());
        eraseMode.addListener((o, a, b) -> redraw());
        canvas().addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            double[] p = toData(e.getX(), e.getY());
            beginStroke(p[0], p[1], eraseMode.get() || e.getButton() == MouseButton.SECONDARY);
        });
        canvas().addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            hoverX = e.getX();
            hoverY = e.getY();
            double[] p = toData(e.getX(), e.getY());
            strokeTo(p[0], p[1]);
        });
        canvas().addEventHandler(MouseEvent.MOUSE_RELEASED, e -> endStroke());
        canvas().addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        canvas().addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(Double.NaN, 0));
        canvas().addEventHandler(ScrollEvent.SCROLL, e -> setBrushRadius(brushRadius.get() * (e.getDeltaY() > 0 ? 1.1 : 1 / 1.1)));
    }

    /** The painted rectangle and its cells. */
    public Grid2D grid() {
        return grid;
    }

    /** A copy of the weights, {@link Grid2D} order. */
    public float[] weights() {
        return weights.clone();
    }

    /** Replaces the painting (values clamped to [0, 1]; NaN counts as 0). */
    public void setWeights(float[] w) {
        if (w.length != weights.length) throw new IllegalArgumentException("expected " + weights.length + " weights, got " + w.length);
        for (int i = 0; i < w.length; i++) weights[i] = w[i] > 0 ? Math.min(1f, w[i]) : 0f;
        changed();
    }

    public void clear() {
        java.util.Arrays.fill(weights, 0f);
        changed();
    }

    public boolean isEmpty() {
        for (float w : weights) if (w > 0) return false;
        return true;
    }

    /** Brush radius r in data units, kept in [{@value #MIN_RADIUS}, {@value #MAX_RADIUS}]. */
    public DoubleProperty brushRadiusProperty() {
        return brushRadius;
    }

    public void setBrushRadius(double r) {
        brushRadius.set(Math.max(MIN_RADIUS, Math.min(MAX_RADIUS, r)));
    }

    /** When true, left-drag erases too. */
    public BooleanProperty eraseModeProperty() {
        return eraseMode;
    }

    /** Called after every change of the weights. */
    public void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    /** Interleaved (x, y) points drawn over the painting (e.g. the sampled data); cleared by the next stroke. */
    public void setPoints(float[] xy) {
        points = xy.clone();
        redraw();
    }

    public float[] points() {
        return points.clone();
    }

    // ---- strokes (data coordinates; the mouse handlers call these) ----

    /** Starts a stroke at (x, y) with one dab. */
    public void beginStroke(double x, double y, boolean erase) {
        strokeErases = erase;
        points = new float[0];
        lastX = x;
        lastY = y;
        dab(x, y);
        changed();
    }

    /** Continues the stroke to (x, y), dabs every r/4 along the way. */
    public void strokeTo(double x, double y) {
        if (Double.isNaN(lastX)) return;
        double step = brushRadius.get() / 4;
        double dist = Math.hypot(x - lastX, y - lastY);
        int n = (int) Math.ceil(dist / step);
        for (int i = 1; i <= n; i++) dab(lastX + (x - lastX) * i / n, lastY + (y - lastY) * i / n);
        lastX = x;
        lastY = y;
        if (n > 0) changed();
    }

    public void endStroke() {
        lastX = Double.NaN;
    }

    // w_c ← w_c ± F·exp(−d²/2σ²) for cells within r of (bx, by)
    private void dab(double bx, double by) {
        double r = brushRadius.get();
        double twoSigma2 = 2 * (r / 2) * (r / 2);
        int ix0 = Math.max(0, (int) Math.floor((bx - r - grid.xmin()) / grid.dx()));
        int ix1 = Math.min(grid.nx() - 1, (int) Math.floor((bx + r - grid.xmin()) / grid.dx()));
        int iy0 = Math.max(0, (int) Math.floor((by - r - grid.ymin()) / grid.dy()));
        int iy1 = Math.min(grid.ny() - 1, (int) Math.floor((by + r - grid.ymin()) / grid.dy()));
        for (int iy = iy0; iy <= iy1; iy++) {
            double cy = grid.ymin() + (iy + 0.5) * grid.dy();
            for (int ix = ix0; ix <= ix1; ix++) {
                double cx = grid.xmin() + (ix + 0.5) * grid.dx();
                double d2 = (cx - bx) * (cx - bx) + (cy - by) * (cy - by);
                if (d2 > r * r) continue;
                float g = (float) Math.exp(-d2 / twoSigma2);
                int c = iy * grid.nx() + ix;
                if (strokeErases) {
                    float w = weights[c] - ERASE_FLOW * g;
                    weights[c] = w < SNAP ? 0f : w;
                } else {
                    weights[c] = Math.min(1f, weights[c] + FLOW * g);
                }
            }
        }
    }

    private void changed() {
        redraw();
        onChange.run();
    }

    private void hover(double px, double py) {
        hoverX = px;
        hoverY = py;
        redraw();
    }

    private SquareFrame frame() {
        return SquareFrame.fit(canvas().getWidth(), canvas().getHeight(), scale(), grid);
    }

    /** Canvas pixel → data coordinates. */
    double[] toData(double px, double py) {
        SquareFrame f = frame();
        return f == null ? new double[] {Double.NaN, Double.NaN} : f.toData(px, py);
    }

    // ---- drawing ----

    @Override
    protected void draw(GraphicsContext g, Palette palette) {
        if (palette != rampPalette) {
            rampPalette = palette;
            ramp = inkRamp(palette);
        }
        SquareFrame f = frame();
        if (f == null) return;
        double ls = palette.lineScale();
        int nx = grid.nx();
        int ny = grid.ny();
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                argb[(ny - 1 - iy) * nx + ix] = ramp[Math.round(weights[iy * nx + ix] * (ramp.length - 1))];
            }
        }
        image.getPixelWriter().setPixels(0, 0, nx, ny, PixelFormat.getIntArgbInstance(), argb, 0, nx);
        g.setImageSmoothing(false);
        g.drawImage(image, f.x(), f.y(), f.side(), f.side());
        f.drawAxes(g, palette);
        g.setFill(palette.chart()[1].deriveColor(0, 1, 1, 0.6));
        double s = 2.2 * Math.sqrt(ls);
        for (int i = 0; i + 1 < points.length; i += 2) g.fillOval(f.sx(points[i]) - s / 2, f.sy(points[i + 1]) - s / 2, s, s);
        if (isEmpty()) {
            g.setFill(palette.muted());
            g.setFont(Font.font(null, 13 * ls));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            double cx = f.x() + f.side() / 2;
            double cy = f.y() + f.side() / 2;
            double room = 0.9 * f.side();                  // fillText shrinks the text to fit a small canvas
            g.fillText("Drag to paint a density", cx, cy - 24 * ls, room);
            g.fillText("right-drag erases", cx, cy - 6 * ls, room);
        }
        if (!Double.isNaN(hoverX)) {
            double rp = f.pixels(brushRadius.get());
            boolean erase = eraseMode.get() || (!Double.isNaN(lastX) && strokeErases);
            g.setStroke(erase ? palette.danger() : palette.text());
            g.setLineWidth(1.5 * ls);
            g.setLineDashes(erase ? new double[] {4 * ls, 3 * ls} : null);
            g.strokeOval(hoverX - rp, hoverY - rp, 2 * rp, 2 * rp);
            g.setLineDashes(null);
        }
    }

    /** 256 colours from the surface (w = 0) through the accent (w ≈ 0.7) towards the text colour (w = 1). */
    private static int[] inkRamp(Palette p) {
        int[] lut = new int[256];
        for (int i = 0; i < lut.length; i++) {
            double t = i / 255.0;
            Color c = t <= 0.7 ? p.surface().interpolate(p.accent(), t / 0.7) : p.accent().interpolate(p.text(), (t - 0.7) / 0.3 * 0.55);
            lut[i] = 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                    | (int) Math.round(c.getBlue() * 255);
        }
        return lut;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 480;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 480;
    }
}
