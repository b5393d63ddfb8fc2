package org.genscope.cli;

/** Thrown for malformed arguments; the command line prints the message plus a hint to the usage text. */
public class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
