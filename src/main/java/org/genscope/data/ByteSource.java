package org.genscope.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.genscope.Quoted;

/**
 * The bytes of a data file, transparently gunzipped when the file starts with the gzip magic {@code 1f 8b}
 * (detected by content, never by file name). Every I/O failure becomes a {@link DataFormatException} naming the
 * file. {@link #maxBytes()} bounds how many bytes can come out before anything is allocated: the file size for a
 * raw file; for gzip, deflate's maximum expansion (1032:1, RFC 1951 block limits) times the compressed size,
 * capped at {@link Limits#MAX_DECOMPRESSED_BYTES}, which is also enforced while reading.
 */
final class ByteSource implements Closeable {
    /** Deflate cannot expand data by more than ~1032×; a little slack for gzip member headers. */
    private static final long DEFLATE_MAX_RATIO = 1100;

    final Path file;
    final boolean gzip;
    final long fileSize;
    private final InputStream in;
    private long position;

    private ByteSource(Path file, boolean gzip, long fileSize, InputStream in) {
        this.file = file;
        this.gzip = gzip;
        this.fileSize = fileSize;
        this.in = in;
    }

    static ByteSource open(Path file) throws DataFormatException {
        long size;
        if (Files.isDirectory(file)) throw new DataFormatException(file, "is a directory, not a data file");
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, "file not found");
        } catch (IOException e) {
            throw new DataFormatException(file, "cannot read it" + detail(e), e);
        }
        if (size == 0) throw new DataFormatException(file, "empty file (0 bytes)");
        InputStream raw = null;
        try {
            raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            raw.mark(2);
            boolean gz = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gz ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
            return new ByteSource(file, gz, size, in);
        } catch (IOException e) {
            closeQuietly(raw);
            throw wrap(file, true, e);
        }
    }

    /** An upper bound on the number of bytes this source can deliver. */
    long maxBytes() {
        return gzip ? Math.min(Limits.MAX_DECOMPRESSED_BYTES, DEFLATE_MAX_RATIO * fileSize + 64) : fileSize;
    }

    /** Bytes delivered so far (after decompression). */
    long position() {
        return position;
    }

    /**
     * Fails unless {@code count} elements of type {@code t} can follow a {@code header}-byte header: checked against
     * the raw file size, or the most a gzip file can expand to. Call before allocating anything of that size.
     */
    void requireAvailable(long count, DType t, long header, String shapeText) throws DataFormatException {
        long dataBytes = count >= Limits.SATURATED ? Long.MAX_VALUE : count * t.size;
        if (dataBytes > maxBytes() - header) {
            String room = gzip ? "the " + fileSize + "-byte gzip file can expand to at most " + maxBytes() + " bytes"
                    : "the file has only " + Math.max(0, fileSize - header) + " data bytes";
            String bytes = dataBytes == Long.MAX_VALUE ? "over 2^40" : String.valueOf(dataBytes);
            throw new DataFormatException(file, "truncated or corrupt header: it claims " + shapeText + " " + t.label
                    + " values (" + bytes + " bytes), but " + room);
        }
    }

    /** "IDX" becomes "IDX (gzip)" when the file was compressed. */
    String describe(String format) {
        return gzip ? format + " (gzip)" : format;
    }

    /** Reads up to {@code len} bytes, fewer only at the end of the data; returns how many were read. */
    int readFully(byte[] b, int off, int len) throws DataFormatException {
        int done = 0;
        try {
            while (done < len) {
                int r = in.read(b, off + done, len - done);
                if (r < 0) break;
                done += r;
            }
        } catch (IOException e) {
            throw wrap(file, gzip, e);
        }
        position += done;
        if (position > Limits.MAX_DECOMPRESSED_BYTES) {
            throw new DataFormatException(file, "more than " + Limits.MAX_DECOMPRESSED_BYTES
                    + " bytes after decompression; refusing to read further");
        }
        return done;
    }

    /**
     * Reads {@code out.length} elements of type {@code t} in byte order {@code order} into {@code out}, in chunks.
     * Short data is reported as truncated; NaN or infinite floats are rejected with their index.
     *
     * @param headerBytes bytes consumed before the data, for the message
     */
    void readValues(DType t, ByteOrder order, float[] out, long headerBytes) throws DataFormatException {
        int perChunk = (1 << 16) / t.size;
        ByteBuffer buf = ByteBuffer.allocate(perChunk * t.size).order(order);
        long want = (long) out.length * t.size;
        for (int i = 0; i < out.length; i += perChunk) {
            int n = Math.min(perChunk, out.length - i);
            int got = readFully(buf.array(), 0, n * t.size);
            if (got < n * t.size) {
                long have = (long) i * t.size + got;
                throw new DataFormatException(file, "truncated: header promises " + want + " data bytes after a "
                        + headerBytes + "-byte header, but the data ends after " + have);
            }
            buf.clear();
            for (int k = 0; k < n; k++) {
                float v = t.get(buf);
                if (t.isFloat() && !Float.isFinite(v)) {
                    throw new DataFormatException(file, "value " + v + " at flat index " + (i + k)
                            + " is not a finite number");
                }
                out[i + k] = v;
            }
        }
    }

    /** Fails when bytes remain after the data a header described. */
    void requireEnd(String what) throws DataFormatException {
        if (!atEnd()) {
            String extra = gzip ? "" : " (" + (fileSize - position + 1) + " bytes)";
            throw new DataFormatException(file, "more data than " + what + " describes" + extra
                    + "; the header is wrong or the file was concatenated");
        }
    }

    /** The (decompressed) bytes as a stream that keeps the size cap and the file name in its errors. */
    InputStream asStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return readFully(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) return 0;
                int n = readFully(b, off, len);
                return n == 0 ? -1 : n;
            }
        };
    }

    /** True when no byte is left (consumes one byte otherwise). */
    boolean atEnd() throws DataFormatException {
        return readFully(new byte[1], 0, 1) == 0;
    }

    @Override
    public void close() {
        closeQuietly(in);
    }

    private static DataFormatException wrap(Path file, boolean gzip, IOException e) {
        if (e instanceof DataFormatException d) return d;
        if (gzip && e instanceof EOFException) {
            return new DataFormatException(file, "truncated gzip stream: the file ends before the compressed data does", e);
        }
        if (gzip && e instanceof ZipException) {
            return new DataFormatException(file, "corrupt gzip data" + detail(e), e);
        }
        return new DataFormatException(file, "read error" + detail(e), e);
    }

    /** " (the I/O library's reason)", or nothing when it gives none. */
    private static String detail(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "" : " (" + Quoted.of(e.getMessage()).replace("'", "") + ")";
    }

    private static void closeQuietly(Closeable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (IOException ignored) {
            // closing a read-only stream; nothing to recover
        }
    }
}
