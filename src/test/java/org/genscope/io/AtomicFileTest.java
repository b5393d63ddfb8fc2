package org.genscope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saves replace the target whole, and clean up the temporary files interrupted saves of that target left. */
class AtomicFileTest {
    @TempDir
    Path dir;

    private static void save(Path target, String text) throws IOException {
        AtomicFile.write(target, ch -> ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))));
    }

    /** A leftover as a killed save leaves it, last modified {@code minutesAgo} ago. */
    private Path leftover(String name, long minutesAgo) throws IOException {
        Path p = Files.writeString(dir.resolve(name), "half a model");
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(60 * minutesAgo)));
        return p;
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSaveRemovesOnlyItsTargetsStaleTemporaryFiles() throws IOException {
        Path target = dir.resolve("model.safetensors");
        leftover(".model.safetensors.3f2a9c01d4e5b6a7.tmp", 5);
        leftover(".model.safetensors.1.tmp", 60 * 24);
        Path fresh = leftover(".model.safetensors.abcdef.tmp", 0);               // a save may be writing it
        List<Path> others = List.of(leftover(".other.safetensors.3f2a9c01d4e5b6a7.tmp", 5),   // another target's
                leftover(".model.safetensors.XYZ.tmp", 5), leftover(".model.safetensors.12.tmp.bak", 5),
                leftover("model.safetensors.12.tmp", 5), leftover(".model.safetensors.12345678901234567.tmp", 5));
        save(target, "new");
        assertEquals("new", Files.readString(target));
        assertTrue(Files.exists(fresh), "younger than the grace period: kept");
        for (Path p : others) assertTrue(Files.exists(p), "not this target's temporary name: " + p);
        assertEquals(7, names().size(), names().toString());
        assertFalse(names().contains(".model.safetensors.3f2a9c01d4e5b6a7.tmp"), names().toString());
        assertFalse(names().contains(".model.safetensors.1.tmp"), names().toString());
        assertTrue(AtomicFile.temporaryNames("a.b").matcher(".a.b.0.tmp").matches());
        assertFalse(AtomicFile.temporaryNames("a.b").matcher(".aXb.0.tmp").matches(), "the name is quoted, not a regex");
    }

    /** Locks the file in a second JVM (as a running save there does) and prints a line once it holds the lock. */
    public static void main(String[] args) throws Exception {
        try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
            c.lock();
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }

    @Test
    void aTemporaryFileThatAnotherProcessIsWritingIsKept() throws Exception {
        Path busy = leftover(".model.safetensors.beef.tmp", 10);   // old, but a slow save elsewhere still holds it
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                AtomicFileTest.class.getName(), busy.toString()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("locked", r.readLine());
            save(dir.resolve("model.safetensors"), "v1");
            assertTrue(Files.exists(busy), "locked by a live process: kept");
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);        // the process dies, the OS drops its lock
            save(dir.resolve("model.safetensors"), "v2");
            assertFalse(Files.exists(busy), "a dead process's leftover is removed");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aSlowSaveOlderThanTheGracePeriodIsNotRemovedByAnotherSave() throws IOException {
        Path target = dir.resolve("model.safetensors");
        AtomicFile.write(target, ch -> {
            ch.write(ByteBuffer.wrap("first half, ".getBytes(StandardCharsets.UTF_8)));
            try (Stream<Path> s = Files.list(dir)) {
                for (Path tmp : s.toList()) Files.setLastModifiedTime(tmp, FileTime.from(Instant.now().minusSeconds(3600)));
            }
            AtomicFile.removeStale(dir, "model.safetensors");          // what a save of another thread would do now
            ch.write(ByteBuffer.wrap("second half".getBytes(StandardCharsets.UTF_8)));
        });
        assertEquals("first half, second half", Files.readString(target));
        assertEquals(List.of("model.safetensors"), names());
    }

    @Test
    void concurrentSavesToOneFolderAllSucceedAndLeaveOneWholeFile() throws Exception {
        Path target = dir.resolve("model.safetensors");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> saves = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            byte[] content = new byte[200_000];
            java.util.Arrays.fill(content, (byte) ('a' + t));
            saves.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 20; i++) {
                    AtomicFile.write(target, ch -> {
                        for (int off = 0; off < content.length; off += 10_000) {
                            ch.write(ByteBuffer.wrap(content, off, 10_000));     // slowly, in pieces
                            Thread.onSpinWait();
                        }
                    });
                    AtomicFile.removeStale(dir, "model.safetensors");            // and clean up in between
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : saves) f.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        byte[] whole = Files.readAllBytes(target);
        assertEquals(200_000, whole.length);
        byte[] expected = new byte[200_000];
        java.util.Arrays.fill(expected, whole[0]);
        assertArrayEquals(expected, whole, "one save's content, whole");
        assertEquals(List.of("model.safetensors"), names(), "no temporary file left");
    }
}
