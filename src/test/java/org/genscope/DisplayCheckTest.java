package org.genscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe that decides whether the window can open, on made-up machines: no display needed. */
class DisplayCheckTest {
    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private Path sockets;
    private Path procNetUnix;
    private Path libs;

    @BeforeEach
    void machineWithLibraries() throws IOException {
        sockets = Files.createDirectory(dir.resolve("x11-unix"));
        procNetUnix = Files.writeString(dir.resolve("net-unix"), "Num RefCount Protocol Flags Type St Inode Path\n");
        libs = Files.createDirectory(dir.resolve("lib"));
        for (String lib : DisplayCheck.LIBRARIES) Files.writeString(libs.resolve(lib), "ELF");
    }

    private Optional<String> problem(Predicate<Path> loads) {
        Optional<String> p = new DisplayCheck(env::get, sockets, procNetUnix, List.of(dir.resolve("none"), libs), loads).problem();
        p.ifPresent(DisplayCheckTest::assertOneCleanLine);
        return p;
    }

    private Optional<String> problem() {
        return problem(lib -> true);
    }

    private static void assertOneCleanLine(String line) {
        assertTrue(line.startsWith("genscope: ") && !line.contains("\n") && line.length() < 260, line);
        assertTrue(!line.contains("Exception") && !line.contains("java.") && line.endsWith("genscope help"), line);
    }

    private static void assertHas(Optional<String> problem, String part) {
        assertTrue(problem.isPresent() && problem.get().contains(part), "expected '" + part + "' in " + problem);
    }

    @Test
    void noDisplayVariableSaysWhatToSet() {
        assertHas(problem(), "DISPLAY is not set): run it in a desktop session (on a server: sudo apt-get install xvfb");
        env.put("DISPLAY", " ");
        assertHas(problem(), "DISPLAY is not set");
        env.put("WAYLAND_DISPLAY", "wayland-0");
        assertHas(problem(), "this Wayland session has none (DISPLAY is not set): sudo apt-get install xwayland");
    }

    @Test
    void aDisplayNobodyListensOnIsRefusedWithTheSocketItLookedFor() throws IOException {
        env.put("DISPLAY", ":77");
        assertHas(problem(), "cannot open DISPLAY=':77': no X server listens at " + sockets.resolve("X77")
                + ". Start one (a virtual one: sudo apt-get install xvfb; Xvfb :77 &)");
        env.put("DISPLAY", "unix:77.0");
        assertHas(problem(), "no X server listens at " + sockets.resolve("X77"));
        Files.writeString(procNetUnix, "0000: 00000002 00000000 00010000 0001 01 43698 @" + sockets.resolve("X77") + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertEquals(Optional.empty(), problem(), "an abstract socket of that name (Linux): a server is there");
        Files.delete(procNetUnix);
        env.put("DISPLAY", ":78");
        assertEquals(Optional.empty(), problem(), "cannot tell without /proc/net/unix: the toolkit decides");
    }

    @Test
    void aListeningSocketAnswersAndAStaleOneDoesNot() throws IOException {
        Path socket = sockets.resolve("X5");
        env.put("DISPLAY", ":5");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            assertEquals(Optional.empty(), problem());
        }
        assertTrue(Files.exists(socket), "a crashed X server leaves its socket file");
        assertHas(problem(), "no X server listens at " + socket);
    }

    @Test
    void aRemoteDisplayIsProbedAtPort6000PlusN() throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
            env.put("DISPLAY", "127.0.0.1:" + (port - 6000) + ".0");
            if (port > 6000) assertEquals(Optional.empty(), problem());
        }
        if (port > 6000) assertHas(problem(), "no X server answers at 127.0.0.1 port " + port);
        env.put("DISPLAY", "no-such-host.invalid:0");
        assertHas(problem(), "no X server answers at no-such-host.invalid port 6000");
    }

    @Test
    void aMalformedDisplayIsNamedCut() {
        env.put("DISPLAY", "localhost");
        assertHas(problem(), "DISPLAY='localhost' is not an X display such as :0 or host:10.0");
        env.put("DISPLAY", "x".repeat(10_000));
        assertHas(problem(), "…' (10000 characters) is not an X display");
        env.put("DISPLAY", "/private/tmp/com.apple.launchd.abc/org.xquartz:0");
        assertEquals(Optional.empty(), problem(), "a socket path: the toolkit decides");
    }

    @Test
    void missingOrBrokenGtkLibrariesNameTheDebianPackages() throws IOException {
        env.put("DISPLAY", ":0");
        Files.delete(libs.resolve("libXtst.so.6"));
        assertHas(problem(), "needs GTK 3 and XTest, but libXtst.so.6 is not installed: sudo apt-get install libgtk-3-0 libxtst6");
        Files.writeString(libs.resolve("libXtst.so.6"), "ELF");
        assertHas(problem(lib -> !lib.endsWith("libgtk-3.so.0")), "but libgtk-3.so.0 does not load: sudo apt-get install");
        Optional<String> unknown = new DisplayCheck(env::get, sockets, procNetUnix, List.of(dir.resolve("none")), lib -> false)
                .missingLibraries();
        assertEquals(Optional.empty(), unknown, "no library folder the probe knows: the toolkit decides");
    }

    @Test
    void theToolkitsOwnFailuresBecomeOneLineAndOtherErrorsDoNot() {
        Optional<String> display = DisplayCheck.explain(new RuntimeException("launch failed",
                new UnsupportedOperationException("Unable to open DISPLAY")), ":9");
        assertHas(display, "cannot open DISPLAY=':9' (no X server there, or no permission: check DISPLAY and XAUTHORITY)");
        assertOneCleanLine(display.get());
        Optional<String> gtk = DisplayCheck.explain(new UnsupportedOperationException("Unable to load glass GTK library."), ":0");
        assertHas(gtk, "sudo apt-get install libgtk-3-0 libxtst6");
        assertHas(DisplayCheck.explain(new UnsatisfiedLinkError("libXtst.so.6: file too short"), ":0"), "libxtst6");
        assertFalse(DisplayCheck.explain(new IllegalStateException("a bug in the app"), ":0").isPresent(),
                "the app's own errors keep their stack trace");
    }

    @Test
    void onlyLinuxAndBsdNeedAnXServer() {
        assertTrue(DisplayCheck.needsX11("Linux"));
        assertTrue(DisplayCheck.needsX11("FreeBSD"));
        assertFalse(DisplayCheck.needsX11("Windows 11"));
        assertFalse(DisplayCheck.needsX11("Mac OS X"));
    }
}
