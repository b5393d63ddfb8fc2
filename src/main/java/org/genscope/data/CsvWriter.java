package org.genscope.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a dataset as comma-separated text that {@link CsvReader} reads back exactly: a header
 * {@code x1,x2,…[,label]}, then one example per line, floats in their shortest round-trip form.
 */
public final class CsvWriter {
    private CsvWriter() {}

    public static void write(Path file, Dataset d) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            write(w, d);
        }
    }

    public static void write(Appendable out, Dataset d) throws IOException {
        int dim = d.dimension();
        for (int j = 0; j < dim; j++) out.append(j == 0 ? "" : ",").append(dim == 2 ? (j == 0 ? "x" : "y") : "x" + (j + 1));
        if (d.hasLabels()) out.append(",label");
        out.append('\n');
        float[] x = d.x().data;
        for (int i = 0; i < d.size(); i++) {
            for (int j = 0; j < dim; j++) {
                if (j > 0) out.append(',');
                out.append(Float.toString(x[i * dim + j]));
            }
            if (d.hasLabels()) out.append(',').append(Integer.toString(d.labels()[i]));
            out.append('\n');
        }
    }
}
