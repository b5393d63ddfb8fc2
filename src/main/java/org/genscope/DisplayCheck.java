package org.genscope;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the window can open here, asked before JavaFX starts, and the one line to print when it cannot: what to
 * install or set, never a stack trace. JavaFX draws through GTK on X11 (on Wayland through XWayland), so on Linux
 * and BSD it needs an X server at {@code DISPLAY}. A display {@code [host]:N[.S]} is probed where an X client would
 * connect: a local one at the socket {@code /tmp/.X11-unix/XN} (or, on Linux, the abstract socket of that name,
 * listed in {@code /proc/net/unix}), a remote one at TCP port 6000 + N. When the probe cannot tell, the toolkit
 * tries and {@link #explain} turns its failure into the same kind of line. The GTK 3 and XTest libraries JavaFX
 * loads are looked for first, so a missing one is named with its Debian package before JavaFX prints a trace.
 */
final class DisplayCheck {
    private static final Pattern DISPLAY = Pattern.compile("([^:]*):(\\d+)(\\.\\d+)?");
    private static final String HELP = "or use the command line: genscope help";

    /** The shared libraries JavaFX's GTK backend loads, with the Debian packages that hold them. */
    static final List<String> LIBRARIES = List.of("libgtk-3.so.0", "libXtst.so.6");
    static final String PACKAGES = "libgtk-3-0 libxtst6";

    private final Function<String, String> env;
    private final Path socketDir;
    private final Path procNetUnix;
    private final List<Path> libraryDirs;
    private final Predicate<Path> loads;

    /**
     * @param env         environment variables
     * @param socketDir   where local X servers put their sockets ({@code /tmp/.X11-unix})
     * @param procNetUnix the kernel's list of Unix sockets ({@code /proc/net/unix} on Linux)
     * @param libraryDirs where the dynamic loader finds libraries (LD_LIBRARY_PATH, then the system's)
     * @param loads       whether a library file loads ({@link System#load}: its dependencies are there too)
     */
    DisplayCheck(Function<String, String> env, Path socketDir, Path procNetUnix, List<Path> libraryDirs, Predicate<Path> loads) {
        this.env = env;
        this.socketDir = socketDir;
        this.procNetUnix = procNetUnix;
        this.libraryDirs = libraryDirs;
        this.loads = loads;
    }

    /** The check of this process on this machine. */
    static DisplayCheck here() {
        List<Path> dirs = new ArrayList<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) for (String d : ld.split(":")) if (!d.isBlank()) dirs.add(Path.of(d));
        String arch = System.getProperty("os.arch", "");
        String triplet = (arch.equals("amd64") ? "x86_64" : arch) + "-linux-gnu";        // Debian's multiarch folders
        for (String d : List.of("/lib/" + triplet, "/usr/lib/" + triplet, "/lib64", "/usr/lib64", "/lib", "/usr/lib")) {
            dirs.add(Path.of(d));
        }
        return new DisplayCheck(System::getenv, Path.of("/tmp/.X11-unix"), Path.of("/proc/net/unix"), dirs, DisplayCheck::load);
    }

    private static boolean load(Path library) {
        try {
            System.load(library.toAbsolutePath().toString());       // JavaFX loads it next anyway
            return true;
        } catch (UnsatisfiedLinkError | SecurityException e) {
            return false;
        }
    }

    /** Windows and macOS open windows without an X server. */
    static boolean needsX11(String osName) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        return !os.contains("win") && !os.contains("mac");
    }

    /** Why no window can open, as the line to print, or empty when it may (or the probe cannot tell). */
    Optional<String> problem() {
        Optional<String> libraries = missingLibraries();
        return libraries.isPresent() ? libraries : displayProblem();
    }

    /**
     * A library that is in none of the folders, or is there but does not load (a dependency missing), named with
     * the packages to install; empty if all load, or if the folders the probe knows do not exist here.
     */
    Optional<String> missingLibraries() {
        if (libraryDirs.stream().noneMatch(Files::isDirectory)) return Optional.empty();
        for (String lib : LIBRARIES) {
            Optional<Path> found = libraryDirs.stream().map(d -> d.resolve(lib)).filter(Files::exists).findFirst();
            if (found.isEmpty() || !loads.test(found.get())) {
                return Optional.of(libraryLine(lib + (found.isEmpty() ? " is not installed" : " does not load")));
            }
        }
        return Optional.empty();
    }

    private static String libraryLine(String what) {
        return "genscope: the window needs GTK 3 and XTest, but " + what + ": sudo apt-get install " + PACKAGES
                + " (Debian/Ubuntu), " + HELP;
    }

    /** Why the X display cannot be opened, or empty when it answers (or the probe cannot tell). */
    Optional<String> displayProblem() {
        String display = env.apply("DISPLAY");
        if (display == null || display.isBlank()) {
            String wayland = env.apply("WAYLAND_DISPLAY");
            if (wayland != null && !wayland.isBlank()) {
                return Optional.of("genscope: the window needs an X display and this Wayland session has none (DISPLAY is "
                        + "not set): sudo apt-get install xwayland (Debian/Ubuntu) and log in again, " + HELP);
            }
            return Optional.of("genscope: no display to open a window on (DISPLAY is not set): run it in a desktop session "
                    + "(on a server: sudo apt-get install xvfb, then xvfb-run genscope), " + HELP);
        }
        Matcher m = DISPLAY.matcher(display.trim());
        if (!m.matches()) {
            return Optional.of("genscope: DISPLAY=" + cut(display) + " is not an X display such as :0 or host:10.0: set "
                    + "it to a running X server, " + HELP);
        }
        String host = m.group(1);
        int n = Integer.parseInt(m.group(2).length() > 6 ? "999999" : m.group(2));
        if (host.startsWith("/")) return Optional.empty();              // a socket path (XQuartz): let the toolkit try
        boolean local = host.isEmpty() || host.equals("unix");
        boolean answers = local ? localAnswers(n) : tcpAnswers(host, 6000 + n);
        if (answers) return Optional.empty();
        String where = local ? "no X server listens at " + socketDir.resolve("X" + n) : "no X server answers at " + host
                + " port " + (6000 + n);
        return Optional.of("genscope: cannot open DISPLAY=" + cut(display) + ": " + where + ". Start one (a virtual one: "
                + "sudo apt-get install xvfb; Xvfb " + (local ? ":" + n : ":99") + " &) or set DISPLAY to a running one, " + HELP);
    }

    /** A local display answers unless its socket is neither a file that accepts a connection nor an abstract socket. */
    private boolean localAnswers(int n) {
        Path socket = socketDir.resolve("X" + n);
        if (Files.exists(socket)) return connects(socket);
        try {
            // Linux lists abstract sockets as "@/tmp/.X11-unix/XN" (the path is a name, not a file)
            String name = "@" + socket;
            return Files.readAllLines(procNetUnix).stream().anyMatch(l -> l.endsWith(" " + name));
        } catch (IOException | RuntimeException e) {
            return true;                                                // cannot tell: let the toolkit try
        }
    }

    private static boolean connects(Path socket) {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return c.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** A refused connection or an unknown host is a definite no; a timeout is not (a slow network may answer later). */
    private static boolean tcpAnswers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The line for a toolkit that failed to start, or empty if {@code failure} is something else (an error of the
     * app, whose stack trace must stay visible): no display, or the GTK libraries missing.
     */
    static Optional<String> explain(Throwable failure, String display) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String msg = String.valueOf(t.getMessage());
            if (msg.contains("Unable to open DISPLAY")) {
                return Optional.of("genscope: cannot open DISPLAY=" + cut(display) + " (no X server there, or no "
                        + "permission: check DISPLAY and XAUTHORITY), " + HELP);
            }
            if (msg.contains("glass GTK library") || t instanceof UnsatisfiedLinkError) {
                return Optional.of(libraryLine("they did not load"));
            }
        }
        return Optional.empty();
    }

    private static String cut(String s) {
        return org.genscope.Quoted.of(s);
    }
}
