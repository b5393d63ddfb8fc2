package org.genscope.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genscope.Genscope;
import org.genscope.Quoted;

/** The headless {@code genscope} command line: dispatches to one {@link Command} per sub-command. */
public final class Main {
    private Main() {}

    /** Every sub-command, in the order the overview lists them. */
    static Map<String, Command> commands() {
        Map<String, Command> m = new LinkedHashMap<>();
        for (Command c : List.<Command>of(new DataInfoCommand(), ModelCommand.train(), ModelCommand.eval(),
                ModelCommand.sample(), ModelCommand.filters(), new BenchCommand())) {
            m.put(c.name(), c);
        }
        return m;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line; returns the exit code (0 ok, 1 failure, 2 bad usage). Never calls System.exit. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, Command> commands = commands();
        if (args.length == 0 || args[0].equals("help") && args.length == 1 || args[0].equals("--help")
                || args[0].equals("-h")) {
            out.print(overview(commands));
            return 0;
        }
        if (args[0].equals("--version") || args[0].equals("version")) {
            out.println(Genscope.NAME + " " + Genscope.version());
            return 0;
        }
        if (args[0].equals("help")) {
            Command c = commands.get(args[1]);
            if (c == null) {
                err.println("genscope: unknown command " + Quoted.of(args[1]) + " (try 'genscope help')");
                return 2;
            }
            out.print(c.usage());
            return 0;
        }
        Command c = commands.get(args[0]);
        if (c == null) {
            err.println("genscope: unknown command " + Quoted.of(args[0]) + " (try 'genscope help')");
            return 2;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(c.usage());
            return 0;
        }
        try {
            return c.run(rest, out);
        } catch (UsageException e) {
            err.println("genscope " + c.name() + ": " + e.getMessage() + " (try 'genscope help " + c.name() + "')");
            return 2;
        } catch (CliException e) {
            err.println("genscope " + c.name() + ": " + e.getMessage());
            return 1;
        } catch (OutOfMemoryError e) {
            err.println("genscope " + c.name() + ": out of memory; try a smaller model or batch, or raise -Xmx");
            return 1;
        } catch (IllegalArgumentException e) {
            // a setting or file a model refused, in its own words
            err.println("genscope " + c.name() + ": " + oneLine(e.getMessage()));
            return 1;
        } catch (Exception e) {
            err.println("genscope " + c.name() + ": internal error (" + e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + oneLine(e.getMessage())) + "); please report it with the command line that caused it");
            return 1;
        }
    }

    private static String oneLine(String message) {
        return message == null ? "no reason given" : message.replace('\n', ' ');
    }

    static String overview(Map<String, Command> commands) {
        StringBuilder sb = new StringBuilder();
        sb.append(Genscope.NAME).append(' ').append(Genscope.version())
                .append(" - neural generative models, headless\n\n");
        sb.append("usage: genscope COMMAND [ARGS]\n\ncommands:\n");
        for (Command c : commands.values()) {
            sb.append(String.format("  %-14s %s%n", c.name(), c.summary()));
        }
        sb.append(String.format("  %-14s %s%n", "help COMMAND", "usage of one command"));
        sb.append(String.format("  %-14s %s%n", "version", "print the version"));
        sb.append("\nWith no command the window opens; 'genscope open MODEL.safetensors' opens it with that trained model.\n");
        return sb.toString();
    }
}
