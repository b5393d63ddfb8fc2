package org.genscope.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.CsvWriter;
import org.genscope.data.Dataset;

/**
 * Where the sample commands put their n×D samples: a PNG grid when they are images ({@code --columns C} per row,
 * each pixel {@code --scale S}×S) unless the name ends in .csv, else one sample per CSV row.
 */
final class SampleFile {
    private SampleFile() {}

    /** The default output name: samples.png for images (shape not null), else samples.csv. */
    static String defaultName(int[] shape) {
        return shape != null ? "samples.png" : "samples.csv";
    }

    /** Writes the samples (row-major n×d) to {@code target}; {@code model} names where they came from. */
    static void write(Path target, float[] samples, int n, int d, int[] shape, Map<String, String> o, String model)
            throws UsageException, CliException {
        if (shape != null && !target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                int columns = (int) Options.integer(o, "columns", (int) Math.ceil(Math.sqrt(n)), 1, 10_000);
                int scale = (int) Options.integer(o, "scale", 2, 1, 32);
                CliFiles.write(target, f -> PngGrid.write(f, samples, n, shape[0], shape[1], columns, scale));
        } else {
            FMatrixRMaj x = new FMatrixRMaj(n, d);
            System.arraycopy(samples, 0, x.data, 0, n * d);
            CliFiles.write(target, f -> CsvWriter.write(f, new Dataset("samples", model, x, null, 0, 0)));
        }
    }
}
