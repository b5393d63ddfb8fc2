package org.genscope.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Replaces a file all at once: the content goes to a hidden temporary file {@code .NAME.<hex>.tmp} in the same
 * directory, is flushed to the disk ({@link FileChannel#force}), then renamed over the target ({@code ATOMIC_MOVE},
 * falling back to {@code REPLACE_EXISTING} where the file system cannot). An exception midway leaves the previous
 * file untouched and removes the temporary file.
 *
 * <p>A crash or kill midway cannot remove it, so each save also removes the stale temporary files of its own
 * target: names of exactly that pattern, last modified more than {@link #GRACE} ago, that no save is writing. A
 * save holds an exclusive lock on its temporary file while it writes (released by the OS when a process dies), and
 * a file is removed only while this save holds that lock itself; files another save of this JVM is writing are
 * never opened. So two saves to one folder, in one process or two, never remove each other's work.
 */
public final class AtomicFile {
    /** Temporary files younger than this are left alone (a save between creating and locking its file). */
    static final Duration GRACE = Duration.ofMinutes(1);

    /** Temporary files this JVM is writing now. */
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    /** Writes the whole content to the channel it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(FileChannel channel) throws IOException;
    }

    private AtomicFile() {}

    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        FileChannel ch = null;
        for (int attempt = 0; ch == null; attempt++) {
            tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) throw e;
            }
        }
        WRITING.add(tmp);
        boolean moved = false;
        try {
            try (FileChannel c = ch) {
                lock(c);
                content.writeTo(c);
                c.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            syncDirectory(dir);
        } finally {
            WRITING.remove(tmp);
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure matters more than a leftover temporary file
                }
            }
        }
        removeStale(dir, target.getFileName().toString());
    }

    /** The names {@link #write} gives the temporary files of {@code targetName}. */
    static Pattern temporaryNames(String targetName) {
        return Pattern.compile("\\." + Pattern.quote(targetName) + "\\.[0-9a-f]{1,16}\\.tmp");
    }

    /** Marks the temporary file as being written, where the file system has locks (released when the process dies). */
    private static void lock(FileChannel c) {
        try {
            c.tryLock();
        } catch (IOException | UnsupportedOperationException ignored) {
            // no locks here (some network file systems): the grace period alone protects a running save
        }
    }

    /** Removes the stale temporary files of {@code targetName} in {@code dir}; never fails the save. */
    static void removeStale(Path dir, String targetName) {
        Pattern own = temporaryNames(targetName);
        Instant cutoff = Instant.now().minus(GRACE);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, p -> own.matcher(p.getFileName().toString()).matches())) {
            for (Path p : files) {
                if (WRITING.contains(p) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue;
                if (Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().isAfter(cutoff)) continue;
                removeIfUnlocked(p);
            }
        } catch (IOException | RuntimeException ignored) {
            // cleaning up is a courtesy: the save itself has succeeded
        }
    }

    /** Deletes p while holding its lock, so no other process can be writing it; leaves it if that cannot be known. */
    private static void removeIfUnlocked(Path p) {
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.WRITE)) {
            FileLock lock = c.tryLock();
            if (lock != null) Files.deleteIfExists(p);
        } catch (IOException | OverlappingFileLockException | UnsupportedOperationException ignored) {
            // held by a save, or no locks on this file system: leave it
        }
    }

    /** Makes the rename itself durable where the platform allows opening a directory (Linux, macOS). */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open directories; the rename is still atomic there
        }
    }
}
