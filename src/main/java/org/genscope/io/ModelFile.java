package org.genscope.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.genscope.Genscope;
import org.genscope.Quoted;

/**
 * A Genscope model or checkpoint file in the <a href="https://github.com/huggingface/safetensors">safetensors</a>
 * format: an 8-byte little-endian header length N, N bytes of JSON header (padded with spaces to a multiple of 8),
 * then the tensors' raw little-endian bytes, contiguous. See {@code docs/model-files.md}.
 *
 * <p>{@link #write} saves atomically ({@link AtomicFile}); {@link #read} validates everything before returning and
 * fails with a {@link ModelFileException} naming the file and the problem. Never Java serialization.
 */
public final class ModelFile {
    /** Tensors under these prefixes are a checkpoint's training state (see {@code train.Checkpoint}). */
    public static final List<String> CHECKPOINT_PREFIXES = List.of("optimizer.", "trainer.");
    /** The reference implementation's cap on the header (100 MB); larger claims are corrupt or hostile. */
    public static final long MAX_HEADER_BYTES = 100_000_000L;

    private final Path path;
    private final Map<String, String> metadata;
    private final Map<String, Tensor> tensors;

    private ModelFile(Path path, Map<String, String> metadata, Map<String, Tensor> tensors) {
        this.path = path;
        this.metadata = Collections.unmodifiableMap(metadata);
        this.tensors = Collections.unmodifiableMap(tensors);
    }

    /**
     * Saves tensors and string metadata to {@code target}, atomically. {@link Metadata#VERSION} is added when
     * absent. Tensors are laid out as the reference writer does (dtype descending, then name).
     */
    public static void write(Path target, Map<String, ? extends TensorSource> tensors, Map<String, String> metadata)
            throws IOException {
        Layout layout = Layout.of(tensors, metadata, target.toString());
        AtomicFile.write(target, layout::writeTo);
    }

    /** The bytes {@link #write} would save, for a file inside another one (a session archive). */
    public static byte[] toBytes(Map<String, ? extends TensorSource> tensors, Map<String, String> metadata) {
        Layout layout = Layout.of(tensors, metadata, "a model");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            layout.writeTo(Channels.newChannel(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);                   // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    /** Header and tensors laid out as the reference writer does (dtype descending, then name), ready to write. */
    private record Layout(byte[] header, List<SafetensorsHeader.Entry> entries, long largest,
                          Map<String, ? extends TensorSource> tensors) {
        static Layout of(Map<String, ? extends TensorSource> tensors, Map<String, String> metadata, String target) {
            Map<String, String> meta = new TreeMap<>(metadata);
            meta.putIfAbsent(Metadata.VERSION, Genscope.version());
            for (String name : tensors.keySet()) {
                if (name.isEmpty() || name.equals(SafetensorsHeader.METADATA_KEY)) {
                    throw new IllegalArgumentException("invalid tensor name '" + name + "' for " + target);
                }
            }
            List<SafetensorsHeader.Entry> entries = SafetensorsHeader.layout(tensors);
            byte[] header = new SafetensorsHeader(meta, entries).toBytes();
            if (header.length > MAX_HEADER_BYTES) throw new IllegalArgumentException("header too large for " + target);
            long largest = entries.stream().mapToLong(e -> e.end() - e.begin()).max().orElse(0);
            if (largest > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("a tensor exceeds 2 GB for " + target);
            return new Layout(header, entries, largest, tensors);
        }

        void writeTo(WritableByteChannel ch) throws IOException {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).flip();
            writeFully(ch, length);
            writeFully(ch, ByteBuffer.wrap(header));
            ByteBuffer buf = ByteBuffer.allocate((int) largest).order(ByteOrder.LITTLE_ENDIAN);
            for (SafetensorsHeader.Entry e : entries) {
                buf.clear().limit((int) (e.end() - e.begin()));
                tensors.get(e.name()).writeTo(buf);
                if (buf.hasRemaining()) {
                    throw new IllegalStateException("tensor '" + e.name() + "' wrote " + buf.position() + " of "
                            + buf.limit() + " bytes");
                }
                writeFully(ch, buf.flip());
            }
        }
    }

    private static void writeFully(WritableByteChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) ch.write(b);
    }

    /** Reads and validates a whole file; see the class comment for what is checked. */
    public static ModelFile read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(ch.size(), (position, length) -> readFully(ch, position, length, file), file);
        }
    }

    /**
     * Reads and validates a model file held in memory (an entry of a session archive) exactly as {@link #read}
     * reads one on disk; {@code name} is where it came from, for the messages and {@link #path}.
     */
    public static ModelFile parse(byte[] bytes, Path name) throws ModelFileException {
        try {
            return read(bytes.length, (position, length) -> ByteBuffer.wrap(bytes, (int) position, length).slice(), name);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFileException(name, e.getMessage());     // memory does not fail; kept for the signature
        }
    }

    /** Bytes at a position of the file (the whole range, or a failure). */
    @FunctionalInterface
    private interface Bytes {
        ByteBuffer read(long position, int length) throws IOException;
    }

    private static ModelFile read(long size, Bytes in, Path file) throws IOException {
        if (size < 8) {
            throw new ModelFileException(file, "file has " + size + " bytes; it must start with an 8-byte header length");
        }
        long n = in.read(0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (Long.compareUnsigned(n, MAX_HEADER_BYTES) > 0) {
            throw new ModelFileException(file, "header length " + Long.toUnsignedString(n)
                    + " exceeds the limit of " + MAX_HEADER_BYTES + " bytes (corrupt or not a safetensors file)");
        }
        if (n < 2) throw new ModelFileException(file, "header length " + n + " is too small for a JSON object");
        if (n > size - 8) {
            throw new ModelFileException(file, "header length " + n + " exceeds the " + (size - 8)
                    + " bytes after the length field (truncated file?)");
        }
        byte[] json = array(in.read(8, (int) n));
        SafetensorsHeader h = SafetensorsHeader.parse(json, size - 8 - n, file);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (SafetensorsHeader.Entry e : h.entries) {
            long bytes = e.end() - e.begin();
            if (bytes > Integer.MAX_VALUE - 8) {
                throw new ModelFileException(file, "tensor '" + e.name() + "' exceeds the 2 GB Genscope can hold");
            }
            byte[] data = array(in.read(8 + n + e.begin(), (int) bytes));
            tensors.put(e.name(), Tensor.wrap(e.dtype(), e.shape(), data));
        }
        return new ModelFile(file, h.metadata, tensors);
    }

    /** The buffer's bytes: its own array when it is exactly that (read from a file), else a copy. */
    private static byte[] array(ByteBuffer b) {
        if (b.hasArray() && b.arrayOffset() == 0 && b.array().length == b.remaining()) return b.array();
        byte[] copy = new byte[b.remaining()];
        b.get(copy);
        return copy;
    }

    private static ByteBuffer readFully(FileChannel ch, long position, int length, Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new ModelFileException(file, "file ended at byte " + (position + b.position()) + " (changed while reading?)");
            }
        }
        return b.flip();
    }

    public Path path() {
        return path;
    }

    /** The header's {@code __metadata__}, unmodifiable. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** All tensors by name in file (data) order, unmodifiable. */
    public Map<String, Tensor> tensors() {
        return tensors;
    }

    public Optional<String> meta(String key) {
        return Optional.ofNullable(metadata.get(key));
    }

    public String requireMeta(String key) throws ModelFileException {
        String v = metadata.get(key);
        if (v == null) throw new ModelFileException(path, "has no metadata '" + key + "'");
        return v;
    }

    /** Metadata {@code key} as a whole number in [min, max]. */
    public long metaLong(String key, long min, long max) throws ModelFileException {
        String v = requireMeta(key);
        try {
            long n = Long.parseLong(v.trim());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw badMeta(key, v, "a whole number from " + min + " to " + max);
    }

    public int metaInt(String key, int min, int max) throws ModelFileException {
        return (int) metaLong(key, min, max);
    }

    /** Metadata {@code key} as a comma-separated list of whole numbers in [min, max] (empty text: none). */
    public int[] metaInts(String key, int min, int max) throws ModelFileException {
        String v = requireMeta(key);
        if (v.isBlank()) return new int[0];
        String[] parts = v.split(",", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim());
                if (out[i] >= min && out[i] <= max) continue;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw badMeta(key, v, "comma-separated whole numbers from " + min + " to " + max);
        }
        return out;
    }

    /** Metadata {@code key} as a number (Java's decimal form, as Genscope writes it; NaN and Infinity included). */
    public double metaDouble(String key) throws ModelFileException {
        String v = requireMeta(key);
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw badMeta(key, v, "a number");
        }
    }

    /** Metadata {@code key}, which must be {@code true} or {@code false}. */
    public boolean metaBool(String key) throws ModelFileException {
        String v = requireMeta(key);
        if (v.equals("true") || v.equals("false")) return v.equals("true");
        throw badMeta(key, v, "true or false");
    }

    /** Metadata {@code key} as one of the constants of {@code type}, written in lower case ({@code natural}). */
    public <E extends Enum<E>> E metaChoice(String key, Class<E> type) throws ModelFileException {
        String v = requireMeta(key);
        StringBuilder names = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            String name = e.name().toLowerCase(Locale.ROOT);
            if (name.equals(v)) return e;
            names.append(names.length() == 0 ? "" : ", ").append(name);
        }
        throw badMeta(key, v, "one of " + names);
    }

    /** "metadata 'key' is 'value'; it must be …", blaming the file, never an option the user did not give. */
    public ModelFileException badMeta(String key, String value, String expected) {
        return new ModelFileException(path, "metadata '" + key + "' is " + Quoted.of(value) + "; it must be " + expected);
    }

    public Tensor tensor(String name) throws ModelFileException {
        Tensor t = tensors.get(name);
        if (t == null) throw new ModelFileException(path, "has no tensor '" + name + "' (it holds " + names(tensors.keySet()) + ")");
        return t;
    }

    /** Up to five names, then how many more. */
    private static String names(Collection<String> all) {
        if (all.isEmpty()) return "no tensors";
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (String n : all) {
            if (shown == 5) return sb.append(" and ").append(all.size() - 5).append(" more").toString();
            sb.append(shown++ == 0 ? "" : ", ").append(Quoted.of(n));
        }
        return sb.toString();
    }

    /**
     * Fails if the file holds a tensor outside {@code expected}: a tensor the metadata does not account for means
     * the metadata and the tensors contradict each other. A checkpoint may add its {@link #CHECKPOINT_PREFIXES}.
     *
     * @param model what the metadata describes, e.g. "this MADE (made.* metadata)"
     */
    public void requireNoOtherTensors(Collection<String> expected, String model) throws ModelFileException {
        boolean checkpoint = Metadata.CHECKPOINT_FILE.equals(metadata.get(Metadata.FILE_KIND));
        Set<String> known = new HashSet<>(expected);
        for (String name : tensors.keySet()) {
            if (known.contains(name)) continue;
            if (checkpoint && CHECKPOINT_PREFIXES.stream().anyMatch(name::startsWith)) continue;
            throw new ModelFileException(path, "holds a tensor " + Quoted.of(name) + " that " + model + " does not have");
        }
    }

    /** The tensor {@code name}, which must have exactly the dimensions {@code dims}. */
    public Tensor requireShape(String name, long... dims) throws ModelFileException {
        Tensor t = tensor(name);
        if (!Arrays.equals(t.shape(), dims)) {
            throw new ModelFileException(path, "tensor '" + name + "' has shape " + Arrays.toString(t.shape())
                    + " but this model needs " + Arrays.toString(dims));
        }
        return t;
    }

    /** Names of the tensors holding NaN or ±Inf values, with how many each holds (legal, but worth a warning). */
    public Map<String, Long> nonFinite() {
        Map<String, Long> bad = new LinkedHashMap<>();
        tensors.forEach((name, t) -> {
            long c = t.nonFiniteCount();
            if (c > 0) bad.put(name, c);
        });
        return bad;
    }
}
