package org.genscope.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data file that cannot be read: missing, empty, truncated, malformed, or claiming sizes it cannot hold.
 * The message always names the file and the problem, e.g.
 * {@code "train.idx: truncated: header promises 47040000 data bytes, file ends after 1200"}.
 * It extends {@link IOException} so a caller may catch either; other I/O failures are wrapped into it.
 */
public class DataFormatException extends IOException {
    private final String file;
    private final String problem;

    public DataFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public DataFormatException(Path file, String problem, Throwable cause) {
        super(name(file) + ": " + problem, cause);
        this.file = name(file);
        this.problem = problem;
    }

    /** The file as the user named it (or {@code "<input>"} when there is none). */
    public String file() {
        return file;
    }

    /** The problem alone, without the file name. */
    public String problem() {
        return problem;
    }

    private static String name(Path file) {
        return file == null ? "<input>" : file.toString();
    }
}
