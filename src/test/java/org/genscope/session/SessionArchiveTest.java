package org.genscope.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.io.ModelFile;
import org.genscope.io.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionArchiveTest {
    @TempDir Path dir;

    private static ModelFile model(float... values) throws IOException {
        Map<String, Tensor> t = Map.of("W", Tensor.of(new long[] {1, values.length}, values), "b", Tensor.of(new long[] {1, 1}, new float[] {0.25f}));
        return ModelFile.parse(ModelFile.toBytes(t, Map.of("model.kind", "made", "made.seed", "7")), Path.of("m.safetensors"));
    }

    private static DataSplits points() {
        FMatrixRMaj a = new FMatrixRMaj(3, 2, true, 1, 2, 3, 4, 5, Float.MIN_VALUE);
        FMatrixRMaj b = new FMatrixRMaj(1, 2, true, -1, -2);
        FMatrixRMaj c = new FMatrixRMaj(0, 2);
        return new DataSplits(new Dataset("painted", "paint", a, null, 0, 0), new Dataset("painted", "paint", b, null, 0, 0),
                new Dataset("painted", "paint", c, null, 0, 0));
    }

    private Session session() throws IOException {
        Map<String, String> made = new LinkedHashMap<>();
        made.put("data", "moons");
        made.put("hidden", "8,8");
        made.put("seed", "42");
        made.put("tab", "Training");
        return new Session("flows", List.of(
                new WorkspaceState("made", made, DataChoice.builtIn(), model(1.5f, -0f, 3e-38f)),
                new WorkspaceState("flows", Map.of("steps", "100"), DataChoice.painted(points()), null),
                new WorkspaceState("vae", Map.of(), DataChoice.file(dir.resolve("digits.csv")), model(2f)),
                new WorkspaceState("wta", Map.of(), DataChoice.opened(org.genscope.data.DataOrigin.folder(dir.resolve("my pictures"),
                        new org.genscope.data.ImageFolder.Options(20, true, false))), null)));
    }

    @Test
    void roundTripRestoresSettingsDataAndTensorsBitForBit() throws IOException {
        Session s = session();
        Path file = dir.resolve("class.genscope");
        SessionArchive.write(file, s);
        Session back = SessionArchive.read(file);

        assertEquals("flows", back.selected());
        assertEquals(4, back.workspaces().size());
        for (int i = 0; i < 4; i++) {
            WorkspaceState a = s.workspaces().get(i);
            WorkspaceState b = back.workspaces().get(i);
            assertEquals(a.id(), b.id());
            assertEquals(List.copyOf(a.settings().entrySet()), List.copyOf(b.settings().entrySet()), "settings in order");
            assertEquals(a.data().kind(), b.data().kind());
            assertEquals(a.data().origin(), b.data().origin(), "the file, or the folder and how it was read");
            if (a.model() == null) {
                assertNull(b.model());
            } else {
                assertEquals(a.model().tensors(), b.model().tensors(), "tensors byte for byte");
                assertEquals(a.model().metadata(), b.model().metadata());
            }
        }
        DataSplits p = back.workspaces().get(1).data().painted();
        assertArrayEquals(points().train().x().data, p.train().x().data);
        assertArrayEquals(points().validation().x().data, p.validation().x().data);
        assertEquals(0, p.test().size());
    }

    /** Writes an archive of the given entries as they are. */
    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return file;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String refusal(Path file, SessionArchive.Limits limits) {
        SessionException e = assertThrows(SessionException.class, () -> SessionArchive.read(file, limits));
        assertTrue(e.getMessage().startsWith(file.getFileName().toString()), "names the file: " + e.getMessage());
        return e.getMessage();
    }

    private String refusal(Path file) {
        return refusal(file, SessionArchive.Limits.DEFAULT);
    }

    private static final String MANIFEST_START = "{\"format\":\"genscope-session\",\"version\":1,\"selected\":\"made\",\"workspaces\":[";

    @Test
    void wrongJsonIsRefused() throws IOException {
        assertTrue(refusal(zip("a.genscope", Map.of("manifest.json", utf8(MANIFEST_START + "{\"id\":")))).contains("not valid JSON"));
        assertTrue(refusal(zip("b.genscope", Map.of("manifest.json", utf8("{\"format\":\"zip\",\"version\":1,\"workspaces\":[]}"))))
                .contains("not a Genscope session"));
        assertTrue(refusal(zip("c.genscope", Map.of("manifest.json", utf8(MANIFEST_START + "{\"id\":\"made\",\"settings\":{\"seed\":7},"
                + "\"data\":{\"kind\":\"built-in\"}}]}")))).contains("'seed' is not a string"));
        assertTrue(refusal(zip("d.genscope", Map.of("manifest.json", utf8("{\"format\":\"genscope-session\",\"version\":9,\"workspaces\":[]}"))))
                .contains("newer Genscope"));
        String folder = MANIFEST_START + "{\"id\":\"wta\",\"settings\":{},\"data\":{\"kind\":";
        assertTrue(refusal(zip("e.genscope", Map.of("manifest.json", utf8(folder + "\"folder\",\"path\":\"/p\"}}]}"))))
                .contains("an image folder but no picture size"));
        assertTrue(refusal(zip("f.genscope", Map.of("manifest.json", utf8(folder + "\"folder\",\"path\":\"/p\",\"size\":2}}]}"))))
                .contains("the image size must be 4 to 256 pixels, not 2"));
        assertTrue(refusal(zip("g.genscope", Map.of("manifest.json", utf8(folder + "\"file\",\"path\":\"/p.csv\",\"invert\":true}}]}"))))
                .contains("its data is no image folder"));
        assertTrue(refusal(zip("h.genscope", Map.of("manifest.json", utf8(folder + "\"folder\",\"path\":\"/p\",\"size\":\"28\"}}]}"))))
                .contains("\"size\" is not a whole number"));
        Path notZip = Files.writeString(dir.resolve("notes.genscope"), "just text");
        assertTrue(refusal(notZip).contains("no manifest.json"));
    }

    @Test
    void missingEntryIsRefused() throws IOException {
        Path f = zip("m.genscope", Map.of("manifest.json", utf8(MANIFEST_START
                + "{\"id\":\"made\",\"settings\":{},\"data\":{\"kind\":\"built-in\"},\"model\":\"models/made.safetensors\"}]}")));
        assertTrue(refusal(f).contains("models/made.safetensors is missing"), refusal(f));
        Path other = zip("o.genscope", Map.of("manifest.json", utf8(MANIFEST_START
                + "{\"id\":\"made\",\"settings\":{},\"data\":{\"kind\":\"built-in\"},\"model\":\"models/vae.safetensors\"}]}")));
        assertTrue(refusal(other).contains("where models/made.safetensors belongs"));
    }

    @Test
    void pathsOutsideTheArchiveAreRefusedAndNothingIsWritten() throws IOException {
        Path inner = Files.createDirectory(dir.resolve("inner"));
        byte[] manifest = SessionManifest.toBytes(session());
        for (String evil : List.of("../escaped.txt", "models/../../escaped.txt", "/tmp/escaped.txt", "C:/escaped.txt", "models\\..\\escaped.txt")) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("manifest.json", manifest);
            entries.put(evil, utf8("owned"));
            Path f = zip("evil.genscope", entries);
            List<Path> before = listing();
            Path target = Files.copy(f, inner.resolve("evil.genscope"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertTrue(refusal(target).contains("points outside the session"), evil);
            assertEquals(before.size() + (before.contains(target) ? 0 : 1), listing().size(), "nothing written beside it");
            assertTrue(Files.notExists(dir.resolve("escaped.txt")) && Files.notExists(Path.of("/tmp/escaped.txt")));
        }
        assertTrue(refusal(zip("u.genscope", Map.of("manifest.json", manifest, "models/", new byte[0]))).contains("unexpected entry"));
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.toList();
        }
    }

    @Test
    void zipBombsAreRefusedByEntryAndByTotal() throws IOException {
        SessionArchive.Limits small = new SessionArchive.Limits(1 << 20, 2 << 20, 8);
        Path bomb = dir.resolve("bomb.genscope");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
            z.putNextEntry(new ZipEntry("models/made.safetensors"));
            OutputStream o = z;
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 16; i++) o.write(zeros);                  // 16 MB inflating from a few KB
            z.closeEntry();
        }
        assertTrue(Files.size(bomb) < 100_000);
        assertTrue(refusal(bomb, small).contains("zip bomb"));
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (String id : List.of("a", "b", "c")) many.put("models/" + id + ".safetensors", new byte[900_000]);
        assertTrue(refusal(zip("total.genscope", many), small).contains("zip bomb"));
        Map<String, byte[]> count = new LinkedHashMap<>();
        for (int i = 0; i < 9; i++) count.put("models/m" + i + ".safetensors", new byte[1]);
        assertTrue(refusal(zip("count.genscope", count), small).contains("more than 8 entries"));
    }

    @Test
    void nonFiniteTensorsAreRefused() throws IOException {
        Session s = new Session("made", List.of(new WorkspaceState("made", Map.of(), DataChoice.builtIn(), model(1f, Float.NaN, Float.POSITIVE_INFINITY))));
        Path f = dir.resolve("nan.genscope");
        SessionArchive.write(f, s);
        String why = refusal(f);
        assertTrue(why.contains("2 NaN or infinite values in tensor 'W'"), why);
    }

    @Test
    void aDamagedModelEntryIsNamed() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("manifest.json", utf8(MANIFEST_START
                + "{\"id\":\"made\",\"settings\":{},\"data\":{\"kind\":\"built-in\"},\"model\":\"models/made.safetensors\"}]}"));
        entries.put("models/made.safetensors", utf8("garbage!"));
        String why = refusal(zip("g.genscope", entries));
        assertTrue(why.contains("its entry models/made.safetensors is damaged"), why);
    }
}
