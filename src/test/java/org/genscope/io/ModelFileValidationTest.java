package org.genscope.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.genscope.data.TestFiles;
import org.genscope.flow.FlowFile;
import org.genscope.made.MadeFile;
import org.genscope.vae.VaeFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged and hostile files are refused with a message naming the file and the problem. */
class ModelFileValidationTest {
    @TempDir
    Path dir;

    private Path file(byte[] bytes) throws IOException {
        Path f = dir.resolve("bad.safetensors");
        Files.write(f, bytes);
        return f;
    }

    private static byte[] bytes(long headerLength, String json, int dataBytes) {
        return TestFiles.safetensors(headerLength, json, dataBytes);
    }

    private static byte[] bytes(String json, int dataBytes) {
        return TestFiles.safetensors(json, dataBytes);
    }

    private void assertRejected(byte[] content, String expected) throws IOException {
        Path f = file(content);
        String msg = assertThrows(ModelFileException.class, () -> ModelFile.read(f)).getMessage();
        assertTrue(msg.contains(f.toString()), "message should name the file: " + msg);
        assertTrue(msg.contains(expected), "expected '" + expected + "' in: " + msg);
    }

    private static String entry(String name, String dtype, String shape, long begin, long end) {
        return TestFiles.tensorEntry(name, dtype, shape, begin, end);
    }

    @Test
    void everyTruncationIsRejected() throws IOException {
        Path good = dir.resolve("good.safetensors");
        ModelFile.write(good, Map.of("w", Tensor.of(new long[] {2, 3}, new float[6]),
                "b", Tensor.of(new long[] {3}, new long[3])), Map.of(Metadata.MODEL, "test"));
        byte[] whole = Files.readAllBytes(good);
        ModelFile.read(good);
        for (int cut = 0; cut < whole.length; cut++) {
            Path f = file(Arrays.copyOf(whole, cut));
            ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.read(f), "cut at " + cut);
            assertTrue(e.getMessage().startsWith("model file " + f), e.getMessage());
        }
    }

    @Test
    void headerLengthsOutOfBoundsAreRejected() throws IOException {
        String json = "{" + entry("a", "F32", "[1]", 0, 4) + "}";
        assertRejected(bytes(json.length() + 100, json, 4), "truncated file?");
        assertRejected(bytes(1L << 63, json, 4), "header length 9223372036854775808 exceeds the limit");
        assertRejected(bytes(-1L, json, 4), "18446744073709551615");
        assertRejected(bytes(ModelFile.MAX_HEADER_BYTES + 1, json, 4), "exceeds the limit");
        assertRejected(bytes(1, json, 4), "too small");
        assertRejected(new byte[] {1, 2, 3}, "8-byte header length");
    }

    @Test
    void offsetsMustTileTheDataRegion() throws IOException {
        assertRejected(bytes("{" + entry("a", "F32", "[2]", 0, 8) + "}", 4), "ends at byte 8");
        assertRejected(bytes("{" + entry("a", "F32", "[2]", 0, 8) + "," + entry("b", "F32", "[2]", 4, 12) + "}", 12),
                "overlap");
        assertRejected(bytes("{" + entry("a", "F32", "[1]", 4, 8) + "}", 8), "gap of 4 bytes");
        assertRejected(bytes("{" + entry("a", "F32", "[1]", 0, 4) + "}", 12), "trailing bytes");
        assertRejected(bytes("{" + entry("a", "F32", "[1]", 8, 4) + "}", 8), "is not [begin, end]");
        assertRejected(bytes("{" + entry("a", "F32", "[1]", 0, Long.MAX_VALUE) + "}", 8), "needs 4 bytes");
    }

    @Test
    void dtypeAndShapeMustAgreeWithTheOffsets() throws IOException {
        assertRejected(bytes("{" + entry("a", "F16", "[2]", 0, 4) + "}", 4), "dtype 'F16', which Genscope does not read");
        assertRejected(bytes("{" + entry("a", "f32", "[1]", 0, 4) + "}", 4), "dtype 'f32'");
        assertRejected(bytes("{" + entry("a", "F32", "[2,3]", 0, 20) + "}", 20), "needs 24 bytes but data_offsets [0, 20] span 20");
        assertRejected(bytes("{" + entry("a", "F32", "[-1]", 0, 4) + "}", 4), "non-negative integers");
        assertRejected(bytes("{" + entry("a", "F32", "[1.0]", 0, 4) + "}", 4), "non-negative integers");
        assertRejected(bytes("{" + entry("a", "F32", "[99999999999999999999]", 0, 4) + "}", 4), "non-negative integers");
        assertRejected(bytes("{" + entry("a", "F32", "[4294967296,4294967296]", 0, 4) + "}", 4), "too large");
    }

    @Test
    void malformedJsonIsRejected() throws IOException {
        assertRejected(bytes("{\"a\":{\"dtype\":\"F32\",", 0), "not valid JSON");
        assertRejected(bytes("{\"a\" 1}", 0), "not valid JSON");
        assertRejected(bytes("[1,2,3,4]", 0), "does not start with '{'");
        assertRejected(bytes("{} {}", 0), "content after its JSON object");
        assertRejected(bytes("{" + entry("a", "F32", "[1]", 0, 4) + "," + entry("a", "F32", "[1]", 0, 4) + "}", 4),
                "Duplicate field 'a'");
        assertRejected(bytes("{\"__metadata__\":{\"k\":1}}", 0), "value of 'k' is not a string");
        assertRejected(bytes("{\"__metadata__\":[]}", 0), "__metadata__ must be an object");
        assertRejected(bytes("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", 0), "needs dtype, shape and data_offsets");
        assertRejected(bytes("{\"a\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4],\"x\":1}}", 4), "unknown field 'x'");
        assertRejected(bytes("{\"a\":[[[[[[[[[[[[1]]]]]]]]]]]]}", 0), "tensor 'a' is not an object");
        byte[] badUtf8 = bytes("{\"__metadata__\":{\"k\":\"..\"}}", 0);
        badUtf8[8 + 22] = (byte) 0xC3;
        badUtf8[8 + 23] = (byte) 0x28;
        assertRejected(badUtf8, "Invalid UTF-8");
    }

    @Test
    void everyFileOfTheMalformedCorpusIsRefusedCleanlyAndQuickly() throws IOException {
        List<String> failures = new ArrayList<>();
        List<Path> files = new ArrayList<>(TestFiles.badModels(dir));
        for (TestFiles.Bad bad : TestFiles.badSafetensors()) files.add(bad.writeTo(dir));
        for (TestFiles.Bad bad : TestFiles.badDataFiles()) files.add(bad.writeTo(dir));
        for (Path f : files) {
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                    for (TestFiles.Reader loader : List.<TestFiles.Reader>of(MadeFile::load, FlowFile::load, VaeFile::load)) {
                        ModelFileException e = assertThrows(ModelFileException.class, () -> loader.read(f));
                        TestFiles.assertClean(e.getMessage(), f);
                    }
                });
            } catch (AssertionError e) {
                failures.add(f.getFileName() + ": " + e.getMessage());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
