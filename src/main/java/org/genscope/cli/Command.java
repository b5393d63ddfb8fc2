package org.genscope.cli;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of the {@code genscope} command line. */
public interface Command {
    /** The word that selects this command, e.g. {@code bench}. */
    String name();

    /** One line for the command overview. */
    String summary();

    /** Full usage text shown by {@code genscope help NAME} and on bad arguments. */
    String usage();

    /**
     * Runs the command. Bad arguments or files throw {@link UsageException} or {@link CliException}; the caller
     * turns them into a one-line message and a non-zero exit code.
     *
     * @return the process exit code (0 on success)
     */
    int run(List<String> args, PrintStream out) throws Exception;
}
