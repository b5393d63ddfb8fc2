package org.genscope.session;

import java.nio.file.Path;
import java.util.Objects;
import org.genscope.data.DataOrigin;
import org.genscope.data.DataSplits;

/**
 * What a workspace trains on, as a session keeps it: built-in data (named by the workspace's settings), a file or
 * image folder the user opened (its path, and for a folder how its pictures were read; the data itself is not copied
 * into the session), or points painted in the Paint tab (their training, validation and test splits, kept in the
 * session as they were).
 */
public record DataChoice(Kind kind, DataOrigin origin, DataSplits painted) {
    public enum Kind { BUILT_IN, FILE, PAINTED }

    public DataChoice {
        Objects.requireNonNull(kind);
        if ((kind == Kind.FILE) != (origin != null)) throw new IllegalArgumentException("a file choice needs its path, and only it");
        if ((kind == Kind.PAINTED) != (painted != null)) throw new IllegalArgumentException("painted data needs its points, and only it");
    }

    public static DataChoice builtIn() {
        return new DataChoice(Kind.BUILT_IN, null, null);
    }

    public static DataChoice file(Path file) {
        return opened(DataOrigin.file(file));
    }

    /** A data file, or an image folder with how it was read; the path made absolute. */
    public static DataChoice opened(DataOrigin origin) {
        Path p = origin.path().toAbsolutePath().normalize();
        return new DataChoice(Kind.FILE, new DataOrigin(p, origin.folder()), null);
    }

    public static DataChoice painted(DataSplits points) {
        return new DataChoice(Kind.PAINTED, null, points);
    }

    /** The opened file or folder, or null. */
    public Path file() {
        return origin == null ? null : origin.path();
    }
}
