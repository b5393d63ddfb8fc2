package org.genscope.cli;

import java.io.PrintStream;
import java.util.List;

/** What {@code genscope train|eval|sample MODEL …} runs for one model family. */
interface ModelVerb {
    /** Full usage text of this verb for this model. */
    String usage();

    /** Runs with the arguments after the model word; see {@link Command#run}. */
    int run(List<String> args, PrintStream out) throws Exception;
}
