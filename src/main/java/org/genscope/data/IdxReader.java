package org.genscope.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.ejml.data.FMatrixRMaj;

/**
 * Reads the IDX format of the MNIST distribution (LeCun et al., http://yann.lecun.com/exdb/mnist/), raw or
 * gzip-compressed (detected by the magic bytes {@code 1f 8b}, not the file name).
 *
 * <p>Layout, all big-endian: magic {@code 00 00 TYPE NDIMS}, then NDIMS 32-bit dimension sizes, then the values in
 * C order. TYPE: {@code 08} uint8, {@code 09} int8, {@code 0B} int16, {@code 0C} int32, {@code 0D} float32,
 * {@code 0E} float64. Images are {@code idx3} (N × rows × cols), labels {@code idx1} (N).
 *
 * <p>The header is checked against the file size (raw) or the largest size the compressed file can expand to
 * (gzip) before the value array is allocated; data beyond what the header describes is an error too.
 */
public final class IdxReader {
    private static final int MAX_DIMS = 16;

    private IdxReader() {}

    /** Reads any IDX file into an array of its shape; values are not rescaled (MNIST pixels stay 0..255). */
    public static ArrayData read(Path file) throws DataFormatException {
        try (ByteSource src = ByteSource.open(file)) {
            byte[] magic = new byte[4];
            int got = src.readFully(magic, 0, 4);
            if (got == 0) throw new DataFormatException(file, "empty (the gzip stream holds no data)");
            if (got < 4) throw new DataFormatException(file, "truncated: " + got + " bytes, too short for an IDX magic");
            DType type = magic[0] == 0 && magic[1] == 0 ? typeOf(magic[2]) : null;
            int ndims = magic[3] & 0xFF;
            if (type == null) {
                throw new DataFormatException(file, String.format("bad magic %02x %02x %02x %02x: not an IDX file%s"
                        + " (expected 00 00 TYPE NDIMS with TYPE one of 08 09 0B 0C 0D 0E)", magic[0], magic[1],
                        magic[2], magic[3], src.gzip ? " (after gunzip)" : ""));
            }
            if (ndims < 1 || ndims > MAX_DIMS) {
                throw new DataFormatException(file, "bad magic: " + ndims + " dimensions (expected 1.." + MAX_DIMS + ")");
            }
            byte[] dimBytes = new byte[4 * ndims];
            if (src.readFully(dimBytes, 0, dimBytes.length) < dimBytes.length) {
                throw new DataFormatException(file, "truncated: header promises " + ndims
                        + " dimension sizes but the file ends first");
            }
            ByteBuffer dims = ByteBuffer.wrap(dimBytes).order(ByteOrder.BIG_ENDIAN);
            long[] claimed = new long[ndims];
            for (int i = 0; i < ndims; i++) claimed[i] = dims.getInt() & 0xFFFFFFFFL;   // sizes are unsigned
            String text = Limits.shapeText(claimed);
            for (long d : claimed) {
                if (d == 0) throw new DataFormatException(file, "header has a zero dimension (" + text + "): no data");
            }
            long count = Limits.volume(claimed);
            long header = 4 + 4L * ndims;
            src.requireAvailable(count, type, header, text);
            float[] data = Limits.allocate(file, count, "header claims " + text);
            src.readValues(type, ByteOrder.BIG_ENDIAN, data, header);
            src.requireEnd("the IDX header (" + text + ")");
            return new ArrayData(file, src.describe("IDX"), type.label, Limits.toInt(claimed), data);
        }
    }

    /**
     * Reads an image file ({@code idx3}: N × rows × cols) as an N × (rows·cols) matrix, one image per row,
     * pixels in row-major order, values as stored (0..255 for MNIST, 0/1 for binarized MNIST).
     */
    public static FMatrixRMaj readImages(Path file) throws DataFormatException {
        return requireImages(read(file)).toMatrix();
    }

    /** Checks that an array is an image stack (3 dimensions) and returns it. */
    static ArrayData requireImages(ArrayData a) throws DataFormatException {
        if (a.shape().length != 3) {
            throw new DataFormatException(a.source(), "wrong dimension: an image file has 3 dimensions"
                    + " (N×rows×cols), this one has " + a.shape().length + " (" + a.shapeText() + ")"
                    + (a.shape().length == 1 ? "; is it a label file?" : ""));
        }
        return a;
    }

    /** Reads a label file ({@code idx1}: N integers, e.g. digit classes 0..9). */
    public static int[] readLabels(Path file) throws DataFormatException {
        return Labels.fromArray(read(file));
    }

    private static DType typeOf(byte code) {
        return switch (code) {
            case 0x08 -> DType.UINT8;
            case 0x09 -> DType.INT8;
            case 0x0B -> DType.INT16;
            case 0x0C -> DType.INT32;
            case 0x0D -> DType.FLOAT32;
            case 0x0E -> DType.FLOAT64;
            default -> null;
        };
    }
}
