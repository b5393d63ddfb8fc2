package org.genscope.ui.export;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.DataSet;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import org.genscope.PlainNumber;
import org.genscope.io.SvgPlot;
import org.genscope.ui.common.Charts;
import org.genscope.ui.theme.ThemeColors;

/**
 * Writes any node to PNG (at a chosen scale, 2× by default, for crisp slides and papers) and the data of every
 * ChartFX chart inside a node to CSV. Must be called on the FX thread (snapshots and ChartFX data sets belong to
 * it). Files are written to a temporary sibling and renamed, so a failure never leaves a half-written file.
 */
public final class ViewExporter {
    public static final double DEFAULT_SCALE = 2.0;

    private ViewExporter() {}

    /** Renders {@code node} at {@code scale} onto {@code background} (null = transparent). */
    public static WritableImage snapshot(Node node, double scale, Color background) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(scale, scale));
        params.setFill(background == null ? Color.TRANSPARENT : background);
        return node.snapshot(params, null);
    }

    public static void writePng(Node node, double scale, Color background, Path file) throws IOException {
        WritableImage image = snapshot(node, scale, background);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        writeAtomically(file, out -> {
            if (!ImageIO.write(buffered, "png", out)) throw new IOException("no PNG writer available");
        });
    }

    /** Every ChartFX chart inside {@code root} (including root itself), in scene-graph order. */
    public static List<XYChart> findCharts(Node root) {
        List<XYChart> charts = new ArrayList<>();
        collectCharts(root, charts);
        return charts;
    }

    /** Every {@link SvgSource} inside {@code root} (including root itself), in scene-graph order. */
    public static List<SvgSource> findSvgSources(Node root) {
        List<SvgSource> out = new ArrayList<>();
        collectSources(root, out);
        return out;
    }

    private static void collectSources(Node node, List<SvgSource> out) {
        if (node instanceof SvgSource source) out.add(source);
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) collectSources(child, out);
        }
    }

    private static void collectCharts(Node node, List<XYChart> out) {
        if (node instanceof XYChart chart) {
            out.add(chart);
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) collectCharts(child, out);
        }
    }

    /**
     * Writes the data of {@code charts} as CSV in long format, one row per point:
     * {@code chart,series,x,y} — easy to pivot in pandas, R or a spreadsheet.
     */
    public static void writeCsv(List<XYChart> charts, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("chart,series,x,y\n");
        for (int c = 0; c < charts.size(); c++) {
            XYChart chart = charts.get(c);
            String chartName = chart.getTitle() == null || chart.getTitle().isBlank()
                    ? "chart" + (c + 1) : chart.getTitle();
            for (DataSet ds : chart.getAllDatasets()) {
                String series = ds.getName() == null ? "series" : ds.getName();
                int n = ds.getDataCount();
                for (int i = 0; i < n; i++) {
                    sb.append(csvField(chartName)).append(',').append(csvField(series)).append(',')
                            .append(number(ds.get(DataSet.DIM_X, i))).append(',')
                            .append(number(ds.get(DataSet.DIM_Y, i))).append('\n');
                }
            }
        }
        writeAtomically(file, out -> {
            try (Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                w.write(sb.toString());
            }
        });
    }

    /**
     * Writes {@code charts} as one SVG (stacked, each as it is zoomed now: the axes' current ranges, curves or bars as
     * drawn), coloured like the theme shows them ({@code -app-chart-N} per series, {@code -app-surface}/
     * {@code -app-text}/{@code -app-grid} for the page). FX thread (it reads the charts); written atomically.
     */
    public static void writeSvg(List<XYChart> charts, Path file) throws IOException {
        writeSvg(charts, List.of(), null, file);
    }

    /**
     * The same with the plots of {@code sources} after the charts' ({@code themed}: a node of the view, where the
     * page colours resolve when there is no chart).
     */
    public static void writeSvg(List<XYChart> charts, List<SvgSource> sources, Node themed, Path file) throws IOException {
        List<SvgPlot.Plot> fromSources = new ArrayList<>();
        for (SvgSource src : sources) fromSources.addAll(src.svgPlots());
        if (charts.isEmpty() && fromSources.isEmpty()) throw new IOException("this view has no chart to export as SVG; choose .png");
        List<SvgPlot.Plot> plots = new ArrayList<>();
        for (int c = 0; c < charts.size(); c++) {
            XYChart chart = charts.get(c);
            List<SvgPlot.Series> series = new ArrayList<>();
            List<DataSet> sets = chart.getAllDatasets();
            boolean bars = Charts.drawsBars(chart);
            for (int k = 0; k < sets.size(); k++) {
                DataSet ds = sets.get(k);
                int n = ds.getDataCount();
                double[] x = new double[n];
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = ds.get(DataSet.DIM_X, i);
                    y[i] = ds.get(DataSet.DIM_Y, i);
                }
                Color color = ThemeColors.resolve(host(chart), "-app-chart-" + (k % 8 + 1), Color.GRAY);
                series.add(new SvgPlot.Series(ds.getName() == null ? "series " + (k + 1) : ds.getName(), x, y, css(color),
                        bars ? SvgPlot.Mark.BARS : SvgPlot.Mark.LINE));
            }
            String title = chart.getTitle() == null || chart.getTitle().isBlank() ? "chart " + (c + 1) : chart.getTitle();
            plots.add(new SvgPlot.Plot(title, axis(chart.getXAxis()), axis(chart.getYAxis()), series));
        }
        plots.addAll(fromSources);
        Parent any = host(charts.isEmpty() ? themed : charts.get(0));
        SvgPlot.Style style = new SvgPlot.Style(css(ThemeColors.resolve(any, "-app-surface", Color.WHITE)),
                css(ThemeColors.resolve(any, "-app-text", Color.BLACK)), css(ThemeColors.resolve(any, "-app-grid", Color.LIGHTGRAY)));
        String svg = SvgPlot.render(plots, style);
        writeAtomically(file, out -> out.write(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The nearest Pane or Group at or above {@code n}, where theme colours resolve as they do for {@code n}. */
    private static Parent host(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.layout.Pane || p instanceof javafx.scene.Group) return (Parent) p;
        }
        throw new IllegalStateException("the chart is not inside a Pane or Group");
    }

    /** The axis as it is shown: its visible range, and its own tick labels where it formats them (counts, "M1"). */
    private static SvgPlot.Axis axis(io.fair_acc.chartfx.axes.Axis a) {
        javafx.util.StringConverter<Number> f = a instanceof io.fair_acc.chartfx.axes.spi.AbstractAxis aa
                ? aa.getTickLabelFormatter() : null;
        return new SvgPlot.Axis(a.getName() == null ? "" : a.getName(), a.getMin(), a.getMax(), f != null,
                f == null ? null : f::toString);
    }

    /** A colour as CSS {@code #rrggbb} (for SVG). */
    public static String css(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    private static String number(double v) {
        if (Double.isNaN(v)) return "";
        return PlainNumber.of(v);
    }

    private static String csvField(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** What {@link #writeAtomically} writes. */
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code file} through a temporary sibling that is renamed over it when {@code body} succeeds, so a
     * failure never leaves a half-written file (the temporary file is deleted); creates missing directories.
     */
    public static void writeAtomically(Path file, Body body) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
