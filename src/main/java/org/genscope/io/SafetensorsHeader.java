package org.genscope.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON header of a safetensors file: {@code {"__metadata__": {str: str}, name: {"dtype", "shape",
 * "data_offsets": [begin, end]}, ...}}, offsets relative to the first byte after the header.
 *
 * <p>Parsed with jackson-core's streaming parser (a small, dependency-free, heavily fuzzed library) rather than a
 * hand-written reader: it rejects malformed JSON, duplicate keys and absurd nesting with precise positions, and
 * the restricted schema on top of it is checked here field by field.
 */
final class SafetensorsHeader {
    static final String METADATA_KEY = "__metadata__";

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build())
            .build();

    /** One tensor's header entry: where its bytes lie in the data region. */
    record Entry(String name, DType dtype, long[] shape, long begin, long end) {}

    final Map<String, String> metadata;
    /** In data order (ascending offsets). */
    final List<Entry> entries;

    SafetensorsHeader(Map<String, String> metadata, List<Entry> entries) {
        this.metadata = metadata;
        this.entries = entries;
    }

    /** Lays tensors out as the reference writer does: dtype descending, then name (UTF-8 byte order). */
    static List<Entry> layout(Map<String, ? extends TensorSource> tensors) {
        List<String> names = new ArrayList<>(tensors.keySet());
        names.sort(Comparator.<String, DType>comparing(n -> tensors.get(n).dtype()).reversed()
                .thenComparing((a, b) -> Arrays.compareUnsigned(utf8(a), utf8(b))));
        List<Entry> entries = new ArrayList<>();
        long offset = 0;
        for (String n : names) {
            TensorSource t = tensors.get(n);
            long end = Math.addExact(offset, t.byteSize());
            entries.add(new Entry(n, t.dtype(), t.shape(), offset, end));
            offset = end;
        }
        return entries;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Compact UTF-8 JSON, metadata first, padded with spaces to a multiple of 8 bytes. */
    byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart(METADATA_KEY);
            for (Map.Entry<String, String> m : metadata.entrySet()) g.writeStringField(m.getKey(), m.getValue());
            g.writeEndObject();
            for (Entry e : entries) {
                g.writeObjectFieldStart(e.name());
                g.writeStringField("dtype", e.dtype().name());
                g.writeArrayFieldStart("shape");
                for (long d : e.shape()) g.writeNumber(d);
                g.writeEndArray();
                g.writeArrayFieldStart("data_offsets");
                g.writeNumber(e.begin());
                g.writeNumber(e.end());
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        while (out.size() % 8 != 0) out.write(' ');
        return out.toByteArray();
    }

    /**
     * Parses and validates a header whose data region is {@code dataBytes} long: well-formed JSON, known fields
     * and dtypes, shape × dtype size equal to each offset span, and offsets that tile the data region exactly.
     */
    static SafetensorsHeader parse(byte[] json, long dataBytes, Path file) throws ModelFileException {
        if (json[0] != '{') throw new ModelFileException(file, "header does not start with '{' (not a safetensors file?)");
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (key.equals(METADATA_KEY)) readMetadata(p, metadata, file);
                else entries.add(readEntry(key, p, file));
            }
            if (p.nextToken() != null) throw new ModelFileException(file, "header has content after its JSON object");
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " (at byte " + (8 + e.getLocation().getByteOffset()) + ")";
            // the parser's own words, without its pointers into Java (", from `StreamReadConstraints…`"), cut short
            String why = String.valueOf(e.getOriginalMessage()).replaceAll(",? from `[^`]*`", "");
            throw new ModelFileException(file, "header is not valid JSON: " + (why.length() > 120 ? why.substring(0, 120) + "…" : why) + at);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFileException(file, "header is not valid JSON: " + e.getMessage());
        }
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        checkTiling(entries, dataBytes, file);
        return new SafetensorsHeader(metadata, entries);
    }

    private static void readMetadata(JsonParser p, Map<String, String> out, Path file) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new ModelFileException(file, "__metadata__ must be an object of strings");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                throw new ModelFileException(file, "__metadata__ value of '" + key + "' is not a string");
            }
            out.put(key, p.getText());
        }
    }

    private static Entry readEntry(String name, JsonParser p, Path file) throws IOException {
        String where = "tensor '" + name + "'";
        if (p.currentToken() != JsonToken.START_OBJECT) throw new ModelFileException(file, where + " is not an object");
        String dtype = null;
        long[] shape = null;
        long[] offsets = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "dtype" -> {
                    if (value != JsonToken.VALUE_STRING) throw new ModelFileException(file, where + ": dtype is not a string");
                    dtype = p.getText();
                }
                case "shape" -> shape = readNaturals(p, where + ": shape", file);
                case "data_offsets" -> offsets = readNaturals(p, where + ": data_offsets", file);
                default -> throw new ModelFileException(file, where + " has an unknown field '" + field + "'");
            }
        }
        if (dtype == null || shape == null || offsets == null) {
            throw new ModelFileException(file, where + " needs dtype, shape and data_offsets");
        }
        String dtypeName = dtype;
        DType t = DType.parse(dtype).orElseThrow(() -> new ModelFileException(file, where + " has dtype '" + dtypeName
                + "', which Genscope does not read (it reads " + Arrays.toString(DType.values()) + ")"));
        if (offsets.length != 2 || offsets[0] > offsets[1]) {
            throw new ModelFileException(file, where + ": data_offsets " + Arrays.toString(offsets) + " is not [begin, end]");
        }
        long bytes;
        try {
            bytes = Math.multiplyExact(TensorSource.numel(shape), t.size);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ModelFileException(file, where + ": shape " + Arrays.toString(shape) + " is too large");
        }
        if (bytes != offsets[1] - offsets[0]) {
            throw new ModelFileException(file, where + ": shape " + Arrays.toString(shape) + " of " + t + " needs " + bytes
                    + " bytes but data_offsets " + Arrays.toString(offsets) + " span " + (offsets[1] - offsets[0]));
        }
        return new Entry(name, t, shape, offsets[0], offsets[1]);
    }

    private static long[] readNaturals(JsonParser p, String where, Path file) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) throw new ModelFileException(file, where + " is not an array");
        List<Long> values = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    || p.getLongValue() < 0) {
                throw new ModelFileException(file, where + " must hold non-negative integers, found " + p.getText());
            }
            values.add(p.getLongValue());
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    /** Sorted entries must tile [0, dataBytes) exactly: no gap, no overlap, nothing past the end. */
    private static void checkTiling(List<Entry> sorted, long dataBytes, Path file) throws ModelFileException {
        long expected = 0;
        Entry previous = null;
        for (Entry e : sorted) {
            if (e.end() > dataBytes) {
                throw new ModelFileException(file, "tensor '" + e.name() + "' ends at byte " + e.end()
                        + " of the data region, which has only " + dataBytes + " bytes (truncated file?)");
            }
            if (e.begin() < expected) {
                throw new ModelFileException(file, "tensors '" + previous.name() + "' and '" + e.name() + "' overlap");
            }
            if (e.begin() > expected) {
                throw new ModelFileException(file, "gap of " + (e.begin() - expected) + " bytes before tensor '"
                        + e.name() + "'");
            }
            expected = e.end();
            previous = e;
        }
        if (expected != dataBytes) {
            throw new ModelFileException(file, "data region has " + dataBytes + " bytes but the tensors cover "
                    + expected + " (trailing bytes)");
        }
    }
}
