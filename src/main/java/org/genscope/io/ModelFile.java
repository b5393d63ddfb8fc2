package org.genscope.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.genscope.Genscope;

/**
 * A Genscope model or checkpoint file in the <a href="https://github.com/huggingface/safetensors">safetensors</a>
 * format: an 8-byte little-endian header length N, N bytes of JSON header (padded with spaces to a multiple of 8),
 * then the tensors' raw little-endian bytes, contiguous. See {@code docs/model-files.md}.
 *
 * <p>{@link #write} saves atomically ({@link AtomicFile}); {@link #read} validates everything before returning and
 * fails with a {@link ModelFileException} naming the file and the problem. Never Java serialization.
 */
public final class ModelFile {
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
        AtomicFile.write(target, ch -> {
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
        });
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) ch.write(b);
    }

    /** Reads and validates a whole file; see the class comment for what is checked. */
    public static ModelFile read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new ModelFileException(file, "file has " + size + " bytes; it must start with an 8-byte header length");
            }
            long n = readFully(ch, 0, 8, file).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (Long.compareUnsigned(n, MAX_HEADER_BYTES) > 0) {
                throw new ModelFileException(file, "header length " + Long.toUnsignedString(n)
                        + " exceeds the limit of " + MAX_HEADER_BYTES + " bytes (corrupt or not a safetensors file)");
            }
            if (n < 2) throw new ModelFileException(file, "header length " + n + " is too small for a JSON object");
            if (n > size - 8) {
                throw new ModelFileException(file, "header length " + n + " exceeds the " + (size - 8)
                        + " bytes after the length field (truncated file?)");
            }
            byte[] json = readFully(ch, 8, (int) n, file).array();
            SafetensorsHeader h = SafetensorsHeader.parse(json, size - 8 - n, file);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (SafetensorsHeader.Entry e : h.entries) {
                long bytes = e.end() - e.begin();
                if (bytes > Integer.MAX_VALUE - 8) {
                    throw new ModelFileException(file, "tensor '" + e.name() + "' exceeds the 2 GB Genscope can hold");
                }
                byte[] data = readFully(ch, 8 + n + e.begin(), (int) bytes, file).array();
                tensors.put(e.name(), Tensor.wrap(e.dtype(), e.shape(), data));
            }
            return new ModelFile(file, h.metadata, tensors);
        }
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
        if (v == null) throw new ModelFileException(path, "metadata has no '" + key + "' (has " + metadata.keySet() + ")");
        return v;
    }

    public Tensor tensor(String name) throws ModelFileException {
        Tensor t = tensors.get(name);
        if (t == null) throw new ModelFileException(path, "has no tensor '" + name + "' (has " + tensors.keySet() + ")");
        return t;
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
