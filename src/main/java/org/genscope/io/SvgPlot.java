package org.genscope.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Line and bar plots as SVG, for figures that stay sharp in papers and slides: title, axes with "nice" ticks (1, 2 or 5 ×
 * 10ᵏ), a light grid, one polyline per series (NaN values break the line), a legend, and a note when points lie
 * above or below the y-range drawn (a robust range that leaves a spike out says so). Several plots stack vertically
 * in one file. Pure text: the UI extracts the numbers from its charts (ChartFX 11 exports bitmaps only) and the
 * command line could use it directly. Hand-written rather than through a Graphics2D-to-SVG library because the
 * drawing code would be the same and a plot needs only these few elements.
 */
public final class SvgPlot {
    /** How a series is drawn: a curve, one bar per point from zero to y (values over categories), or a dot per point. */
    public enum Mark { LINE, BARS, DOTS }

    /** Points (x[i], y[i]) drawn in {@code color} (CSS colour, e.g. {@code #1f77b4}) as {@code mark} says. */
    public record Series(String name, double[] x, double[] y, String color, Mark mark) {
        public Series {
            if (x.length != y.length) throw new IllegalArgumentException(name + ": " + x.length + " x values, " + y.length + " y");
        }

        /** A curve. */
        public Series(String name, double[] x, double[] y, String color) {
            this(name, x, y, color, Mark.LINE);
        }

        public boolean bars() {
            return mark == Mark.BARS;
        }
    }

    /**
     * An axis over [min, max]; {@code integers} labels ticks as grouped whole numbers (steps, epochs), whole ticks
     * only; {@code format}, if not null, writes each tick's label instead (e.g. "M1", "M2"; an empty label skips it).
     */
    public record Axis(String label, double min, double max, boolean integers, DoubleFunction<String> format) {
        public Axis(String label, double min, double max, boolean integers) {
            this(label, min, max, integers, null);
        }
    }

    public record Plot(String title, Axis x, Axis y, List<Series> series) {}

    /** Colours of the page: background, text and axes, grid lines. */
    public record Style(String background, String foreground, String grid) {
        public static final Style LIGHT = new Style("#ffffff", "#1f2328", "#d8dee4");
    }

    public static final int WIDTH = 720;
    public static final int HEIGHT = 440;
    private static final int LEFT = 80;
    private static final int RIGHT = 24;
    private static final int TOP = 48;
    private static final int BOTTOM = 56;

    private SvgPlot() {}

    /** The SVG document with {@code plots} one under the other. */
    public static String render(List<Plot> plots, Style style) {
        if (plots.isEmpty()) throw new IllegalArgumentException("nothing to plot");
        StringBuilder sb = new StringBuilder();
        int h = HEIGHT * plots.size();
        sb.append(String.format(Locale.ROOT, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"13\">%n", WIDTH, h, WIDTH, h));
        sb.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"%s\"/>%n", WIDTH, h, style.background()));
        for (int i = 0; i < plots.size(); i++) plot(sb, plots.get(i), style, i, i * HEIGHT);
        return sb.append("</svg>\n").toString();
    }

    private static void plot(StringBuilder sb, Plot p, Style s, int index, int top) {
        double x0 = LEFT;
        double x1 = WIDTH - RIGHT;
        double y0 = top + TOP;
        double y1 = top + HEIGHT - BOTTOM;
        Axis ax = widen(p.x());
        Axis ay = widen(p.y());
        sb.append(String.format(Locale.ROOT, "<g class=\"plot\">%n<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                + "font-size=\"17\" fill=\"%s\">%s</text>%n", (x0 + x1) / 2, top + 28.0, s.foreground(), escape(p.title())));
        String clip = "plot" + index;
        sb.append(String.format(Locale.ROOT, "<clipPath id=\"%s\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>"
                + "</clipPath>%n", clip, x0, y0, x1 - x0, y1 - y0));
        for (double t : niceTicks(ax.min(), ax.max(), 8)) {
            if (ax.integers() && t != Math.rint(t) || tickLabel(t, ax).isEmpty()) continue;   // counts: whole ticks only
            double px = map(t, ax, x0, x1);
            sb.append(line(px, y0, px, y1, s.grid(), 1));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\">%s</text>%n",
                    px, y1 + 18, s.foreground(), tickLabel(t, ax)));
        }
        for (double t : niceTicks(ay.min(), ay.max(), 6)) {
            if (ay.integers() && t != Math.rint(t) || tickLabel(t, ay).isEmpty()) continue;
            double py = map(t, ay, y1, y0);
            sb.append(line(x0, py, x1, py, s.grid(), 1));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" fill=\"%s\">%s</text>%n",
                    x0 - 6, py + 4, s.foreground(), tickLabel(t, ay)));
        }
        sb.append(line(x0, y1, x1, y1, s.foreground(), 1.2)).append(line(x0, y0, x0, y1, s.foreground(), 1.2));
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\">%s</text>%n",
                (x0 + x1) / 2, y1 + 42, s.foreground(), escape(ax.label())));
        sb.append(String.format(Locale.ROOT, "<text transform=\"translate(%.1f %.1f) rotate(-90)\" text-anchor=\"middle\" "
                + "fill=\"%s\">%s</text>%n", x0 - 58, (y0 + y1) / 2, s.foreground(), escape(ay.label())));
        sb.append(String.format(Locale.ROOT, "<g clip-path=\"url(#%s)\">%n", clip));
        for (Series series : p.series()) {
            if (series.bars()) {
                bars(sb, series, ax, ay, x0, x1, y0, y1);
                continue;
            }
            if (series.mark() == Mark.DOTS) {
                dots(sb, series, ax, ay, x0, x1, y0, y1);
                continue;
            }
            for (String points : polylines(series, ax, ay, x0, x1, y0, y1)) {
                sb.append(String.format(Locale.ROOT, "<polyline class=\"series\" data-series=\"%s\" fill=\"none\" stroke=\"%s\" "
                        + "stroke-width=\"2\" stroke-linejoin=\"round\" points=\"%s\"/>%n",
                        escape(series.name()), series.color(), points));
            }
        }
        sb.append("</g>\n");
        String offScale = offScale(p, ax, ay);
        if (offScale != null) {
            sb.append(String.format(Locale.ROOT, "<text class=\"off-scale\" x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
                    + "fill=\"%s\">%s</text>%n", x0 + 8, y0 + 16, s.foreground(), escape(offScale)));
        }
        double ly = y0 + 14;
        double lx = x1 - 160;
        sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"152\" height=\"%d\" fill=\"%s\" "
                + "fill-opacity=\"0.85\" stroke=\"%s\"/>%n", lx - 8, y0 + 4, 18 * p.series().size() + 4, s.background(), s.grid()));
        for (Series series : p.series()) {
            if (series.bars()) {
                sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"24\" height=\"10\" fill=\"%s\"/>%n",
                        lx, ly - 5, series.color()));
            } else if (series.mark() == Mark.DOTS) {
                sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>%n", lx + 12, ly,
                        series.color()));
            } else {
                sb.append(line(lx, ly, lx + 24, ly, series.color(), 3));
            }
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">%s</text>%n", lx + 30, ly + 4,
                    s.foreground(), escape(series.name())));
            ly += 18;
        }
        sb.append("</g>\n");
    }

    /** "n points above the range shown" (and/or below) for points within the x-range, or null if there are none. */
    static String offScale(Plot p, Axis ax, Axis ay) {
        int above = 0;
        int below = 0;
        for (Series series : p.series()) {
            for (int i = 0; i < series.x().length; i++) {
                double x = series.x()[i];
                double y = series.y()[i];
                if (!(x >= ax.min() && x <= ax.max()) || !Double.isFinite(y)) continue;
                if (y > ay.max()) above++;
                if (y < ay.min()) below++;
            }
        }
        if (above + below == 0) return null;
        String a = above > 0 ? above + (above == 1 ? " point" : " points") + " above" : "";
        String b = below > 0 ? (above > 0 ? ", " + below : below + (below == 1 ? " point" : " points")) + " below" : "";
        return a + b + " the range shown";
    }

    /** One bar per finite point, 55 % of the closest spacing of the x values wide, from y = 0 (or the axis end). */
    private static void bars(StringBuilder sb, Series s, Axis ax, Axis ay, double x0, double x1, double y0, double y1) {
        double[] xs = java.util.Arrays.stream(s.x()).filter(Double::isFinite).sorted().toArray();
        double spacing = ax.max() - ax.min();
        for (int i = 1; i < xs.length; i++) if (xs[i] > xs[i - 1]) spacing = Math.min(spacing, xs[i] - xs[i - 1]);
        double half = 0.55 * spacing / 2;
        double base = Math.max(ay.min(), Math.min(ay.max(), 0));
        for (int i = 0; i < s.x().length; i++) {
            double x = s.x()[i];
            double y = s.y()[i];
            if (!Double.isFinite(x) || !Double.isFinite(y)) continue;
            double left = map(x - half, ax, x0, x1);
            double right = map(x + half, ax, x0, x1);
            double top = map(Math.max(y, base), ay, y1, y0);
            double bottom = map(Math.min(y, base), ay, y1, y0);
            sb.append(String.format(Locale.ROOT, "<rect class=\"bar\" data-series=\"%s\" x=\"%.2f\" y=\"%.2f\" "
                    + "width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/>%n", escape(s.name()), left, top, right - left,
                    bottom - top, s.color()));
        }
    }

    /** One small translucent dot per finite point inside the plot (a scatter of many points: one path of circles). */
    private static void dots(StringBuilder sb, Series s, Axis ax, Axis ay, double x0, double x1, double y0, double y1) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < s.x().length; i++) {
            double x = s.x()[i];
            double y = s.y()[i];
            if (!Double.isFinite(x) || !Double.isFinite(y)) continue;
            double px = map(x, ax, x0, x1);
            double py = map(y, ay, y1, y0);
            // a circle of radius 1.6 as two arcs, so thousands of dots stay one element
            d.append(String.format(Locale.ROOT, "M%.1f %.1fa1.6 1.6 0 1 0 3.2 0a1.6 1.6 0 1 0 -3.2 0", px - 1.6, py));
        }
        sb.append(String.format(Locale.ROOT, "<path class=\"dots\" data-series=\"%s\" fill=\"%s\" fill-opacity=\"0.6\" d=\"%s\"/>%n",
                escape(s.name()), s.color(), d));
    }

    /** Each run of finite points of the series as an SVG points list. */
    private static List<String> polylines(Series s, Axis ax, Axis ay, double x0, double x1, double y0, double y1) {
        List<String> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i <= s.x().length; i++) {
            boolean ok = i < s.x().length && Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i]);
            if (ok) {
                if (!run.isEmpty()) run.append(' ');
                run.append(String.format(Locale.ROOT, "%.2f,%.2f", map(s.x()[i], ax, x0, x1), map(s.y()[i], ay, y1, y0)));
            } else if (!run.isEmpty()) {
                out.add(run.toString());
                run.setLength(0);
            }
        }
        return out;
    }

    /** An axis with a usable range: a single value or an empty/invalid range gets ±½ (or ±5 %) around it. */
    static Axis widen(Axis a) {
        double lo = a.min();
        double hi = a.max();
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 0;
            hi = 1;
        }
        if (hi <= lo) {
            double pad = lo == 0 ? 0.5 : Math.abs(lo) * 0.05;
            lo -= pad;
            hi += pad;
        }
        return new Axis(a.label(), lo, hi, a.integers(), a.format());
    }

    /** Ticks at multiples of 1, 2 or 5 × 10ᵏ inside [min, max], about {@code target} of them. */
    static double[] niceTicks(double min, double max, int target) {
        double raw = (max - min) / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag * (raw / mag < 1.5 ? 1 : raw / mag < 3.5 ? 2 : raw / mag < 7.5 ? 5 : 10);
        double first = Math.ceil(min / step - 1e-9) * step;
        List<Double> ticks = new ArrayList<>();
        for (double t = first; t <= max + step * 1e-9; t += step) ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String tickLabel(double t, Axis a) {
        if (a.format() != null) return escape(a.format().apply(t));
        if (a.integers()) return String.format(Locale.ROOT, "%,d", Math.round(t));
        String s = String.format(Locale.ROOT, "%.6g", t);
        if (s.contains("e")) return s;
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static double map(double v, Axis a, double from, double to) {
        return from + (v - a.min()) / (a.max() - a.min()) * (to - from);
    }

    private static String line(double xa, double ya, double xb, double yb, String color, double width) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n",
                xa, ya, xb, yb, color, width);
    }

    static String escape(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
