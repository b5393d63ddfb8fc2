package org.genscope.ui.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.ejml.data.FMatrixRMaj;
import org.genscope.ui.Shots;
import org.genscope.ui.common.UiExecutor;
import org.genscope.data.Dataset;
import org.genscope.data.Grid2D;
import org.genscope.flow.DirectionTiming;
import org.genscope.flow.FlowModel;
import org.genscope.flow.FlowPreset;
import org.genscope.flow.FlowSpec;
import org.genscope.nn.Adam;
import org.genscope.nn.Optimizer;
import org.genscope.train.TaskExecutor;
import org.genscope.ui.theme.Theme;
import org.genscope.ui.theme.ThemeManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The diagnostics panel on small real flows: it fills in off the FX thread, and MAF and IAF trade directions. */
@ExtendWith(ApplicationExtension.class)
class FlowDiagnosticsPanelTest {
    private static final Grid2D GRID = new Grid2D(-3, 3, -3, 3, 100, 100);
    private final Deque<Runnable> queued = new ArrayDeque<>();
    private FlowDiagnosticsPanel panel;
    private Scene scene;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        panel = new FlowDiagnosticsPanel(UiExecutor.javafx(TaskExecutor.daemonThreads("diagnostics-test")));
        scene = new Scene(panel, 1200, 780);
        ThemeManager.apply(scene, Theme.LIGHT, false);
        stage.setScene(scene);
        stage.show();
    }

    private static FlowModel model(String layers) {
        return FlowSpec.parse(layers).build(2);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void showAndWait(FxRobot robot, FlowModel m, Grid2D grid) throws Exception {
        robot.interact(() -> panel.show(m, grid));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> panel.layerCount() == m.layers().size()
                && text(robot, "#flow-diagnostics-status").equals(m.spec().describe()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void showAndWait(FxRobot robot, FlowModel m) throws Exception {
        showAndWait(robot, m, GRID);
    }

    private DirectionTiming measure(FxRobot robot) throws Exception {
        DirectionTiming before = panel.timing();
        robot.interact(() -> robot.lookup("#flow-measure").queryButton().fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> panel.timing() != before);
        WaitForAsyncUtils.waitForFxEvents();
        return panel.timing();
    }

    /** Shows a fresh model of these layers, checks it inverts to float precision, and measures both directions. */
    private DirectionTiming timingOf(FxRobot robot, String layers) throws Exception {
        showAndWait(robot, model(layers));
        assertTrue(panel.inverseError() < 1e-4, layers + " inverts to float precision: " + panel.inverseError());
        return measure(robot);
    }

    @Test
    void realNvpFillsInWithAnExactInverseAndTimings(FxRobot robot) throws Exception {
        showAndWait(robot, model("realnvp:16-16*4"));
        assertEquals(4, panel.layerCount());
        assertTrue(panel.inverseError() < 1e-4, "coupling layers invert to float precision: " + panel.inverseError());
        assertEquals("OK", text(robot, "#flow-inverse-verdict"));
        assertTrue(text(robot, "#flow-inverse-error").startsWith("max |f⁻¹(f(x)) − x| = "), text(robot, "#flow-inverse-error"));
        double[] ms = panel.densityMillis();
        assertTrue(ms[0] > 0 && ms[1] > 0, "evaluation and drawing are timed: " + ms[0] + ", " + ms[1]);
        assertTrue(text(robot, "#flow-speed").startsWith("p(x) on 200×200 = 40,000 points through 4 layers"), text(robot, "#flow-speed"));
        measure(robot);
        assertTrue(text(robot, "#flow-timing").contains("No MAF or IAF"), text(robot, "#flow-timing"));
    }

    @Test
    void mafEvaluatesTheDensityInFewerPassesThanItSamples(FxRobot robot) throws Exception {
        DirectionTiming t = timingOf(robot, "maf:16-16*4");
        assertTrue(t.densityPasses() < t.samplingPasses(), t.toString());
        assertEquals(4, t.densityPasses(), "one MADE pass per MAF layer");
        assertEquals(8, t.samplingPasses(), "D = 2 passes per MAF layer");
        assertTrue(text(robot, "#flow-timing").contains("MADE passes: 4 for the density, 8 for sampling"), text(robot, "#flow-timing"));
    }

    @Test
    void iafSamplesInFewerPassesThanItEvaluatesTheDensity(FxRobot robot) throws Exception {
        DirectionTiming t = timingOf(robot, "iaf:16-16*4");
        assertTrue(t.samplingPasses() < t.densityPasses(), t.toString());
    }

    @Test
    void aResultOvertakenByANewerModelIsDropped(FxRobot robot) throws Exception {
        FlowDiagnosticsPanel manual = WaitForAsyncUtils.asyncFx(() -> new FlowDiagnosticsPanel(UiExecutor.javafx(queued::add))).get(5, TimeUnit.SECONDS);
        FlowModel older = model("realnvp:8*2");
        FlowModel newer = model("maf:8*3");
        robot.interact(() -> {
            manual.show(older, GRID);
            queued.poll().run();                     // the older model's result is posted to the FX thread …
            manual.show(newer, GRID);                // … but a newer model arrives before it is applied
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, manual.layerCount(), "the older result was dropped");
        assertTrue(Double.isNaN(manual.inverseError()));
        robot.interact(() -> queued.poll().run());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, manual.layerCount(), "the newer model is shown");
        assertTrue(queued.isEmpty(), "one computation per pending request");
    }

    @Test
    void requestsWaitingBehindAComputationCoalesceToTheNewest(FxRobot robot) throws Exception {
        FlowDiagnosticsPanel manual = WaitForAsyncUtils.asyncFx(() -> new FlowDiagnosticsPanel(UiExecutor.javafx(queued::add))).get(5, TimeUnit.SECONDS);
        robot.interact(() -> {
            manual.show(model("realnvp:8*2"), GRID);
            manual.show(model("realnvp:8*3"), GRID);
            manual.show(model("maf:8*5"), GRID);
        });
        assertEquals(1, queued.size(), "one computation started, the later requests wait in its slot");
        robot.interact(() -> queued.poll().run());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, manual.layerCount(), "only the newest was computed");
    }

    /** With -Dgenscope.shot=DIR only (skipped otherwise): an 8-layer RealNVP and an 8-layer MAF after a short training, in three looks. */
    @Test
    @EnabledIfSystemProperty(named = "genscope.shot", matches = ".+")
    void shots(FxRobot robot) throws Exception {
        for (String id : new String[] {"realnvp-moons", "maf-checkerboard"}) {
            FlowPreset p = FlowPreset.byId(id);
            Dataset train = p.data(1).train();
            FlowModel m = trained(p.model(), train.x(), 300);
            Grid2D grid = Grid2D.around(train.x(), 0.1, 100);
            robot.interact(() -> stage.setTitle(id));
            showAndWait(robot, m, grid);
            measure(robot);
            double[] ms = panel.densityMillis();
            System.out.printf("%s: 200×200 density through %d layers: eval %.1f ms, draw %.2f ms; %s%n", id,
                    m.layers().size(), ms[0], ms[1], panel.timing());
            Shots.inEveryLook(robot, scene, "diagnostics-" + id);
        }
    }

    private static FlowModel trained(FlowModel m, FMatrixRMaj x, int steps) {
        m.initialize(x);
        Optimizer opt = new Adam(m.params(), 2e-3);
        int b = 256;
        for (int s = 0; s < steps; s++) {
            int from = (s * b) % (x.numRows - b);
            FMatrixRMaj batch = new FMatrixRMaj(b, 2);
            System.arraycopy(x.data, from * 2, batch.data, 0, b * 2);
            m.lossAndGradients(batch);
            opt.step();
        }
        return m;
    }
}
