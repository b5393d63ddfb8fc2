package org.genscope.io;

import java.nio.file.Path;

/** A model file that cannot be read or does not hold what the caller needs; the message names the file. */
public class ModelFileException extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    private final String problem;

    public ModelFileException(Path file, String problem) {
        super("model file " + file + ": " + problem);
        this.problem = problem;
    }

    /** What is wrong, without the file's name (for a message that names the file its own way). */
    public String problem() {
        return problem;
    }
}
