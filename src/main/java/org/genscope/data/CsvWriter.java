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
        String[] names = new String[dim];
        for (int j = 0; j < dim; j++) names[j] = dim == 2 ? (j == 0 ? "x" : "y") : "x" + (j + 1);
        write(out, d, names, "label");
    }

    /** With the columns named {@code prefix}1 … {@code prefix}D and the labels' column {@code labelColumn}. */
    public static void write(Path file, Dataset d, String prefix, String labelColumn) throws IOException {
        String[] names = new String[d.dimension()];
        for (int j = 0; j < names.length; j++) names[j] = prefix + (j + 1);
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            write(w, d, names, labelColumn);
        }
    }

    private static void write(Appendable out, Dataset d, String[] names, String labelColumn) throws IOException {
        int dim = d.dimension();
        out.append(String.join(",", names));
        if (d.hasLabels()) out.append(',').append(labelColumn);
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
