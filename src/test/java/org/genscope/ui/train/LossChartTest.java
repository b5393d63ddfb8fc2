package org.genscope.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.axes.Axis;
import java.util.Random;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.genscope.train.Curve;
import org.genscope.train.JobState;
import org.genscope.train.Snapshot;
import org.genscope.ui.Shots;
import org.genscope.ui.TestScenes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The loss chart's y-range, zoom and overlays, headless, on a curve with a known shape. */
@ExtendWith(ApplicationExtension.class)
class LossChartTest {
    private static final double ENTROPY = 2.079;
    private LossChart chart;
    private Scene scene;

    @Start
    void start(Stage stage) {
        chart = new LossChart("Negative log-likelihood", "NLL (nats per point)");
        scene = TestScenes.show(stage, new StackPane(chart), 640, 420);
    }

    /** 300 points falling from 3.2 towards 2.25 with noise (above the entropy, as a model still learning). */
    private static Snapshot<Void> run(double spike) {
        int n = 300;
        double[] steps = new double[n];
        double[] train = new double[n];
        Random r = new Random(7);
        for (int i = 0; i < n; i++) {
            steps[i] = 10 * (i + 1);
            train[i] = 2.25 + 0.95 * Math.exp(-i / 40.0) + 0.03 * r.nextGaussian();
        }
        train[180] = spike;
        double[] vSteps = {750, 1500, 2250, 3000};
        double[] valid = {2.6, 2.4, 2.33, 2.3};
        return new Snapshot<>(1, JobState.RUNNING, 3000, 6000, 10, 300, train[n - 1], valid[3], Curve.of(steps, train),
                Curve.of(vSteps, valid), 1e-3, 30, 100, 30, null, null);
    }

    private void show(FxRobot robot, Snapshot<Void> s) {
        robot.interact(() -> {
            chart.setReference("true entropy H", ENTROPY);
            chart.show(s);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Axis y() {
        return chart.getYAxis();
    }

    private Button viewButton(FxRobot robot) {
        return robot.lookup(".chart-view-button").queryButton();
    }

    private Point2D plot(double fx, double fy) {
        Bounds b = chart.getCanvas().localToScreen(chart.getCanvas().getBoundsInLocal());
        return new Point2D(b.getMinX() + fx * b.getWidth(), b.getMinY() + fy * b.getHeight());
    }

    /**
     * ChartFX read-locks a chart's data sets during layout; a chart laid out without the matching post-layout kept
     * the lock and the next update froze the window. The chart's data sets take no lock, so a read lock left
     * behind blocks nothing.
     */
    @Test
    void aReadLockLeftBehindByALayoutDoesNotBlockTheNextUpdate(FxRobot robot) throws Exception {
        robot.interact(() -> chart.getDatasets().forEach(ds -> ds.lock().readLock()));   // never unlocked
        Snapshot<Void> s = run(5.0);
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        javafx.application.Platform.runLater(() -> {
            chart.show(s);
            chart.clear();
            done.complete(null);
        });
        done.get(10, java.util.concurrent.TimeUnit.SECONDS);         // a DefaultDataSetLock waits here forever
    }

    @Test
    void theReferenceLineIsVisiblyInsideTheYRange(FxRobot robot) {
        show(robot, run(2.3));
        double span = y().getMax() - y().getMin();
        assertTrue(y().getMin() < ENTROPY - 0.03 * span, "the entropy line sits above the x-axis: " + y().getMin());
        assertTrue(y().getMax() > 3.1, "the start of the curve is in view: " + y().getMax());
        assertFalse(viewButton(robot).isVisible(), "nothing is off-scale, so nothing to show");
        Shots.inEveryLook(robot, scene, "loss-chart");
    }

    @Test
    void aLoneSpikeIsOffScaleByDefaultAndShowAllReachesIt(FxRobot robot) {
        show(robot, run(400));
        assertTrue(y().getMax() < 4, "one spike does not flatten the curve: " + y().getMax());
        assertTrue(y().getMin() < ENTROPY);
        Button button = viewButton(robot);
        assertTrue(button.isVisible());
        assertEquals("Show all (1 off-scale)", button.getText());
        Shots.inEveryLook(robot, scene, "loss-chart-spike");

        robot.clickOn(button);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(y().getMax() >= 400, "show all: the spike is in view: " + y().getMax());
        assertEquals("Reset view", button.getText());

        robot.clickOn(button);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(y().getMax() < 4, "reset: the robust view again: " + y().getMax());
    }

    @Test
    void theSvgExportShowsTheRangeOnScreenAndSaysWhatIsOffScale(FxRobot robot) throws Exception {
        show(robot, run(400));
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("genscope-loss").resolve("loss.svg");
        robot.interact(() -> {
            try {
                org.genscope.ui.export.ViewExporter.writeSvg(java.util.List.of(chart), file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String svg = java.nio.file.Files.readString(file);
        assertTrue(svg.contains(">1 point above the range shown<"), "the spike is named, not drawn to scale");
        java.util.List<Double> yTicks = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("text-anchor=\"end\"[^>]*>([0-9.]+)<").matcher(svg);
        while (m.find()) yTicks.add(Double.parseDouble(m.group(1)));
        assertFalse(yTicks.isEmpty());
        for (double t : yTicks) assertTrue(t >= y().getMin() && t <= y().getMax(), "tick " + t + " on screen's range");
    }

    @Test
    void aZoomStaysWhileTrainingGoesOnAndResetReturnsToTheRobustView(FxRobot robot) {
        show(robot, run(400));
        double robustMin = y().getMin();
        double robustMax = y().getMax();
        robot.drag(plot(0.2, 0.3)).moveTo(plot(0.5, 0.6)).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chart.view().isZoomed(), "dragging a rectangle zooms in");
        double zoomedMin = y().getMin();
        double zoomedMax = y().getMax();
        assertTrue(zoomedMax - zoomedMin < 0.5 * (robustMax - robustMin), zoomedMin + ".." + zoomedMax);

        show(robot, run(500));                  // the next snapshot leaves the user's zoom alone
        assertEquals(zoomedMin, y().getMin(), 1e-9);
        assertEquals(zoomedMax, y().getMax(), 1e-9);
        assertEquals("Reset view", viewButton(robot).getText());

        robot.clickOn(viewButton(robot));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(chart.view().isZoomed());
        assertEquals(robustMin, y().getMin(), 1e-9);
        assertEquals(robustMax, y().getMax(), 1e-9);
        assertTrue(chart.getXAxis().isAutoRanging(), "the whole run along x again");
    }

    @Test
    void noToolBarOrRangeSliderSlidesOverThePlot(FxRobot robot) {
        show(robot, run(2.3));
        // ChartFX slides its tool bar in at the top edge and the zoomer's range slider at the plot's bottom edge
        robot.moveTo(plot(0.5, 0.5)).moveTo(plot(0.5, 0.99));
        robot.sleep(1200);
        assertFalse(shown(chart.getPlotArea().getBottom()), "range slider");
        Bounds c = chart.localToScreen(chart.getBoundsInLocal());
        robot.moveTo(new Point2D(c.getCenterX(), c.getMinY() + 4));
        robot.sleep(1200);
        assertFalse(shown(chart.getToolBar()), "tool bar");
    }

    private static boolean shown(Node n) {
        return n != null && n.isVisible();
    }
}
