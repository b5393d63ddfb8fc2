package org.genscope.cli;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.DoubleStream;
import org.genscope.io.AtomicFile;
import org.genscope.io.RobustRange;
import org.genscope.io.SvgPlot;
import org.genscope.train.Curve;
import org.genscope.train.Snapshot;

/**
 * {@code --curves FILE} of the train commands: the training and validation curves of the finished run (as the
 * service keeps them, thinned to a bounded number of points) as an SVG plot ({@code .svg}) or as CSV
 * ({@code series,step,nll} — {@code mse} for the autoencoders — one row per point, any other name). Written atomically.
 */
final class CurveExport {
    private CurveExport() {}

    static void write(Path file, String title, Snapshot<?> s) throws CliException {
        write(file, title, s, "NLL (nats)", "nll");
    }

    /** The same for a loss named {@code yAxis} on the plot and {@code column} in the CSV header. */
    static void write(Path file, String title, Snapshot<?> s, String yAxis, String column) throws CliException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text = name.endsWith(".svg") ? svg(title, s, yAxis) : csv(s, column);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        CliFiles.write(file, f -> AtomicFile.write(f, ch -> ch.write(ByteBuffer.wrap(bytes))));
    }

    static String csv(Snapshot<?> s) {
        return csv(s, "nll");
    }

    static String csv(Snapshot<?> s, String column) {
        StringBuilder sb = new StringBuilder("series,step," + column + "\n");
        rows(sb, "train", s.trainCurve());
        rows(sb, "validation", s.validationCurve());
        return sb.toString();
    }

    private static void rows(StringBuilder sb, String series, Curve c) {
        for (int i = 0; i < c.size(); i++) {
            sb.append(series).append(',').append(Math.round(c.step(i))).append(',').append(c.value(i)).append('\n');
        }
    }

    static String svg(String title, Snapshot<?> s) {
        return svg(title, s, "NLL (nats)");
    }

    static String svg(String title, Snapshot<?> s, String yAxis) {
        List<SvgPlot.Series> series = new ArrayList<>();
        series.add(new SvgPlot.Series("train", s.trainCurve().steps(), s.trainCurve().values(), "#0072b2"));
        series.add(new SvgPlot.Series("validation", s.validationCurve().steps(), s.validationCurve().values(), "#d55e00"));
        // the range the app's chart shows by default: a lone spike is left out (and the plot says how many points are)
        double[] all = DoubleStream.concat(Arrays.stream(s.trainCurve().values()),
                Arrays.stream(s.validationCurve().values())).toArray();
        RobustRange y = RobustRange.of(all, new double[] {last(s.trainCurve()), last(s.validationCurve())});
        SvgPlot.Plot plot = new SvgPlot.Plot(title, new SvgPlot.Axis("optimizer step", 0, Math.max(1, s.step()), true),
                new SvgPlot.Axis(yAxis, y.lo(), y.hi(), false), series);
        return SvgPlot.render(List.of(plot), SvgPlot.Style.LIGHT);
    }

    private static double last(Curve c) {
        return c.size() == 0 ? Double.NaN : c.value(c.size() - 1);
    }
}
