package org.genscope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.genscope.Genscope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsEveryBitAndAllMetadata() throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        float nanWithPayload = Float.intBitsToFloat(0x7FC0_1234);
        tensors.put("w", Tensor.of(new long[] {2, 3}, new float[] {1.5f, -0.0f, Float.MIN_VALUE, nanWithPayload,
                Float.NEGATIVE_INFINITY, 3.4e38f}));
        tensors.put("scalar", Tensor.of(new long[] {}, new float[] {7f}));
        tensors.put("empty", Tensor.of(new long[] {0, 4}, new float[0]));
        tensors.put("d", Tensor.of(new long[] {2}, new double[] {Math.PI, -1e-300}));
        tensors.put("i", Tensor.of(new long[] {3}, new int[] {Integer.MIN_VALUE, 0, 42}));
        tensors.put("rng", Tensor.of(new long[] {4}, new long[] {Long.MIN_VALUE, -1, 0x9E3779B97F4A7C15L, 1}));
        tensors.put("u", Tensor.ofU8(new long[] {1, 3}, new byte[] {0, (byte) 255, 17}));
        Map<String, String> meta = Map.of(Metadata.MODEL, "made", "quote\"and\\slash", "ünïcödé ✓\n\t",
                Metadata.HPARAM + "lr", "0.001", Metadata.VERSION, "9.9-test");
        Path file = dir.resolve("m.safetensors");

        ModelFile.write(file, tensors, meta);
        ModelFile read = ModelFile.read(file);

        assertEquals(tensors, read.tensors());
        assertEquals(meta, read.metadata());
        assertEquals(Float.floatToRawIntBits(nanWithPayload), Float.floatToRawIntBits(read.tensor("w").toFloats()[3]));
    }

    @Test
    void inMemoryBytesAreTheFileAndParseAsItReads() throws IOException {
        Map<String, Tensor> tensors = Map.of("W", Tensor.of(new long[] {2, 2}, new float[] {1, -0f, Float.MIN_VALUE, 4}),
                "steps", Tensor.of(new long[] {1}, new long[] {7}));
        Map<String, String> meta = Map.of("model.kind", "made");
        Path file = dir.resolve("m.safetensors");
        ModelFile.write(file, tensors, meta);
        byte[] bytes = ModelFile.toBytes(tensors, meta);
        assertArrayEquals(Files.readAllBytes(file), bytes);
        ModelFile parsed = ModelFile.parse(bytes, Path.of("inside.zip", "m.safetensors"));
        assertEquals(ModelFile.read(file).tensors(), parsed.tensors());
        assertEquals(ModelFile.read(file).metadata(), parsed.metadata());
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.parse(cut, Path.of("inside.zip", "m.safetensors")));
        assertTrue(e.getMessage().contains("m.safetensors") && e.problem().contains("truncated"), e.getMessage());
    }

    @Test
    void writerAddsTheGenscopeVersion() throws IOException {
        Path file = dir.resolve("v.safetensors");
        ModelFile.write(file, Map.of("x", Tensor.of(new long[] {1}, new float[] {1})), Map.of());
        assertEquals(Genscope.version(), ModelFile.read(file).requireMeta(Metadata.VERSION));
    }

    /** The exact bytes of the spec, computed by hand: 8-byte LE length, space-padded JSON, LE data. */
    private static byte[] specBytes() {
        String json = "{\"__metadata__\":{\"genscope.version\":\"1.0\",\"model.kind\":\"made\"},"
                + "\"step\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[16,24]}}";
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        int padded = (header.length + 7) / 8 * 8;
        ByteBuffer b = ByteBuffer.allocate(8 + padded + 24).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(padded).put(header);
        for (int i = header.length; i < padded; i++) b.put((byte) ' ');
        b.putLong(123456789012345L).putFloat(0.25f).putFloat(-2f).putFloat(1f).putFloat(3f);
        return b.array();
    }

    private static Map<String, Tensor> specTensors() {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("w", Tensor.of(new long[] {1, 2}, new float[] {1f, 3f}));
        t.put("b", Tensor.of(new long[] {2}, new float[] {0.25f, -2f}));
        t.put("step", Tensor.of(new long[] {1}, new long[] {123456789012345L}));
        return t;
    }

    @Test
    void handWrittenSpecFileIsRead() throws IOException {
        Path file = dir.resolve("spec.safetensors");
        Files.write(file, specBytes());
        ModelFile f = ModelFile.read(file);
        assertEquals(specTensors(), f.tensors());
        assertEquals(List.of("step", "b", "w"), List.copyOf(f.tensors().keySet()));
        assertEquals(Map.of("genscope.version", "1.0", "model.kind", "made"), f.metadata());
        assertArrayEquals(new long[] {123456789012345L}, f.tensor("step").toLongs());
    }

    @Test
    void writerEmitsExactlyTheSpecBytes() throws IOException {
        Path file = dir.resolve("ours.safetensors");
        ModelFile.write(file, specTensors(), Map.of(Metadata.MODEL, "made", Metadata.VERSION, "1.0"));
        assertArrayEquals(specBytes(), Files.readAllBytes(file));
    }

    @Test
    void nonFiniteTensorsAreFlagged() throws IOException {
        Path file = dir.resolve("nan.safetensors");
        ModelFile.write(file, Map.of("ok", Tensor.of(new long[] {2}, new float[] {1, 2}),
                "bad", Tensor.of(new long[] {3}, new double[] {Double.NaN, 1, Double.POSITIVE_INFINITY})), Map.of());
        assertEquals(Map.of("bad", 2L), ModelFile.read(file).nonFinite());
    }

    @Test
    void missingTensorAndWrongShapeAreNamedInTheMessage() throws IOException {
        Path file = dir.resolve("shape.safetensors");
        ModelFile.write(file, Map.of("W1", Tensor.of(new long[] {2, 3}, new float[6])), Map.of());
        ModelFile f = ModelFile.read(file);
        assertEquals(6, f.requireShape("W1", 2, 3).numel());
        String wrong = assertThrows(ModelFileException.class, () -> f.requireShape("W1", 3, 2)).getMessage();
        assertTrue(wrong.contains(file.toString()) && wrong.contains("'W1'") && wrong.contains("[2, 3]")
                && wrong.contains("[3, 2]"), wrong);
        String missing = assertThrows(ModelFileException.class, () -> f.tensor("W2")).getMessage();
        assertTrue(missing.contains("'W2'") && missing.contains("W1"), missing);
        assertTrue(assertThrows(ModelFileException.class, () -> f.requireMeta("model.kind")).getMessage()
                .contains("model.kind"));
    }

    /** A source that writes part of its bytes and then fails, as a crash midway through a save would. */
    private static TensorSource failingMidway() {
        return new TensorSource() {
            public DType dtype() { return DType.F32; }
            public long[] shape() { return new long[] {1000}; }
            public void writeTo(ByteBuffer out) {
                out.putFloat(1f).putFloat(2f);
                throw new IllegalStateException("simulated crash while writing");
            }
        };
    }

    @Test
    void interruptedSaveLeavesThePreviousFileAndNoTempFile() throws IOException {
        Path file = dir.resolve("model.safetensors");
        ModelFile.write(file, specTensors(), Map.of());
        byte[] before = Files.readAllBytes(file);
        Map<String, TensorSource> broken = new LinkedHashMap<>(specTensors());
        broken.put("zz", failingMidway());

        assertThrows(IllegalStateException.class, () -> ModelFile.write(file, broken, Map.of()));

        assertArrayEquals(before, Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void interruptedFirstSaveCreatesNothing() throws IOException {
        Path file = dir.resolve("new.safetensors");
        assertThrows(IllegalStateException.class, () -> ModelFile.write(file, Map.of("x", failingMidway()), Map.of()));
        assertFalse(Files.exists(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void saveReplacesAnExistingFile() throws IOException {
        Path file = dir.resolve("again.safetensors");
        ModelFile.write(file, Map.of("x", Tensor.of(new long[] {1}, new float[] {1})), Map.of());
        ModelFile.write(file, Map.of("x", Tensor.of(new long[] {1}, new float[] {2})), Map.of());
        assertArrayEquals(new float[] {2}, ModelFile.read(file).tensor("x").toFloats());
    }
}
