package org.genscope.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ejml.data.FMatrixRMaj;
import org.genscope.Quoted;

/**
 * Which columns of a table (a CSV, or any N × D array) are the variables a model sees, and which one, if any,
 * holds class labels. A label column becomes the {@link Dataset}'s labels and is never modelled.
 *
 * <p>Automatic ({@link #AUTO}, what the app and a command line without {@code --columns}/{@code --label} use): a
 * column whose header is one of {@link #LABEL_NAMES} (case-insensitive; {@code genscope data toy} writes
 * {@code x,y,label}) holds the labels, every other column is a variable. A headerless table, an image file or a
 * 1-D array is used whole.
 *
 * <p>Chosen: {@code features} lists the variable columns in order, {@code label} names the label column or is
 * {@link #NONE}; each column is given by its header name (case-insensitive) or its number, 1 for the first. A
 * label column that is not chosen is found automatically unless {@code features} lists it.
 *
 * @param features the variable columns, or empty for every column but the label
 * @param label    the label column, {@link #NONE}, or null to find it by name
 */
public record Columns(List<String> features, String label) {
    /** Header names that mark a label column. */
    public static final List<String> LABEL_NAMES = List.of("label", "labels", "class", "y_label");
    /** {@code label} value for "this table has no label column". */
    public static final String NONE = "none";
    /** Label column by name, every other column a variable. */
    public static final Columns AUTO = new Columns(List.of(), null);

    public Columns {
        features = List.copyOf(features);
    }

    /** From the command line's {@code --columns a,b,…} and {@code --label NAME} (each may be null). */
    public static Columns of(String featureList, String label) {
        List<String> f = new ArrayList<>();
        if (featureList != null) for (String s : featureList.split(",", -1)) f.add(s.strip());
        return new Columns(f, label == null ? null : label.strip());
    }

    /** What {@link #select} found: the variable columns (0-based), the label column (or −1), the table's names. */
    public record Selection(int[] features, int label, List<String> names) {
        /** The label column's name (its header, else {@code column N}), or null when there is none. */
        public String labelName() {
            return label < 0 ? null : name(label);
        }

        /** The variable columns' names, in order. */
        public List<String> featureNames() {
            List<String> out = new ArrayList<>();
            for (int j : features) out.add(name(j));
            return out;
        }

        private String name(int j) {
            return names.isEmpty() ? "column " + (j + 1) : names.get(j);
        }
    }

    /**
     * The roles of the columns of {@code a}; fails naming the file when a named column does not exist, a column is
     * both a variable and the label, or nothing is left to model.
     */
    public Selection select(ArrayData a) throws DataFormatException {
        boolean table = a.shape().length == 2;
        int cols = table ? a.shape()[1] : a.featureSize();
        if (!table) {
            if (!features.isEmpty() || label != null && !label.equalsIgnoreCase(NONE)) {
                throw new DataFormatException(a.source(), "columns can only be chosen in a table of rows and columns; "
                        + "this file holds an array of shape " + a.shapeText());
            }
            int[] all = new int[cols];
            Arrays.setAll(all, j -> j);
            return new Selection(all, -1, List.of());
        }
        List<String> names = a.columnNames();
        int[] chosen = new int[features.size()];
        for (int i = 0; i < chosen.length; i++) chosen[i] = column(a, features.get(i));
        int y;
        if (label == null) {
            y = -1;
            for (int j = 0; j < names.size() && y < 0; j++) {
                if (LABEL_NAMES.contains(names.get(j).toLowerCase(Locale.ROOT))) y = j;
            }
            final int found = y;
            if (Arrays.stream(chosen).anyMatch(j -> j == found)) y = -1;     // listed as a variable: modelled on purpose
        } else {
            y = label.equalsIgnoreCase(NONE) ? -1 : column(a, label);
        }
        for (int j : chosen) {
            if (j == y) throw new DataFormatException(a.source(), "column " + describe(names, j) + " cannot be both a variable and the label");
        }
        int[] f = chosen;
        if (f.length == 0) {
            final int skip = y;
            f = java.util.stream.IntStream.range(0, cols).filter(j -> j != skip).toArray();
        }
        if (f.length == 0) {
            throw new DataFormatException(a.source(), "no column left to model besides the label column " + describe(names, y));
        }
        return new Selection(f, y, names);
    }

    /** The dataset of {@code a}: its chosen variable columns, labels from its label column, images kept as images. */
    public Dataset dataset(ArrayData a, String name) throws DataFormatException {
        Selection s = select(a);
        if (s.label() < 0 && s.features().length == a.featureSize() && isIdentity(s.features())) return Dataset.of(a, name);
        int n = a.count();
        int cols = a.featureSize();
        int d = s.features().length;
        float[] v = a.data();
        FMatrixRMaj x = new FMatrixRMaj(n, d);
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < d; k++) x.data[r * d + k] = v[r * cols + s.features()[k]];
        }
        return new Dataset(name, a.source().toString(), x, s.label() < 0 ? null : labels(a, s), 0, 0);
    }

    private static int[] labels(ArrayData a, Selection s) throws DataFormatException {
        int cols = a.featureSize();
        float[] v = a.data();
        int[] y = new int[a.count()];
        for (int r = 0; r < y.length; r++) {
            float f = v[r * cols + s.label()];
            if (!Labels.isClass(f)) {
                throw new DataFormatException(a.source(), "the label column " + describe(s.names(), s.label()) + " holds "
                        + f + " on data row " + (r + 1) + ", not an integer class");
            }
            y[r] = (int) f;
        }
        return y;
    }

    /** A column by header name (case-insensitive) or 1-based number. */
    private static int column(ArrayData a, String key) throws DataFormatException {
        List<String> names = a.columnNames();
        for (int j = 0; j < names.size(); j++) if (names.get(j).equalsIgnoreCase(key)) return j;
        int cols = a.shape()[1];
        if (key.matches("\\d{1,9}")) {
            int j = Integer.parseInt(key);
            if (j >= 1 && j <= cols) return j - 1;
        }
        throw new DataFormatException(a.source(), "no column " + Quoted.of(key) + ": the table has " + cols + " columns"
                + (names.isEmpty() ? ", numbered 1 to " + cols + ", and no header" : ", " + Quoted.of(String.join(",", names))));
    }

    private static String describe(List<String> names, int j) {
        return names.isEmpty() ? String.valueOf(j + 1) : Quoted.of(names.get(j));
    }

    private static boolean isIdentity(int[] f) {
        for (int j = 0; j < f.length; j++) if (f[j] != j) return false;
        return true;
    }
}
