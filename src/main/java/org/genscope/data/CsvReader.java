package org.genscope.data;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.genscope.Quoted;

/**
 * Reads numeric delimited text (raw or gzip-compressed) into a rows × columns array.
 *
 * <ul>
 *   <li>Delimiter: detected from the first line, in this order: tab, semicolon, comma, else runs of whitespace.
 *       With semicolons, a decimal comma ({@code 1,5}) is read as {@code 1.5}.</li>
 *   <li>Header: the first line is a header when any of its fields is not a number; its names become
 *       {@link ArrayData#columnNames()}, which {@link Columns} reads to find a label column.</li>
 *   <li>Blank lines and lines starting with {@code #} are skipped. A field may be wrapped in double quotes;
 *       quoted delimiters are not supported (this is a reader for numbers).</li>
 *   <li>Every row must have the same number of fields; every field must be a finite number. Errors name the line
 *       and column (both 1-based).</li>
 * </ul>
 */
public final class CsvReader {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Set<String> NON_FINITE = Set.of("nan", "inf", "infinity", "-inf", "+inf", "-infinity",
            "+infinity", "-nan", "+nan");
    /** A longer line is not a sane numeric CSV row (and could be a binary file without newlines). */
    private static final int MAX_LINE = 1 << 24;

    /** The parsed text: optional column names, the delimiter found, and the values row by row. */
    record Table(String[] header, String delimiter, int rows, int cols, float[] values) {}

    private CsvReader() {}

    /** All columns as a rows × columns array (dtype {@code text}). */
    public static ArrayData read(Path file) throws DataFormatException {
        Table t = parse(file);
        String format = "CSV (" + t.delimiter + (t.header != null ? ", with header" : "") + ")";
        return new ArrayData(file, format, "text", new int[] {t.rows, t.cols}, t.values,
                t.header != null ? List.of(t.header) : List.of());
    }

    static Table parse(Path file) throws DataFormatException {
        try (ByteSource src = ByteSource.open(file);
             Reader in = new InputStreamReader(src.asStream(), StandardCharsets.UTF_8)) {
            LineReader lines = new LineReader(file, in);
            String line;
            String delim = null;
            String[] header = null;
            int cols = -1;
            int firstDataLine = 0;
            int rows = 0;
            float[] values = new float[1024];
            while ((line = lines.next()) != null) {
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) continue;
                if (delim == null) {
                    delim = s.indexOf('\t') >= 0 ? "\t" : s.indexOf(';') >= 0 ? ";" : s.indexOf(',') >= 0 ? "," : " ";
                }
                String[] f = split(s, delim);
                if (cols < 0 && header == null && !allNumbers(f, delim)) {
                    header = f;
                    continue;
                }
                if (cols < 0) {
                    if (header != null && header.length != f.length) {
                        throw new DataFormatException(file, "line " + lines.number + " has " + f.length
                                + " values, but the header has " + header.length + " names");
                    }
                    cols = f.length;
                    firstDataLine = lines.number;
                } else if (f.length != cols) {
                    throw new DataFormatException(file, "ragged rows: line " + lines.number + " has " + f.length
                            + " values, expected " + cols + " like line " + firstDataLine);
                }
                if ((long) (rows + 1) * cols > values.length) values = grow(file, values, (long) (rows + 1) * cols);
                for (int j = 0; j < cols; j++) values[rows * cols + j] = number(file, lines.number, j, f[j], delim);
                rows++;
            }
            if (rows == 0) {
                throw new DataFormatException(file, header != null ? "no data rows, only a header"
                        : "empty: no data rows (only blank or comment lines)");
            }
            float[] exact = new float[rows * cols];
            System.arraycopy(values, 0, exact, 0, exact.length);
            return new Table(header, delimiterName(delim), rows, cols, exact);
        } catch (DataFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new DataFormatException(file, "read error: " + e.getMessage(), e);
        }
    }

    private static String[] split(String s, String delim) {
        String[] f = delim.equals(" ") ? s.split("\\s+") : s.split(Pattern.quote(delim), -1);
        for (int j = 0; j < f.length; j++) {
            String t = f[j].strip();
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) t = t.substring(1, t.length() - 1).strip();
            f[j] = t;
        }
        return f;
    }

    private static boolean allNumbers(String[] f, String delim) {
        for (String t : f) {
            if (!NUMBER.matcher(decimal(t, delim)).matches()) return false;
        }
        return true;
    }

    private static String decimal(String t, String delim) {
        return delim.equals(";") ? t.replace(',', '.') : t;
    }

    private static float number(Path file, int line, int col, String t, String delim) throws DataFormatException {
        String where = "line " + line + ", column " + (col + 1) + ": ";
        if (t.isEmpty()) throw new DataFormatException(file, where + "empty value");
        if (NON_FINITE.contains(t.toLowerCase(Locale.ROOT))) {
            throw new DataFormatException(file, where + Quoted.of(t) + " is NaN or infinite; only finite numbers are allowed");
        }
        String d = decimal(t, delim);
        if (!NUMBER.matcher(d).matches()) throw new DataFormatException(file, where + Quoted.of(t) + " is not a number");
        float v = (float) Double.parseDouble(d);
        if (!Float.isFinite(v)) throw new DataFormatException(file, where + Quoted.of(t) + " is beyond the float32 range");
        return v;
    }

    private static float[] grow(Path file, float[] a, long need) throws DataFormatException {
        long size = Math.max(need, Math.min(Limits.MAX_ELEMENTS, a.length + (a.length >> 1) + 1));
        float[] b = Limits.allocate(file, size, "the table's values");
        System.arraycopy(a, 0, b, 0, a.length);
        return b;
    }

    private static String delimiterName(String d) {
        return switch (d) {
            case "\t" -> "tab-separated";
            case ";" -> "semicolon-separated";
            case "," -> "comma-separated";
            default -> "whitespace-separated";
        };
    }

    /** Lines of text with their 1-based number, refusing absurdly long lines and binary bytes. */
    private static final class LineReader {
        private final Path file;
        private final Reader in;
        private final char[] buf = new char[1 << 14];
        private int pos;
        private int end;
        private final StringBuilder sb = new StringBuilder();
        int number;

        LineReader(Path file, Reader in) {
            this.file = file;
            this.in = in;
        }

        String next() throws IOException {
            sb.setLength(0);
            boolean any = false;
            while (true) {
                if (pos == end) {
                    end = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (end <= 0) {
                        end = 0;
                        break;
                    }
                }
                any = true;
                char c = buf[pos++];
                if (c == '\n') break;
                if (c == 0) throw new DataFormatException(file, "line " + (number + 1) + ": binary data, not text");
                if (sb.length() >= MAX_LINE) {
                    throw new DataFormatException(file, "line " + (number + 1) + " is longer than " + MAX_LINE
                            + " characters; not a numeric table");
                }
                sb.append(c);
            }
            if (!any) return null;
            number++;
            return sb.toString();
        }
    }
}
