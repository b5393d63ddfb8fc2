package org.genscope.ui.flow;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.genscope.data.Grid2D;
import org.genscope.flow.LayerStages;
import org.genscope.ui.common.CanvasRegion;
import org.genscope.ui.common.Colormap;
import org.genscope.ui.theme.Palette;

/**
 * The warp of a 2-D flow at a fractional stage t ∈ [0, K]: the base-space grid lines and sample cloud where the
 * layers carry them (interpolated linearly between stages ⌊t⌋ and ⌈t⌉, the view bounds too, so the camera glides),
 * over the exact density of the intermediate variable (the two stages around t cross-faded), with a caption
 * "stage k of K: …". Points keep the colour of the base-space sector they started in, so one can follow where a
 * region of the base goes. FX thread only.
 */
public final class WarpView extends CanvasRegion {
    /** Sectors of the base plane, one chart colour each (chart colours 7 and 8 are too dark on the density). */
    private static final int SECTORS = 6;

    private final DoubleProperty position = new SimpleDoubleProperty(this, "position", 0);
    private LayerStages stages;
    private LayerStages.Frame frame;
    private int[] sector = new int[0];
    private WritableImage[] images = new WritableImage[0];
    private Palette palette;
    private boolean compact;
    private boolean showGrid = true;
    private boolean showPoints = true;
    private boolean showDensity = true;

    public WarpView() {
        getStyleClass().add("warp-view");
        position.addListener((obs, old, now) -> update());
        Palette.watch(this, () -> {
            palette = null;
            redraw();
        });
    }

    /** Shows these stages (null clears the view); the position is kept, clamped to the new K. */
    public void setStages(LayerStages s) {
        stages = s;
        images = new WritableImage[s == null ? 0 : s.count() + 1];
        sector = s == null ? new int[0] : sectors(s.points(0));
        update();
    }

    public LayerStages getStages() {
        return stages;
    }

    public DoubleProperty positionProperty() {
        return position;
    }

    public double getPosition() {
        return position.get();
    }

    /** Moves to stage t (fractions interpolate; clamped to 0..K when drawn). */
    public void setPosition(double t) {
        position.set(t);
    }

    /** Thumbnail style: a short caption ("base", "3", "data"), thinner lines, smaller dots. */
    public void setCompact(boolean compact) {
        this.compact = compact;
        redraw();
    }

    /** Draws the grid lines or not. */
    public void setShowGrid(boolean on) {
        showGrid = on;
        redraw();
    }

    /** Draws the sample cloud or not. */
    public void setShowPoints(boolean on) {
        showPoints = on;
        redraw();
    }

    /** Draws the stage densities or not (the plot stays the colour map's low end). */
    public void setShowDensity(boolean on) {
        showDensity = on;
        redraw();
    }

    public boolean isShowGrid() {
        return showGrid;
    }

    public boolean isShowPoints() {
        return showPoints;
    }

    public boolean isShowDensity() {
        return showDensity;
    }

    /** What is drawn now (the interpolated grid, cloud and view), or null without stages. */
    LayerStages.Frame frame() {
        return frame;
    }

    /** The caption for the current position (the nearest stage), or null without stages. */
    String caption() {
        return stages == null ? null : captionText((int) Math.round(Math.max(0, Math.min(stages.count(), position.get()))));
    }

    private void update() {
        frame = stages == null ? null : stages.at(Double.isNaN(position.get()) ? 0 : position.get());
        redraw();
    }

    /** Sector 0..5 of each base point around the base sample's mean, by angle. */
    private static int[] sectors(float[] z) {
        int n = z.length / 2;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += z[2 * i] / n;
            my += z[2 * i + 1] / n;
        }
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            double a = Math.atan2(z[2 * i + 1] - my, z[2 * i] - mx) + Math.PI;
            s[i] = Math.min(SECTORS - 1, (int) (a / (2 * Math.PI) * SECTORS));
        }
        return s;
    }

    // ---- drawing ----

    @Override
    protected void redraw() {
        double w = canvas().getWidth();
        double h = canvas().getHeight();
        GraphicsContext g = canvas().getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (getScene() == null || w < 20 || h < 20) return;
        if (palette == null) palette = Palette.of(this);
        double ls = palette.lineScale();
        Font font = Font.font(null, FontWeight.BOLD, (compact ? 11 : 14) * ls);
        Font small = Font.font(null, FontWeight.NORMAL, 12 * ls);
        if (frame == null) {
            caption(g, font, palette.muted(), "No 2-D flow to show yet", w / 2, h / 2, w);
            return;
        }
        double pad = compact ? 3 : 8 * ls;
        double t = Math.max(0, Math.min(stages.count(), position.get()));
        int nearest = (int) Math.round(t);
        double captionH;
        if (compact) {
            captionH = font.getSize() * 1.6;
            caption(g, font, palette.text(), caption(), w / 2, captionH / 2 + pad / 2, w - 2 * pad);
        } else {
            // "stage k of K: after layer j⁻¹" in bold, what layer j is on a second, muted line
            double line1 = font.getSize() * 1.5;
            captionH = line1 + small.getSize() * 1.5;
            String title = "stage " + nearest + " of " + stages.count() + ": "
                    + (nearest == 0 ? "base" : (nearest == stages.count() ? "data, " : "") + "after layer " + (stages.layerIndex(nearest) + 1) + "⁻¹");
            String what = nearest == 0 ? "samples z ~ p_Z and a grid of lines in base space" : stages.layerName(nearest);
            caption(g, font, palette.text(), title, w / 2, pad / 2 + line1 / 2, w - 2 * pad);
            caption(g, small, palette.muted(), what, w / 2, pad / 2 + line1 + small.getSize() * 0.7, w - 2 * pad);
        }
        double side = Math.max(1, Math.min(w - 2 * pad, h - captionH - 2 * pad));
        double left = (w - side) / 2;
        double top = captionH + pad + (h - captionH - 2 * pad - side) / 2;

        double[] v = frame.view();
        double sx = side / (v[1] - v[0]);
        double sy = side / (v[3] - v[2]);
        g.save();
        g.beginPath();
        g.rect(left, top, side, side);
        g.clip();
        // outside the density grids the density is ~0: the colour map's low end, so image edges do not show
        int low = Colormap.MAGMA.argb(0);
        g.setFill(Color.rgb((low >> 16) & 255, (low >> 8) & 255, low & 255));
        g.fillRect(left, top, side, side);
        // cross-fade: stage ⌊t⌋ opaque, stage ⌈t⌉ on top with alpha t − ⌊t⌋
        int k0 = (int) Math.floor(t);
        if (showDensity) {
            density(g, k0, left, top, v, sx, sy, 1);
            if (t > k0) density(g, k0 + 1, left, top, v, sx, sy, t - k0);
            g.setGlobalAlpha(1);
        }
        if (showGrid) lines(g, left, top, v, sx, sy, ls);
        if (showPoints) points(g, left, top, v, sx, sy, ls);
        g.restore();
        g.setStroke(palette.border());
        g.setLineWidth(1);
        g.strokeRect(left + 0.5, top + 0.5, side - 1, side - 1);
    }

    private String captionText(int k) {
        int last = stages.count();
        if (compact) return k == 0 ? "base" : k == last ? "data" : String.valueOf(k);
        return "stage " + k + " of " + last + ": " + stages.label(k);
    }

    private void caption(GraphicsContext g, Font font, Color colour, String text, double cx, double cy, double maxWidth) {
        g.setFont(font);
        g.setFill(colour);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(fit(text, font, maxWidth), cx, cy);
    }

    /** The text, cut with an ellipsis to fit maxWidth. */
    private static String fit(String text, Font font, double maxWidth) {
        Text probe = new Text(text);
        probe.setFont(font);
        if (probe.getLayoutBounds().getWidth() <= maxWidth) return text;
        int n = text.length();
        while (n > 1) {
            probe.setText(text.substring(0, --n) + "…");
            if (probe.getLayoutBounds().getWidth() <= maxWidth) break;
        }
        return probe.getText();
    }

    private void density(GraphicsContext g, int stage, double left, double top, double[] v, double sx, double sy, double alpha) {
        WritableImage img = image(stage);
        Grid2D grid = stages.densityGrid(stage);
        g.setGlobalAlpha(alpha);
        g.setImageSmoothing(true);
        g.drawImage(img, left + (grid.xmin() - v[0]) * sx, top + (v[3] - grid.ymax()) * sy,
                (grid.xmax() - grid.xmin()) * sx, (grid.ymax() - grid.ymin()) * sy);
    }

    /**
     * The stage's density in MAGMA, scaled so its 99.5th percentile is the top colour (one sharp peak does not turn
     * the rest black); image row 0 is the top (y = ymax).
     */
    private WritableImage image(int stage) {
        if (images[stage] != null) return images[stage];
        Grid2D grid = stages.densityGrid(stage);
        float[] p = stages.density(stage);
        double top = percentile(p, 0.995);
        int nx = grid.nx();
        int ny = grid.ny();
        int[] argb = new int[nx * ny];
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                float x = p[iy * nx + ix];
                argb[(ny - 1 - iy) * nx + ix] = Colormap.MAGMA.argb(Float.isFinite(x) && top > 0 ? x / top : 0);
            }
        }
        WritableImage img = new WritableImage(nx, ny);
        img.getPixelWriter().setPixels(0, 0, nx, ny, PixelFormat.getIntArgbInstance(), argb, 0, nx);
        return images[stage] = img;
    }

    /** The q-quantile of the finite values (0 if none). */
    static double percentile(float[] v, double q) {
        float[] f = new float[v.length];
        int n = 0;
        for (float x : v) if (Float.isFinite(x)) f[n++] = x;
        if (n == 0) return 0;
        java.util.Arrays.sort(f, 0, n);
        return f[(int) Math.round(q * (n - 1))];
    }

    private void lines(GraphicsContext g, double left, double top, double[] v, double sx, double sy, double ls) {
        float[] l = frame.lines();
        int per = stages.pointsPerLine();
        // the density underneath is dark at its low end in both themes: keep the muted colour light enough
        Color muted = palette.muted();
        g.setStroke((muted.getBrightness() < 0.6 ? muted.deriveColor(0, 1, 1.5, 1) : muted).deriveColor(0, 1, 1, 0.6));
        g.setLineWidth((compact ? 0.6 : 1.1) * ls);
        g.beginPath();
        for (int line = 0; line < stages.lineCount(); line++) {
            boolean pen = false;
            for (int p = 0; p < per; p++) {
                int i = 2 * (line * per + p);
                if (!Float.isFinite(l[i]) || !Float.isFinite(l[i + 1])) {
                    pen = false;
                    continue;
                }
                double px = left + (l[i] - v[0]) * sx;
                double py = top + (v[3] - l[i + 1]) * sy;
                if (pen) {
                    g.lineTo(px, py);
                } else {
                    g.moveTo(px, py);
                    pen = true;
                }
            }
        }
        g.stroke();
    }

    private void points(GraphicsContext g, double left, double top, double[] v, double sx, double sy, double ls) {
        float[] q = frame.points();
        double r = (compact ? 1.6 : 2.4) * ls;
        Color[] colours = new Color[SECTORS];
        // slightly see-through, so the density under a crowd of samples still shows; the light theme's darker
        // chart colours brightened, as the density's low end is near black
        for (int s = 0; s < SECTORS; s++) {
            Color c = palette.chart()[s];
            colours[s] = c.deriveColor(0, 1, c.getBrightness() < 0.8 ? 1.35 : 1, 0.85);
        }
        for (int i = 0; i < sector.length; i++) {
            if (!Float.isFinite(q[2 * i]) || !Float.isFinite(q[2 * i + 1])) continue;
            g.setFill(colours[sector[i]]);
            g.fillOval(left + (q[2 * i] - v[0]) * sx - r, top + (v[3] - q[2 * i + 1]) * sy - r, 2 * r, 2 * r);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return compact ? 120 : 460;
    }

    @Override
    protected double computePrefHeight(double width) {
        return compact ? 136 : 500;
    }
}
