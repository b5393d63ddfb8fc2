package org.genscope.cli;

/** A failure the user can act on (bad file, impossible setting); printed as one line, exit code 1. */
public class CliException extends Exception {
    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
