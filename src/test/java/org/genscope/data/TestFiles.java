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
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.genscope.flow.FlowFile;
import org.genscope.flow.FlowSpec;
import org.genscope.io.ModelFile;
import org.genscope.io.ModelFileException;
import org.genscope.io.Tensor;
import org.genscope.io.TensorSource;
import org.genscope.made.Made;
import org.genscope.made.MadeConfig;
import org.genscope.made.MadeFile;
import org.genscope.vae.Vae;
import org.genscope.vae.VaeConfig;
import org.genscope.vae.VaeFile;

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

    /** safetensors bytes: the 8-byte little-endian header length given, the header text, {@code dataBytes} zeros. */
    public static byte[] safetensors(long headerLength, String json, int dataBytes) {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN).putLong(headerLength).put(h).array();
    }

    /** safetensors bytes whose header length is that of the text. */
    public static byte[] safetensors(String json, int dataBytes) {
        return safetensors(json.getBytes(StandardCharsets.UTF_8).length, json, dataBytes);
    }

    /** One tensor's header entry, {@code "name":{"dtype":…,"shape":…,"data_offsets":[begin,end]}}. */
    public static String tensorEntry(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":[" + begin + "," + end + "]}";
    }

    /** One file of the malformed-input corpus. */
    public record Bad(String name, byte[] content) {
        public Path writeTo(Path dir) {
            return write(dir, name, content);
        }
    }

    private static Bad bad(String name, byte[] content) {
        return new Bad(name, content);
    }

    private static Bad bad(String name, String text) {
        return new Bad(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Malformed data files, each of which every reader must refuse with a {@link DataFormatException} naming it,
     * quickly and without allocating what the header claims: IDX, CSV and NPY truncations, bad headers, shapes
     * whose element count overflows int or long, non-finite values, and some of them gzip-compressed.
     */
    public static List<Bad> badDataFiles() {
        byte[] image = idx(0x08, new int[] {2, 2, 2}, ubytes(0, 1, 2, 3, 4, 5, 6, 7));
        String huge = "7".repeat(200_000);
        return List.of(
                // IDX
                bad("empty.idx", new byte[0]),
                bad("three-bytes.idx", ubytes(0, 0, 8)),
                bad("bad-type.idx", idx(0x07, new int[] {1}, ubytes(1))),
                bad("no-dims.idx", ubytes(0, 0, 8, 0, 1, 2)),
                bad("255-dims.idx", ubytes(0, 0, 8, 255, 0, 0, 0, 1)),
                bad("cut-header.idx", Arrays.copyOf(image, 9)),
                bad("cut-data.idx", Arrays.copyOf(image, image.length - 1)),
                bad("trailing.idx", Arrays.copyOf(image, image.length + 3)),
                bad("zero-dim.idx", idx(0x08, new int[] {0, 28, 28}, new byte[0])),
                bad("int-overflow.idx", idx(0x08, new int[] {65536, 65536, 2}, new byte[16])),
                bad("long-overflow.idx", idx(0x0E, new int[] {-1, -1, -1, -1, -1, -1}, new byte[16])),
                bad("unsigned-dim.idx", idx(0x08, new int[] {-1}, ubytes(1))),
                bad("nan.idx", idx(0x0D, new int[] {2}, floats(ByteOrder.BIG_ENDIAN, 1f, Float.NaN))),
                bad("inf.idx", idx(0x0E, new int[] {2}, doubles(ByteOrder.BIG_ENDIAN, Double.NEGATIVE_INFINITY, 0))),
                bad("float-overflow.idx", idx(0x0E, new int[] {1}, doubles(ByteOrder.BIG_ENDIAN, 1e300))),
                bad("cut-stream.idx.gz", Arrays.copyOf(gzip(image), gzip(image).length - 6)),
                bad("absurd.idx.gz", gzip(Arrays.copyOf(idx(0x08, new int[] {0x7fffffff, 28, 28}, new byte[0]), 64))),
                bad("corrupt-deflate.gz", corruptGzip()),
                // CSV
                bad("ragged.csv", "1,2,3\n4,5\n"),
                bad("word.csv", "1,2\n3,four\n"),
                bad("nan.csv", "1,2\nNaN,3\n"),
                bad("inf.csv", "x,y\n1,-inf\n"),
                bad("beyond-float.csv", "1,2\n3,1e39\n"),
                bad("huge-token.csv", "1,2\n3," + huge + "x\n"),
                bad("header-only.csv", "x,y,label\n"),
                bad("blank.csv", "\n\n   \n"),
                bad("nul.csv", new byte[] {'1', ',', '2', '\n', '3', ',', 0, '\n'}),
                bad("control.csv", new byte[] {1, 2, 3, 4, 5, 6, 7}),
                bad("long-line.csv", ("1," + "2".repeat((1 << 24) + 10)).getBytes(StandardCharsets.US_ASCII)),
                bad("nan.csv.gz", gzip("1,2\nnan,3\n".getBytes(StandardCharsets.UTF_8))),
                // NPY
                bad("bad-magic.npy", new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'X', 1, 0}),
                bad("version-9.npy", version(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", new byte[4]), 9)),
                bad("cut-version.npy", new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'}),
                bad("header-too-long.npy", withHeaderLength(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }",
                        new byte[4]), 0xFFFF)),
                bad("no-descr.npy", npy(1, "{'fortran_order': False, 'shape': (1,), " + "x".repeat(5000) + "}", new byte[4])),
                bad("complex.npy", npy(1, "{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", new byte[8])),
                bad("object.npy", npy(1, "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", new byte[8])),
                bad("structured.npy", npy(1, "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }", new byte[4])),
                bad("no-fortran.npy", npy(1, "{'descr': '<f4', 'shape': (1,), }", new byte[4])),
                bad("negative-shape.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (-3,), }", new byte[4])),
                bad("word-shape.npy", npy(2, "{'descr': '<f4', 'fortran_order': False, 'shape': (" + huge + "x,), }", new byte[4])),
                bad("int-overflow.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (65536, 65536), }", new byte[4])),
                bad("long-overflow.npy", npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2147483647, 2147483647, "
                        + "2147483647, 2147483647), }", new byte[8])),
                bad("nan-big-endian.npy", npy(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }",
                        floats(ByteOrder.BIG_ENDIAN, 1f, Float.NaN))),
                bad("cut-data.npy", npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", new byte[20])),
                bad("trailing.npy", npy(3, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", new byte[12])),
                bad("no-data.npy", npy(2, "{'descr': '<f4', 'fortran_order': False, 'shape': (0, 5), }", new byte[0])));
    }

    /** An NPY file with its major version byte changed. */
    private static byte[] version(byte[] npy, int major) {
        byte[] b = npy.clone();
        b[6] = (byte) major;
        return b;
    }

    /** An NPY v1 file whose header-length field claims {@code length}. */
    private static byte[] withHeaderLength(byte[] npy, int length) {
        byte[] b = npy.clone();
        b[8] = (byte) length;
        b[9] = (byte) (length >> 8);
        return b;
    }

    /** A gzip header followed by bytes that are not a deflate stream. */
    private static byte[] corruptGzip() {
        byte[] g = gzip(new byte[1000]);
        for (int i = 10; i < g.length - 8; i++) g[i] = (byte) 0xFF;
        return g;
    }

    /**
     * Malformed safetensors files at the container level, each of which {@code ModelFile.read} (and so every model
     * loader) must refuse with a {@code ModelFileException} naming it.
     */
    public static List<Bad> badSafetensors() {
        String one = "{" + tensorEntry("a", "F32", "[1]", 0, 4) + "}";
        return List.of(
                bad("short.safetensors", new byte[] {1, 2, 3}),
                bad("length-2^63.safetensors", safetensors(1L << 63, one, 4)),
                bad("length-past-end.safetensors", safetensors(one.length() + 100, one, 4)),
                bad("length-1.safetensors", safetensors(1, one, 4)),
                bad("not-json.safetensors", safetensors("{\"a\":{\"dtype\":\"F32\",", 0)),
                bad("array.safetensors", safetensors("[1,2,3,4]", 0)),
                bad("duplicate.safetensors", safetensors("{" + tensorEntry("a", "F32", "[1]", 0, 4) + "," + tensorEntry("a", "F32", "[1]", 0, 4) + "}", 4)),
                bad("f16.safetensors", safetensors("{" + tensorEntry("a", "F16", "[2]", 0, 4) + "}", 4)),
                bad("shape-overflow.safetensors", safetensors("{" + tensorEntry("a", "F32", "[4294967296,4294967296]", 0, 4) + "}", 4)),
                bad("shape-long-overflow.safetensors", safetensors("{" + tensorEntry("a", "F64", "[9223372036854775807,2]", 0, 8) + "}", 8)),
                bad("huge-dim.safetensors", safetensors("{" + tensorEntry("a", "F32", "[99999999999999999999]", 0, 4) + "}", 4)),
                bad("overlap.safetensors", safetensors("{" + tensorEntry("a", "F32", "[2]", 0, 8) + "," + tensorEntry("b", "F32", "[2]", 4, 12) + "}", 12)),
                bad("gap.safetensors", safetensors("{" + tensorEntry("a", "F32", "[1]", 4, 8) + "}", 8)),
                bad("trailing.safetensors", safetensors(one, 12)),
                bad("cut-data.safetensors", safetensors("{" + tensorEntry("a", "F32", "[2]", 0, 8) + "}", 4)),
                bad("deep.safetensors", safetensors("{\"a\":" + "[".repeat(5000) + "}", 0)),
                bad("metadata-number.safetensors", safetensors("{\"__metadata__\":{\"model.kind\":1}}", 0)),
                bad("huge-name.safetensors", safetensors("{" + tensorEntry("n".repeat(100_000), "F16", "[1]", 0, 2) + "}", 2)));
    }

    /**
     * Model files that are valid safetensors but no valid model: non-finite weights, metadata that contradicts the
     * tensors, corrupt metadata values. Written into {@code dir}; every loader must refuse each naming it.
     */
    public static List<Path> badModels(Path dir) throws IOException {
        Path made = dir.resolve("good-made.safetensors");
        MadeFile.save(made, new Made(MadeConfig.defaults(4).withMasks(2, false)), Map.of());
        Path flow = dir.resolve("good-flow.safetensors");
        FlowFile.save(flow, FlowSpec.parse("shuffle,realnvp:4").build(2), Map.of());
        Map<String, TensorSource> none = Map.of();
        Map<String, String> same = Map.of();
        float[] nan = new float[4 * 64];
        nan[100] = Float.NaN;
        Path vae = dir.resolve("good-vae.safetensors");
        VaeFile.save(vae, new Vae(VaeConfig.defaults(4).withHidden(new int[] {3}, new int[] {3})), Map.of());
        Path corpus = Files.createDirectories(dir.resolve("bad-models"));
        return List.of(
                edited(made, Map.of("hidden1.weight", Tensor.of(new long[] {4, 64}, nan)), same, corpus.resolve("nan-weight.safetensors")),
                edited(made, none, Map.of("made.masks", "3"), corpus.resolve("masks-disagree.safetensors")),
                edited(made, none, Map.of("made.hidden", "64,32"), corpus.resolve("widths-disagree.safetensors")),
                edited(made, Map.of("direct.weight", Tensor.of(new long[] {4, 4}, new float[16])), same, corpus.resolve("unexplained.safetensors")),
                edited(made, entry("output.bias", null), same, corpus.resolve("missing-tensor.safetensors")),
                edited(made, none, Map.of("made.conditional", "poisson"), corpus.resolve("enum.safetensors")),
                edited(made, none, Map.of("made.inputs", "4x" + "4".repeat(100_000)), corpus.resolve("number.safetensors")),
                edited(made, none, entry("made.seed", null), corpus.resolve("missing-key.safetensors")),
                edited(flow, Map.of("base.mean", Tensor.of(new long[] {1, 2}, new float[2])), same, corpus.resolve("fixed-base-tensors.safetensors")),
                edited(flow, Map.of("layer0.permutation", Tensor.of(new long[] {1, 2}, new float[] {1, 1})), same, corpus.resolve("not-a-permutation.safetensors")),
                edited(flow, Map.of("layer1.net.output.bias", Tensor.of(new long[] {1, 2}, new double[] {1e300, 0})), same, corpus.resolve("f64-inf.safetensors")),
                edited(flow, none, Map.of("flow.layers", "spline:3"), corpus.resolve("unknown-layer.safetensors")),
                edited(flow, none, Map.of("model.kind", "vae"), corpus.resolve("other-kind.safetensors")),
                edited(vae, Map.of("decoder.hidden1.weight", Tensor.of(new long[] {2, 3}, new float[] {0, 0, Float.NaN, 0, 0, 0})), same,
                        corpus.resolve("vae-nan-weight.safetensors")),
                edited(vae, none, Map.of("vae.latent", "3"), corpus.resolve("vae-latent-disagrees.safetensors")),
                edited(vae, none, Map.of("vae.beta", "NaN"), corpus.resolve("vae-beta-nan.safetensors")),
                edited(vae, none, Map.of("vae.decoder", "poisson"), corpus.resolve("vae-decoder.safetensors")));
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
            "No enum constant", "For input string", "(null)", "\tat ", "`");

    /**
     * Asserts that {@code message} is a clean refusal of {@code file}: it names the file, is one line of at most
     * 300 characters and holds none of Java's internals. Returns the message.
     */
    public static String assertClean(String message, Path file) {
        assertTrue(message != null && message.contains(file.toString()), "names the file " + file + ": " + shown(message));
        return assertCleanLine(message, file.toString().length());
    }

    /** Asserts that {@code message} is one line of at most 300 + {@code allowance} characters free of Java internals. */
    public static String assertCleanLine(String message, int allowance) {
        String shown = shown(message);
        assertTrue(message != null && !message.strip().contains("\n"), "one line: " + shown);
        assertTrue(message.length() <= 300 + allowance, "short: " + shown);
        for (String internal : INTERNALS) assertTrue(!message.contains(internal), "no '" + internal + "' in: " + shown);
        return message;
    }

    private static String shown(String message) {
        return message == null ? "null" : message.length() > 400 ? message.substring(0, 400) + "… (" + message.length()
                + " characters)" : message;
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
