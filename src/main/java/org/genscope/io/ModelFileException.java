package org.genscope.io;

import java.nio.file.Path;

/** A model file that cannot be read or does not hold what the caller needs; the message names the file. */
public class ModelFileException extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    public ModelFileException(Path file, String problem) {
        super("model file " + file + ": " + problem);
    }
}
