package org.genscope;

import org.genscope.cli.Main;

/**
 * Entry point of the self-contained jar. It does not extend {@code javafx.application.Application}, so the
 * JavaFX runtime can live on the plain classpath. With no arguments it opens the window; {@code open FILE} opens the
 * window with that trained model (MADE or flow) shown in its workspace; other arguments run the command line
 * ({@code java -jar genscope-all.jar bench}).
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        boolean open = args.length == 2 && args[0].equals("open");
        if (args.length > 0 && args[0].equals("open") && !open) {
            System.err.println("usage: genscope open MODEL.safetensors   (opens the window with that trained model)");
            System.exit(2);
        }
        if (open && !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[1]))) {
            // before the display check: a typo in the file name is the thing to fix first
            System.err.println("genscope: " + args[1] + (java.nio.file.Files.isDirectory(java.nio.file.Path.of(args[1]))
                    ? ": is a folder, not a model file" : ": no such file"));
            System.exit(1);
        }
        if (args.length == 0 || open) {
            if (DisplayCheck.needsX11(System.getProperty("os.name", ""))) {
                java.util.Optional<String> problem = DisplayCheck.here().problem();
                if (problem.isPresent()) {
                    System.err.println(problem.get());
                    System.exit(1);
                }
            }
            try {
                org.genscope.ui.GenscopeApp.main(open ? new String[] {args[1]} : args);
            } catch (RuntimeException | Error e) {
                // the toolkit could not start (no display after all, GTK missing): one line; anything else as it is
                java.util.Optional<String> why = DisplayCheck.explain(e, System.getenv("DISPLAY"));
                if (why.isEmpty()) throw e;
                System.err.println(why.get());
                System.exit(1);
            }
        } else {
            System.exit(Main.run(args, System.out, System.err));
        }
    }
}
