package org.genscope.data;

import java.nio.file.Path;

/**
 * Opens a data file of any supported format, recognised by content (never by name): NPY (magic
 * {@code \x93NUMPY}), IDX (magic {@code 00 00 TYPE NDIMS}), else numeric text (CSV and friends); each raw or
 * gzip-compressed.
 */
public final class DataFiles {
    /** The formats {@link #detect} can tell apart. */
    public enum Format { IDX, NPY, CSV }

    private DataFiles() {}

    /** Looks at the first bytes (after gunzip) to tell the format. */
    public static Format detect(Path file) throws DataFormatException {
        try (ByteSource src = ByteSource.open(file)) {
            byte[] head = new byte[9];
            int n = src.readFully(head, 0, head.length);
            if (n == 0) throw new DataFormatException(file, "empty (the gzip stream holds no data)");
            if (n == 9 && head[8] == '{' && head[5] == 0 && head[6] == 0 && head[7] == 0) {
                // an 8-byte little-endian header length, then JSON: a model file
                throw new DataFormatException(file, "is a safetensors model file, not data (use it with genscope eval or"
                        + " sample, or in the app with File ▸ Open trained model)");
            }
            if (n >= 6 && (head[0] & 0xFF) == 0x93 && new String(head, 1, 5, java.nio.charset.StandardCharsets.US_ASCII)
                    .equals("NUMPY")) {
                return Format.NPY;
            }
            if (n >= 4 && head[0] == 0 && head[1] == 0) return Format.IDX;
            for (int i = 0; i < Math.min(n, 6); i++) {
                int b = head[i] & 0xFF;
                if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                    throw new DataFormatException(file, "unknown format: not IDX (00 00 TYPE NDIMS), NPY (\\x93NUMPY)"
                            + " or numeric text");
                }
            }
            return Format.CSV;
        }
    }

    /** Reads the whole file as an array of its shape. */
    public static ArrayData read(Path file) throws DataFormatException {
        return switch (detect(file)) {
            case IDX -> IdxReader.read(file);
            case NPY -> NpyReader.read(file);
            case CSV -> readText(file);
        };
    }

    /** CSV is the fallback guess, so its errors say the file was neither IDX nor NPY. */
    private static ArrayData readText(Path file) throws DataFormatException {
        try {
            return CsvReader.read(file);
        } catch (DataFormatException e) {
            throw new DataFormatException(file, "not IDX or NPY, and as numeric text: " + e.problem(), e);
        }
    }

    /** {@link #readDataset(Path, Path, Columns)} with the label column, if any, found by its name. */
    public static Dataset readDataset(Path data, Path labels) throws DataFormatException {
        return readDataset(data, labels, Columns.AUTO);
    }

    /**
     * A dataset from a data file and an optional label file (any format each). A 3-D array (N × rows × cols)
     * becomes images; a table's label column (see {@link Columns}) becomes its labels, never a variable; the label
     * count must match the example count.
     */
    public static Dataset readDataset(Path data, Path labels, Columns columns) throws DataFormatException {
        Dataset d = columns.dataset(read(data), stem(data));
        if (labels == null) return d;
        if (d.hasLabels()) {
            throw new DataFormatException(labels, "labels given twice: " + data + " has a label column already");
        }
        int[] y = Labels.fromArray(read(labels));
        if (y.length != d.size()) {
            throw new DataFormatException(labels, y.length + " labels, but " + data + " has " + d.size() + " examples");
        }
        return d.withLabels(y);
    }

    /** The file name without {@code .gz} and one more extension, e.g. {@code t10k-images-idx3-ubyte}. */
    static String stem(Path file) {
        String s = file.getFileName().toString();
        if (s.endsWith(".gz")) s = s.substring(0, s.length() - 3);
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }
}
