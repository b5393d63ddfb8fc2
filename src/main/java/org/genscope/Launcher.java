package org.genscope;

import org.genscope.cli.Main;

/**
 * Entry point of the self-contained jar. It does not extend {@code javafx.application.Application}, so the
 * JavaFX runtime can live on the plain classpath. With no arguments it opens the window; with arguments it
 * runs the command line ({@code java -jar genscope-all.jar bench}).
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            org.genscope.ui.GenscopeApp.main(args);
        } else {
            System.exit(Main.run(args, System.out, System.err));
        }
    }
}
