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

    /** On Linux/BSD a window needs an X11 or Wayland display; elsewhere assume one. */
    static boolean noDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        boolean unix = !os.contains("win") && !os.contains("mac");
        return unix && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public static void main(String[] args) {
        boolean open = args.length == 2 && args[0].equals("open");
        if (args.length == 1 && args[0].equals("open")) {
            System.err.println("usage: genscope open MODEL.safetensors   (opens the window with that trained model)");
            System.exit(2);
        }
        if (args.length == 0 || open) {
            if (noDisplay()) {
                System.err.println("genscope: no display to open a window on (DISPLAY is not set). "
                        + "Run it in a desktop session, or use the command line: genscope help");
                System.exit(1);
            }
            if (open && !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[1]))) {
                System.err.println("genscope: no such file: " + args[1]);
                System.exit(1);
            }
            org.genscope.ui.GenscopeApp.main(open ? new String[] {args[1]} : args);
        } else {
            System.exit(Main.run(args, System.out, System.err));
        }
    }
}
