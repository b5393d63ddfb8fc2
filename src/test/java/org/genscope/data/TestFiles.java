package org.genscope.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.genscope.io.ModelFile;
import org.genscope.io.ModelFileException;
import org.genscope.io.TensorSource;

/**
 * Builds small data and model files byte by byte, per the format specs, for reader tests, and checks that a
 * refusal is clean: it names the file, fits on one short line and shows no Java internals.
 */
public final class TestFiles {
    private TestFiles() {}

    /** IDX bytes: magic 00 00 type ndims, big-endian dims, then the payload as given. */
    static byte[] idx(int type, int[] dims, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + payload.length).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) b.putInt(d);
        b.put(payload);
        return b.array();
    }

    /** Unsigned bytes from ints 0..255. */
    static byte[] ubytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) b[i] = (byte) v[i];
        return b;
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    /**
     * NPY bytes per numpy's format spec: magic {@code \x93NUMPY}, version, little-endian header length (2 bytes
     * in v1, 4 in v2/v3), an ASCII dict padded with spaces and a newline so data starts at a multiple of 64.
     */
    static byte[] npy(int major, String dict, byte[] payload) {
        int lenBytes = major == 1 ? 2 : 4;
        int pre = 6 + 2 + lenBytes;
        StringBuilder h = new StringBuilder(dict);
        while ((pre + h.length() + 1) % 64 != 0) h.append(' ');
        h.append('\n');
        byte[] header = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(pre + header.length + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1) b.putShort((short) header.length);
        else b.putInt(header.length);
        b.put(header).put(payload);
        return b.array();
    }

    static byte[] floats(ByteOrder order, float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(order);
        for (float x : v) b.putFloat(x);
        return b.array();
    }

    static byte[] doubles(ByteOrder order, double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(order);
        for (double x : v) b.putDouble(x);
        return b.array();
    }

    /** A reader under test. */
    public interface Reader {
        Object read(Path file) throws Exception;
    }

    /** Writes the file, expects the reader to reject it naming the file, and returns the message. */
    static String rejection(Reader reader, Path dir, String name, byte[] content) {
        Path p = write(dir, name, content);
        DataFormatException e = assertThrows(DataFormatException.class, () -> reader.read(p));
        assertTrue(e.getMessage().startsWith(p + ": "), "message names the file: " + e.getMessage());
        return e.getMessage();
    }

    /** Java's words that must never reach a user: class names, parser and enum messages. */
    private static final List<String> INTERNALS = List.of("java.", "javax.", "org.genscope", "com.fasterxml", "Exception",
            "No enum constant", "For input string", "(null)", "\tat ");

    /**
     * Asserts that {@code message} is a clean refusal of {@code file}: it names the file, is one line of at most
     * 300 characters and holds none of Java's internals. Returns the message.
     */
    public static String assertClean(String message, Path file) {
        assertTrue(message != null && message.contains(file.toString()), "names the file " + file + ": " + message);
        assertTrue(!message.strip().contains("\n"), "one line: " + message);
        assertTrue(message.length() <= 300 + file.toString().length(), "short: " + message);
        for (String internal : INTERNALS) assertTrue(!message.contains(internal), "no '" + internal + "' in: " + message);
        return message;
    }

    /**
     * A copy of the model file {@code model} at {@code out} with tensors and metadata replaced (a null value
     * removes the entry), e.g. a MADE whose mask tensors contradict its widths.
     */
    public static Path edited(Path model, Map<String, ? extends TensorSource> tensors, Map<String, String> meta, Path out)
            throws IOException {
        ModelFile f = ModelFile.read(model);
        Map<String, TensorSource> t = new LinkedHashMap<>(f.tensors());
        tensors.forEach((k, v) -> {
            if (v == null) t.remove(k); else t.put(k, v);
        });
        Map<String, String> m = new LinkedHashMap<>(f.metadata());
        meta.forEach((k, v) -> {
            if (v == null) m.remove(k); else m.put(k, v);
        });
        ModelFile.write(out, t, m);
        return out;
    }

    /**
     * The clean refusal (see {@link #assertClean}) that {@code loader} gives for a copy of {@code model} edited as
     * {@link #edited} does, written beside it as {@code edited.safetensors}.
     */
    public static String refusal(Reader loader, Path model, Map<String, ? extends TensorSource> tensors,
                                 Map<String, String> meta) throws IOException {
        Path bad = edited(model, tensors, meta, model.resolveSibling("edited.safetensors"));
        return assertClean(assertThrows(ModelFileException.class, () -> loader.read(bad)).getMessage(), bad);
    }

    /** Asserts that the message holds {@code part}, showing the message when it does not. */
    public static void assertHas(String message, String part) {
        assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
    }

    /** {@code key → value} where a null value is allowed (it removes the entry in {@link #edited}). */
    public static <V> Map<String, V> entry(String key, V value) {
        Map<String, V> m = new HashMap<>();
        m.put(key, value);
        return m;
    }

    static Path write(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, String text) {
        return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }
}
