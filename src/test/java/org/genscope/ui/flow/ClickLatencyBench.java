package org.genscope.ui.flow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.genscope.train.JobState;
import org.genscope.ui.GenscopeApp;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.shell.MainView;
import org.genscope.ui.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How long a click takes to show, in the real main window: from the event (run on the FX thread) to the end of the
 * second pulse after it. The first pulse lays the change out; the second can only start once the renderer has
 * drawn the first, so the figure includes the frame reaching the screen (and up to one idle pulse interval,
 * ~17 ms, of slack). Theme and presenter toggles, the first open of each workspace, switching between them and
 * every tab switch, first with the machine idle, then while the Flows preset trains. A benchmark, not a test: it
 * prints the figures and runs only with {@code -Dgenscope.bench=true}:
 * <pre>mvn -B -q test -Dtest=ClickLatencyBench -Dgenscope.bench=true</pre>
 * With {@code -Dgenscope.bench.profile=true} it also samples the FX thread's stack every millisecond during each
 * click and prints the methods it was found in most (a poor man's profiler that needs no agent).
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "genscope.bench", matches = "true")
class ClickLatencyBench {
    private static final int REPEATS = 5;
    private MainView view;
    private Scene scene;
    private Thread fxThread;
    private final Map<String, List<double[]>> idle = new LinkedHashMap<>();
    private final Map<String, List<double[]>> training = new LinkedHashMap<>();
    private final boolean profile = Boolean.getBoolean("genscope.bench.profile");

    @Start
    void start(Stage stage) throws IOException {
        Path dir = Files.createTempDirectory("genscope-bench");
        Settings settings = Settings.load(dir.resolve("settings.properties"));
        view = GenscopeApp.createMainWindow(stage, settings, new ExportService(settings));
        stage.show();
        if (!Boolean.getBoolean("genscope.bench.cold")) view.prebuildWorkspaces();
        scene = stage.getScene();
        fxThread = Thread.currentThread();
    }

    @Test
    void clicks(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(Integer.getInteger("genscope.bench.wait", 4000));      // the user reads the home page
        pass(robot, idle, true);
        // train the Flows preset for longer than the second pass lasts
        robot.interact(() -> view.model().select("flows"));
        FlowView flows = (FlowView) view.visible();
        robot.interact(() -> {
            flows.viewModel().stepsProperty().set(1_000_000);
            flows.trainOrResume();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> flows.viewModel().run().job().stateProperty().get() == JobState.RUNNING);
        // the clicks below are measured while training is under way: wait until it has taken some steps
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> flows.viewModel().run().job().job().latest().step() >= 200);
        pass(robot, training, false);
        robot.interact(() -> flows.viewModel().run().job().stop());
        System.out.printf("%nms from click to frame: median / max of %d (first opens once), (FX-thread CPU); load average %.1f%n",
                REPEATS, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("%-44s %20s %20s%n", "click", "idle", "training");
        java.util.Set<String> rows = new java.util.LinkedHashSet<>(idle.keySet());
        rows.addAll(training.keySet());
        for (String k : rows) {
            System.out.printf("%-44s %20s %20s%n", k, figure(idle.get(k)), figure(training.get(k)));
        }
    }

    /** One round of every click; on the first round the workspaces open for the first time. */
    private void pass(FxRobot robot, Map<String, List<double[]>> into, boolean first) throws Exception {
        for (String id : List.of("made", "flows", "vae", "wta")) {
            add(into, (first ? "first open of " : "open ") + id, click(robot, "open " + id, () -> view.model().select(id)));
            TabPane tabs = tabs();
            Tab home = tabs.getTabs().get(0);
            for (Tab t : tabs.getTabs().subList(1, tabs.getTabs().size())) {
                for (int r = 0; r < REPEATS; r++) {
                    boolean once = first && r == 0;
                    add(into, id + ": tab " + t.getText() + (once ? " (first)" : ""),
                            click(robot, id + " tab " + t.getText(), () -> tabs.getSelectionModel().select(t)));
                    add(into, id + ": back to tab " + home.getText(), click(robot, id + " tab " + home.getText(),
                            () -> tabs.getSelectionModel().select(home)));
                }
            }
            for (int r = 0; r < REPEATS; r++) {
                add(into, id + ": theme toggle", click(robot, id + " theme", () -> view.model().toggleTheme()));
                add(into, id + ": presenter toggle", click(robot, id + " presenter",
                        () -> view.model().presenterProperty().set(!view.model().presenterProperty().get())));
            }
        }
        for (int r = 0; r < REPEATS; r++) {
            add(into, "switch flows -> made", click(robot, "switch made", () -> view.model().select("made")));
            add(into, "switch made -> flows", click(robot, "switch flows", () -> view.model().select("flows")));
        }
    }

    private TabPane tabs() {
        return (TabPane) view.currentView().lookup(".tab-pane");
    }

    private static void add(Map<String, List<double[]>> into, String name, double[] ms) {
        into.computeIfAbsent(name, k -> new ArrayList<>()).add(ms);
    }

    /** Milliseconds from running {@code action} on the FX thread to the end of the second pulse after it. */
    /** {wall, FX-thread CPU} milliseconds; see the class comment. */
    private double[] click(FxRobot robot, String name, Runnable action) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(150);                        // a pause between clicks, as a user makes: the measurement's pacing
        CompletableFuture<Long> done = new CompletableFuture<>();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Map<String, Integer> hits = new HashMap<>();
        int[] samples = {0};
        Thread sampler = null;
        if (profile) {
            sampler = new Thread(() -> {
                while (sampling.get()) {
                    StackTraceElement[] st = fxThread.getStackTrace();
                    samples[0]++;
                    java.util.Set<String> seen = new java.util.HashSet<>();
                    for (StackTraceElement e : st) {
                        String m = e.getClassName().replaceAll("^.*\\.", "") + "." + e.getMethodName();
                        if (seen.add(m)) hits.merge(m, 1, Integer::sum);
                    }
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] cpu = new long[1];
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            int[] pulses = {0};
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                if (++pulses[0] == 2) {
                    cpu[0] = mx.getCurrentThreadCpuTime() - c0;
                    done.complete(System.nanoTime() - t0);
                    Platform.runLater(() -> scene.removePostLayoutPulseListener(listener[0]));
                } else if (pulses[0] < 2) {
                    Platform.requestNextPulse();
                }
            };
            scene.addPostLayoutPulseListener(listener[0]);
            action.run();
            Platform.requestNextPulse();
        });
        double ms;
        try {
            ms = done.get(60, TimeUnit.SECONDS) / 1e6;
        } catch (java.util.concurrent.TimeoutException e) {
            System.out.println(name + ": no second pulse after 60 s; the FX thread is at:");
            for (StackTraceElement el : fxThread.getStackTrace()) System.out.println("    " + el);
            Thread.getAllStackTraces().forEach((t, st) -> {
                if (t == fxThread || java.util.Arrays.stream(st).noneMatch(el -> el.getClassName().contains("fair_acc"))) return;
                System.out.println("thread " + t.getName() + ":");
                for (StackTraceElement el : st) System.out.println("    " + el);
            });
            throw e;
        }
        System.out.printf("%s: %.0f ms (FX thread busy %.0f ms)%n", name, ms, cpu[0] / 1e6);

        sampling.set(false);
        if (sampler != null) {
            sampler.join();
            if (ms > 50) {
                System.out.printf("%n%s: %.0f ms, %d samples; methods on the FX thread's stack most often:%n", name, ms, samples[0]);
                hits.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                        .filter(e -> !e.getKey().matches("^(Thread|QuantumToolkit|GtkApplication|MonocleApplication|InvokeLaterDispatcher|"
                                + "PlatformImpl|RunnableProcessor|AccessController|ClickLatencyBench|Method|NativeMethodAccessorImpl|"
                                + "DelegatingMethodAccessorImpl|RunLoop|HeadlessApplication|Trampoline|MethodUtil|"
                                + "ReflectUtil|ObjectMethods|lambda).*"))
                        .limit(Integer.getInteger("genscope.bench.profile.lines", 40)).forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / samples[0], e.getKey()));
            }
        }
        return new double[] {ms, cpu[0] / 1e6};
    }

    /** "median / max" of the wall times and, in brackets, the median FX-thread CPU time. */
    private static String figure(List<double[]> clicks) {
        if (clicks == null || clicks.isEmpty()) return "–";
        double[] wall = clicks.stream().mapToDouble(c -> c[0]).sorted().toArray();
        double[] cpu = clicks.stream().mapToDouble(c -> c[1]).sorted().toArray();
        if (wall.length == 1) return String.format(Locale.ROOT, "%.0f (%.0f)", wall[0], cpu[0]);
        return String.format(Locale.ROOT, "%.0f / %.0f (%.0f)", wall[wall.length / 2], wall[wall.length - 1], cpu[cpu.length / 2]);
    }
}
