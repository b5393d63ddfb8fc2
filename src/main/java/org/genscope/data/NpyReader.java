package org.genscope.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.genscope.Quoted;

/**
 * Reads NumPy's {@code .npy} format (numpy.lib.format, versions 1.0, 2.0 and 3.0), raw or gzip-compressed.
 *
 * <p>Layout: magic {@code \x93NUMPY}, major and minor version bytes, the header length as a little-endian
 * uint16 (v1) or uint32 (v2, v3), then a Python dict literal such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }} (ASCII in v1/v2, UTF-8 in v3), then the data.
 * Supported dtypes: float32, float64, uint8, int8, bool, int16, uint16, int32, uint32, int64, either byte order.
 * Fortran-order arrays are transposed into C order on reading, so the result always has the stated shape in C order.
 */
public final class NpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy itself refuses headers over 10,000 bytes by default; allow more, but not a gigabyte. */
    private static final int MAX_HEADER = 1 << 20;
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*(['\"][^'\"]*['\"]|\\[)");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    private NpyReader() {}

    public static ArrayData read(Path file) throws DataFormatException {
        try (ByteSource src = ByteSource.open(file)) {
            byte[] pre = new byte[8];
            int got = src.readFully(pre, 0, 8);
            if (got == 0) throw new DataFormatException(file, "empty (the gzip stream holds no data)");
            for (int i = 0; i < MAGIC.length; i++) {
                if (i >= got || pre[i] != MAGIC[i]) {
                    throw new DataFormatException(file, "bad magic: not an NPY file (expected \\x93NUMPY)");
                }
            }
            if (got < 8) throw new DataFormatException(file, "truncated: the NPY version bytes are missing");
            int major = pre[6];
            if (major < 1 || major > 3) {
                throw new DataFormatException(file, "unsupported NPY version " + major + "." + pre[7] + " (1, 2, 3 are)");
            }
            int lenBytes = major == 1 ? 2 : 4;
            byte[] len = new byte[lenBytes];
            if (src.readFully(len, 0, lenBytes) < lenBytes) {
                throw new DataFormatException(file, "truncated: the NPY header length is missing");
            }
            ByteBuffer lb = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN);
            long headerLen = major == 1 ? lb.getShort() & 0xFFFF : lb.getInt() & 0xFFFFFFFFL;
            if (headerLen > MAX_HEADER) {
                throw new DataFormatException(file, "corrupt NPY header: it claims to be " + headerLen + " bytes long");
            }
            byte[] hb = new byte[(int) headerLen];
            if (src.readFully(hb, 0, hb.length) < hb.length) {
                throw new DataFormatException(file, "truncated: the file ends inside the NPY header (stated length "
                        + headerLen + " bytes)");
            }
            String header = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).trim();
            DType type = dtype(file, header);
            ByteOrder order = byteOrder(header);
            boolean fortran = fortranOrder(file, header);
            long[] claimed = shape(file, header);
            String text = Limits.shapeText(claimed);
            long count = Limits.volume(claimed);
            if (count == 0) throw new DataFormatException(file, "array of shape (" + text + ") holds no data");
            long headerBytes = 8 + lenBytes + headerLen;
            src.requireAvailable(count, type, headerBytes, text);
            float[] data = Limits.allocate(file, count, "header claims " + text);
            src.readValues(type, order, data, headerBytes);
            src.requireEnd("the NPY header (shape " + text + ")");
            int[] shape = Limits.toInt(claimed);
            if (fortran) data = fortranToC(file, data, shape);
            String format = src.describe("NPY v" + major + "." + pre[7] + (fortran ? ", Fortran order" : ""));
            return new ArrayData(file, format, type.label, shape, data);
        }
    }

    /** Parses {@code descr}, e.g. {@code '<f4'}: byte order, kind (f, i, u, b) and size in bytes. */
    private static DType dtype(Path file, String header) throws DataFormatException {
        Matcher m = DESCR.matcher(header);
        if (!m.find()) throw new DataFormatException(file, "corrupt NPY header: no 'descr' in " + Quoted.of(header));
        String d = m.group(1);
        if (d.equals("[")) {
            throw new DataFormatException(file, "unsupported NPY dtype: structured arrays (record fields) are not"
                    + " supported, only plain numeric arrays");
        }
        String code = d.substring(1, d.length() - 1);
        String body = code.isEmpty() || "<>|=".indexOf(code.charAt(0)) < 0 ? code : code.substring(1);
        DType t = switch (body) {
            case "f4" -> DType.FLOAT32;
            case "f8" -> DType.FLOAT64;
            case "u1" -> DType.UINT8;
            case "i1" -> DType.INT8;
            case "b1", "?" -> DType.BOOL;
            case "i2" -> DType.INT16;
            case "u2" -> DType.UINT16;
            case "i4" -> DType.INT32;
            case "u4" -> DType.UINT32;
            case "i8" -> DType.INT64;
            default -> null;
        };
        if (t == null) {
            throw new DataFormatException(file, "unsupported NPY dtype " + Quoted.of(code) + " (supported: float32, float64,"
                    + " uint8, int8, bool, int16, uint16, int32, uint32, int64)");
        }
        return t;
    }

    private static ByteOrder byteOrder(String header) {
        Matcher m = DESCR.matcher(header);
        m.find();
        char c = m.group(1).length() > 2 ? m.group(1).charAt(1) : '=';
        return c == '>' ? ByteOrder.BIG_ENDIAN : c == '<' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.nativeOrder();
    }

    private static boolean fortranOrder(Path file, String header) throws DataFormatException {
        Matcher m = FORTRAN.matcher(header);
        if (!m.find()) throw new DataFormatException(file, "corrupt NPY header: no 'fortran_order' in " + Quoted.of(header));
        return m.group(1).equals("True");
    }

    /** {@code (3, 4)} → [3, 4]; the 0-d shape {@code ()} is read as one value. */
    private static long[] shape(Path file, String header) throws DataFormatException {
        Matcher m = SHAPE.matcher(header);
        if (!m.find()) throw new DataFormatException(file, "corrupt NPY header: no 'shape' tuple in " + Quoted.of(header));
        String[] parts = m.group(1).split(",");
        long[] dims = new long[parts.length];
        int n = 0;
        for (String p : parts) {
            String t = p.trim().replaceFirst("L$", "");   // Python 2 wrote long ints as 3L
            if (t.isEmpty()) continue;
            try {
                dims[n] = Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new DataFormatException(file, "corrupt NPY header: shape entry " + Quoted.of(t) + " is not an integer");
            }
            if (dims[n] < 0 || dims[n] > Integer.MAX_VALUE) {
                throw new DataFormatException(file, "corrupt NPY header: shape entry " + dims[n] + " is out of range");
            }
            n++;
        }
        return n == 0 ? new long[] {1} : Arrays.copyOf(dims, n);
    }

    /**
     * Reorders column-major data into row-major: the Fortran offset of index (i0..ik) is i0 + d0·(i1 + d1·(…)),
     * the C offset is (…(i0·d1 + i1)·d2 …) + ik. Walks the C order with an odometer over the index.
     */
    private static float[] fortranToC(Path file, float[] f, int[] shape) throws DataFormatException {
        int k = shape.length;
        if (k < 2) return f;
        long[] stride = new long[k];                 // Fortran strides: stride[0] = 1, stride[j] = stride[j-1]·d[j-1]
        stride[0] = 1;
        for (int j = 1; j < k; j++) stride[j] = stride[j - 1] * shape[j - 1];
        float[] c = Limits.allocate(file, f.length, "reordering the Fortran-order array");
        int[] idx = new int[k];
        long off = 0;
        for (int i = 0; i < c.length; i++) {
            c[i] = f[(int) off];
            for (int j = k - 1; j >= 0; j--) {       // increment the last index first (C order)
                idx[j]++;
                off += stride[j];
                if (idx[j] < shape[j]) break;
                off -= stride[j] * shape[j];
                idx[j] = 0;
            }
        }
        return c;
    }
}
