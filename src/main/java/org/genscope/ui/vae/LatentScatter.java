package org.genscope.ui.vae;

import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.genscope.ui.common.ThemedCanvas;
import org.genscope.ui.theme.Palette;

/**
 * The latent scatter: every example's code μ(x) as a dot on the plane of {@link LatentCodes}, coloured by class,
 * with the one- and two-σ ellipses of q(z|x) for the point under the mouse and the selected one, the cursor that
 * is being decoded, the interpolation paths and the region the manifold grid covers. The dots are rasterised into
 * one image (about a millisecond for 10,000) only when the codes, the shown classes, the size or the theme change;
 * moving the mouse redraws the overlays on top of it. Press or drag anywhere to decode that point; press on a dot
 * to select its example. FX thread only.
 */
final class LatentScatter extends ThemedCanvas {
    /** How close (pixels) the mouse must be to a dot to hover or select it. */
    static final double PICK_RADIUS = 7;

    private LatentCodes codes;
    private boolean[] hidden = new boolean[0];
    private double[] box = {-3, 3, -3, 3};
    private double[] gridExtent;
    private PlotFrame frame;
    private int hover = -1;
    private int selected = -1;
    private int endA = -1;
    private int endB = -1;
    private double[] cursor;
    private float[] linear;
    private float[] spherical;
    private WritableImage dots;
    private int[] pixels = new int[0];
    private boolean stale = true;
    private Palette rasterPalette;
    private long rasterNanos;
    private long drawNanos;
    private String noun = "class";
    private BiConsumer<Double, Double> onDecode = (u, v) -> { };
    private IntConsumer onSelect = i -> { };

    LatentScatter() {
        getStyleClass().add("latent-scatter");
        canvas().addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(nearest(e.getX(), e.getY())));
        canvas().addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(-1));
        canvas().addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() != MouseButton.PRIMARY || frame == null || codes == null) return;
            int i = nearest(e.getX(), e.getY());
            if (i >= 0) onSelect.accept(i);
            else decode(e);
        });
        canvas().addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.isPrimaryButtonDown() && frame != null && codes != null) decode(e);
        });
    }

    private void decode(MouseEvent e) {
        double x = Math.max(frame.x0(), Math.min(frame.x0() + frame.w(), e.getX()));
        double y = Math.max(frame.y0(), Math.min(frame.y0() + frame.h(), e.getY()));
        onDecode.accept(frame.u(x), frame.v(y));
    }

    void setOnDecode(BiConsumer<Double, Double> onDecode) {
        this.onDecode = onDecode;
    }

    void setOnSelect(IntConsumer onSelect) {
        this.onSelect = onSelect;
    }

    /** New codes (or null): the view fits them (the central 99%, and the grid's region), keeping hidden classes. */
    void setCodes(LatentCodes c, double[] gridRegion) {
        codes = c;
        gridExtent = gridRegion;
        if (c != null) {
            if (hidden.length != c.classes()) hidden = new boolean[c.classes()];
            double[] s = c.spread(0.99);
            if (gridRegion != null) {
                s = new double[] {Math.min(s[0], gridRegion[0]), Math.max(s[1], gridRegion[1]),
                    Math.min(s[2], gridRegion[2]), Math.max(s[3], gridRegion[3])};
            }
            if (c.latent() == 1) s = new double[] {s[0], s[1], -1.2, 1.2};
            double pu = 0.06 * (s[1] - s[0]) + 1e-3;
            double pv = 0.06 * (s[3] - s[2]) + 1e-3;
            box = new double[] {s[0] - pu, s[1] + pu, s[2] - pv, s[3] + pv};
        }
        if (c == null || hover >= c.size()) hover = -1;
        stale = true;
        redraw();
    }

    /** What a class is called in the hover label ("digit", "class"). */
    void setClassNoun(String noun) {
        this.noun = noun;
    }

    /** The plane region the manifold grid covers (drawn dashed, and kept in view). */
    void setGridExtent(double[] region) {
        setCodes(codes, region);
    }

    void setSelected(int i) {
        selected = i;
        redraw();
    }

    /** The decoded point (plane coordinates), or null. */
    void markDecoded(double[] uv) {
        cursor = uv;
        redraw();
    }

    /** The interpolation's ends and paths (plane coordinates, interleaved), or −1 / null. */
    void setInterpolation(int a, int b, float[] linearUv, float[] sphericalUv) {
        endA = a;
        endB = b;
        linear = linearUv;
        spherical = sphericalUv;
        redraw();
    }

    /** Shows or hides the dots of class {@code k}. */
    void setClassShown(int k, boolean shown) {
        if (k < hidden.length) hidden[k] = !shown;
        if (hover >= 0 && !visible(hover)) hover = -1;
        stale = true;
        redraw();
    }

    boolean classShown(int k) {
        return k >= hidden.length || !hidden[k];
    }

    /** Nanoseconds the last rasterisation of the dots / the last whole redraw took (for the benchmark). */
    long rasterNanos() {
        return rasterNanos;
    }

    long drawNanos() {
        return drawNanos;
    }

    /** The example whose dot is nearest canvas point (x, y) within {@link #PICK_RADIUS}, or −1. */
    int nearest(double x, double y) {
        if (codes == null || frame == null) return -1;
        float[] uv = codes.uv();
        double best = PICK_RADIUS * PICK_RADIUS * scale() * scale();
        int found = -1;
        for (int i = 0; i < codes.size(); i++) {
            if (!visible(i)) continue;
            double dx = frame.px(uv[2 * i]) - x;
            double dy = frame.py(uv[2 * i + 1]) - y;
            double d = dx * dx + dy * dy;
            if (d < best) {
                best = d;
                found = i;
            }
        }
        return found;
    }

    /** Canvas coordinates of plane point (u, v), or null before the first drawing (for tests). */
    double[] toCanvas(double u, double v) {
        return frame == null ? null : new double[] {frame.px(u), frame.py(v)};
    }

    private boolean visible(int i) {
        int y = codes.label(i);
        return y < 0 || y >= hidden.length || !hidden[y];
    }

    private void hover(int i) {
        if (i == hover) return;
        hover = i;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, Palette p) {
        long t0 = System.nanoTime();
        double ls = scale();
        double w = canvas().getWidth();
        double h = canvas().getHeight();
        frame = PlotFrame.fit(box, w, h, 52 * ls, 42 * ls, 14 * ls);
        if (codes == null) {
            frame.drawAxes(g, p, "z₁", "z₂");
            g.setFill(p.muted());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("Train (or open) a model to see its latent space.", frame.x0() + frame.w() / 2, frame.y0() + frame.h() / 2);
            return;
        }
        if (stale || p != rasterPalette || dots == null || dots.getWidth() != (int) w || dots.getHeight() != (int) h) {
            raster(p, (int) w, (int) h);
        }
        g.drawImage(dots, 0, 0);
        g.save();
        g.beginPath();
        g.rect(frame.x0(), frame.y0(), frame.w(), frame.h());
        g.clip();
        g.setLineWidth(1.2 * ls);
        if (gridExtent != null && codes.latent() >= 2) {
            g.setStroke(p.muted());
            g.setLineDashes(5 * ls, 4 * ls);
            g.strokeRect(frame.px(gridExtent[0]), frame.py(gridExtent[3]), (gridExtent[1] - gridExtent[0]) * frame.scale(),
                    (gridExtent[3] - gridExtent[2]) * frame.scale());
            g.setLineDashes();
        }
        frame.polyline(g, linear, p.text(), false, ls);
        frame.polyline(g, spherical, p.text(), true, ls);
        Color[] classes = ClassColours.of(this, p);
        for (int i : new int[] {selected, hover}) {
            if (i >= 0 && i < codes.size()) ellipses(g, p, classes, i, ls);
        }
        end(g, p, endA, "A", ls);
        end(g, p, endB, "B", ls);
        if (cursor != null) {
            double x = frame.px(cursor[0]);
            double y = frame.py(cursor[1]);
            g.setStroke(p.text());
            g.setLineWidth(1.5 * ls);
            g.strokeLine(x - 9 * ls, y, x - 3 * ls, y);
            g.strokeLine(x + 3 * ls, y, x + 9 * ls, y);
            g.strokeLine(x, y - 9 * ls, x, y - 3 * ls);
            g.strokeLine(x, y + 3 * ls, x, y + 9 * ls);
        }
        g.restore();
        String u = codes.projected() ? "principal direction 1 of the codes" : "z₁";
        String v = codes.projected() ? "principal direction 2" : codes.latent() == 1 ? "" : "z₂";
        frame.drawAxes(g, p, u, v);
        if (hover >= 0) label(g, p, hover, ls);
        drawNanos = System.nanoTime() - t0;
    }

    /** Every shown dot into one image: small squares, alpha-blended so dense regions read as dense. */
    private void raster(Palette p, int w, int h) {
        long t0 = System.nanoTime();
        if (pixels.length != w * h) pixels = new int[w * h];
        else java.util.Arrays.fill(pixels, 0);
        Color[] classes = ClassColours.of(this, p);
        int[] argb = new int[Math.max(1, classes.length)];
        for (int k = 0; k < classes.length; k++) argb[k] = argb(classes[k], 0.6);
        int single = argb(p.accent(), 0.45);
        int size = (int) Math.round(3 * scale());
        int half = size / 2;
        float[] uv = codes.uv();
        for (int i = 0; i < codes.size(); i++) {
            if (!visible(i)) continue;
            int y = codes.label(i);
            int c = y < 0 ? single : argb[y % argb.length];
            int cx = (int) Math.round(frame.px(uv[2 * i]));
            int cy = (int) Math.round(frame.py(uv[2 * i + 1]));
            for (int yy = Math.max(0, cy - half); yy < Math.min(h, cy - half + size); yy++) {
                for (int xx = Math.max(0, cx - half); xx < Math.min(w, cx - half + size); xx++) {
                    pixels[yy * w + xx] = over(c, pixels[yy * w + xx]);
                }
            }
        }
        if (dots == null || dots.getWidth() != w || dots.getHeight() != h) dots = new WritableImage(Math.max(1, w), Math.max(1, h));
        dots.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        stale = false;
        rasterPalette = p;
        rasterNanos = System.nanoTime() - t0;
    }

    private static int argb(Color c, double alpha) {
        return ((int) Math.round(alpha * 255) << 24) | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }

    /** Source-over compositing of two non-premultiplied ARGB colours. */
    static int over(int src, int dst) {
        int sa = src >>> 24;
        int da = dst >>> 24;
        if (da == 0) return src;
        int oa = sa + da * (255 - sa) / 255;
        int r = channel(src >> 16, dst >> 16, sa, da, oa);
        int g = channel(src >> 8, dst >> 8, sa, da, oa);
        int b = channel(src, dst, sa, da, oa);
        return (oa << 24) | (r << 16) | (g << 8) | b;
    }

    private static int channel(int s, int d, int sa, int da, int oa) {
        return ((s & 255) * sa + (d & 255) * da * (255 - sa) / 255) / Math.max(1, oa);
    }

    private void ellipses(GraphicsContext g, Palette p, Color[] classes, int i, double ls) {
        double[] e = codes.ellipse(i);
        double x = frame.px(codes.uv()[2 * i]);
        double y = frame.py(codes.uv()[2 * i + 1]);
        g.save();
        g.translate(x, y);
        g.rotate(-Math.toDegrees(e[2]));
        double a = Math.max(1.5, e[0] * frame.scale());
        double b = Math.max(1.5, e[1] * frame.scale());
        g.setStroke(ClassColours.colour(classes, p, codes.label(i)));
        g.setLineWidth(2 * ls);
        g.strokeOval(-a, -b, 2 * a, 2 * b);
        g.setLineWidth(1 * ls);
        g.setLineDashes(4 * ls, 3 * ls);
        g.strokeOval(-2 * a, -2 * b, 4 * a, 4 * b);
        g.setLineDashes();
        g.restore();
        g.setFill(p.text());
        g.fillOval(x - 3 * ls, y - 3 * ls, 6 * ls, 6 * ls);
    }

    private void end(GraphicsContext g, Palette p, int i, String name, double ls) {
        if (i < 0 || i >= codes.size()) return;
        double x = frame.px(codes.uv()[2 * i]);
        double y = frame.py(codes.uv()[2 * i + 1]);
        g.setFill(p.surface());
        g.fillOval(x - 8 * ls, y - 8 * ls, 16 * ls, 16 * ls);
        g.setStroke(p.text());
        g.setLineWidth(1.5 * ls);
        g.strokeOval(x - 8 * ls, y - 8 * ls, 16 * ls, 16 * ls);
        g.setFill(p.text());
        g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 11 * ls));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(name, x, y);
    }

    private void label(GraphicsContext g, Palette p, int i, double ls) {
        int y = codes.label(i);
        String text = (y < 0 ? "example " + (i + 1) : noun + " " + y) + " — click to select";
        double x = frame.px(codes.uv()[2 * i]) + 10 * ls;
        double yy = frame.py(codes.uv()[2 * i + 1]) - 10 * ls;
        g.setFont(Font.font(null, 12 * ls));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        double tw = org.genscope.ui.common.Texts.width(text, g.getFont());
        if (x + tw > frame.x0() + frame.w()) x -= tw + 20 * ls;
        g.setFill(p.surface().deriveColor(0, 1, 1, 0.85));
        g.fillRect(x - 3 * ls, yy - 16 * ls, tw + 6 * ls, 18 * ls);
        g.setFill(p.text());
        g.fillText(text, x, yy);
    }
}
