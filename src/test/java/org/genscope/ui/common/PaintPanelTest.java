package org.genscope.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.genscope.ui.Shots;
import org.genscope.data.DataSplits;
import org.genscope.data.Grid2D;
import org.genscope.train.TaskExecutor;
import org.genscope.ui.theme.Theme;
import org.genscope.ui.theme.ThemeManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The paint canvas through the same calls its mouse handlers make, and sampling the painting as a dataset. */
@ExtendWith(ApplicationExtension.class)
class PaintPanelTest {
    private PaintPanel panel;
    private PaintCanvas canvas;
    private Scene scene;
    private final AtomicReference<DataSplits> used = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        panel = new PaintPanel(UiExecutor.javafx(TaskExecutor.daemonThreads("paint-test")));
        panel.setOnUse(used::set);
        canvas = panel.canvas();
        scene = new Scene(panel, 900, 600);
        ThemeManager.apply(scene, Theme.LIGHT, false);
        stage.setScene(scene);
        stage.show();
    }

    private float at(double x, double y) {
        Grid2D g = canvas.grid();
        int ix = (int) ((x - g.xmin()) / g.dx());
        int iy = (int) ((y - g.ymin()) / g.dy());
        return canvas.weights()[iy * g.nx() + ix];
    }

    @Test
    void aStrokePaintsAlongItsPathAndNowhereElse(FxRobot robot) {
        robot.interact(() -> {
            canvas.setBrushRadius(0.5);
            canvas.beginStroke(-2, 0, false);
            canvas.strokeTo(2, 0);
            canvas.endStroke();
        });
        for (double x = -2; x <= 2; x += 0.5) assertTrue(at(x, 0) > 0.2f, "painted at (" + x + ", 0): " + at(x, 0));
        assertEquals(0f, at(0, 1.0), "beyond the brush radius above the stroke");
        assertEquals(0f, at(3, 0), "beyond the end of the stroke");
        assertEquals(0f, at(0, -3), "far away");
        assertTrue(at(0, 0) > at(0, 0.35), "soft brush: the centre line gets more paint than the edge");
        float[] w = canvas.weights();
        for (float v : w) assertTrue(v >= 0 && v <= 1, "weights stay in [0, 1]: " + v);
    }

    @Test
    void erasingLowersThePaintAndRepeatedErasingEmptiesIt(FxRobot robot) {
        robot.interact(() -> {
            canvas.setBrushRadius(1.0);
            for (int i = 0; i < 4; i++) {
                canvas.beginStroke(-1, 1, false);
                canvas.strokeTo(1, 1);
                canvas.endStroke();
            }
        });
        float before = at(0, 1);
        float untouched = at(-1, 1);
        robot.interact(() -> {
            canvas.setBrushRadius(0.4);
            canvas.beginStroke(0, 1, true);
            canvas.endStroke();
        });
        assertTrue(at(0, 1) < before, "one erase dab lowers the paint: " + before + " -> " + at(0, 1));
        assertEquals(untouched, at(-1, 1), "outside the eraser nothing changes");
        robot.interact(() -> {
            for (int i = 0; i < 5; i++) {
                canvas.beginStroke(0, 1, true);
                canvas.endStroke();
            }
        });
        assertEquals(0f, at(0, 1), "repeated erasing leaves no paint at all");
    }

    @Test
    void aMouseDragPaintsAndARightDragErases(FxRobot robot) {
        robot.moveTo(canvas).press(MouseButton.PRIMARY).moveBy(80, 0).moveBy(0, 40).release(MouseButton.PRIMARY);
        assertFalse(canvas.isEmpty(), "the left drag painted");
        float painted = sum(canvas.weights());
        robot.moveTo(canvas).press(MouseButton.SECONDARY).moveBy(80, 0).release(MouseButton.SECONDARY);
        assertTrue(sum(canvas.weights()) < painted, "the right drag erased some of it");
    }

    private static float sum(float[] w) {
        float s = 0;
        for (float v : w) s += v;
        return s;
    }

    @Test
    void clearEmptiesTheCanvas(FxRobot robot) {
        robot.interact(() -> canvas.setWeights(StarterShapes.ring(canvas.grid())));
        assertFalse(canvas.isEmpty());
        robot.interact(() -> robot.lookup("#paint-clear").queryButton().fire());
        assertTrue(canvas.isEmpty());
        for (float v : canvas.weights()) assertEquals(0f, v);
    }

    @Test
    void sampledPointsFallInsideThePaintedSquare(FxRobot robot) throws Exception {
        // fill [1, 3]² with horizontal strokes of a small brush
        robot.interact(() -> {
            canvas.setBrushRadius(0.3);
            for (double y = 1; y <= 3.001; y += 0.2) {
                canvas.beginStroke(1, y, false);
                canvas.strokeTo(3, y);
                canvas.endStroke();
            }
            panel.setPointCount(4000);
            robot.lookup("#paint-use").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> used.get() != null);
        DataSplits s = used.get();
        assertEquals(3200, s.train().size());
        assertEquals(400, s.validation().size());
        assertEquals(400, s.test().size());
        float[] xy = s.train().x().data;
        int n = s.train().size();
        int inside = 0;
        double r = 0.3 + canvas.grid().dx();         // the brush reaches r beyond a stroke; whole cells are sampled
        for (int i = 0; i < xy.length; i += 2) {
            assertTrue(xy[i] >= 1 - r && xy[i] <= 3 + r && xy[i + 1] >= 1 - r && xy[i + 1] <= 3 + r,
                    "no point where nothing was painted: (" + xy[i] + ", " + xy[i + 1] + ")");
            if (xy[i] >= 1 && xy[i] <= 3 && xy[i + 1] >= 1 && xy[i + 1] <= 3) inside++;
        }
        // [1, 3]² is exactly cells 40..55 of 64 in x and y: the fraction inside estimates their share of the paint
        double p = paintShare(40, 56);
        double frac = inside / (double) n;
        assertTrue(p > 0.6, "most of the paint lies in the square: " + p);
        assertEquals(p, frac, 4 * Math.sqrt(p * (1 - p) / n), "points fall in the square as often as its share of paint");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> panel.message().startsWith("Sampled 4,000 points"));
        assertEquals(2 * Math.min(4000, PaintPanel.SHOWN_POINTS), canvas.points().length, "the points are drawn over the painting");
        Shots.inEveryLook(robot, scene, "paint-panel");
    }

    private double paintShare(int from, int to) {
        float[] w = canvas.weights();
        int nx = canvas.grid().nx();
        double in = 0;
        double all = 0;
        for (int c = 0; c < w.length; c++) {
            all += w[c];
            if (c % nx >= from && c % nx < to && c / nx >= from && c / nx < to) in += w[c];
        }
        return in / all;
    }

    @Test
    void anEmptyCanvasGivesAMessageNotAnException(FxRobot robot) {
        robot.interact(() -> {
            canvas.clear();
            robot.lookup("#paint-use").queryButton().fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(panel.message().contains("empty"), panel.message());
        assertNull(used.get());
    }

    @Test
    void starterShapesPaintSomething(FxRobot robot) throws Exception {
        Grid2D g = canvas.grid();
        float[] letter = WaitForAsyncUtils.asyncFx(() -> StarterShapes.letter(g, "G")).get(5, TimeUnit.SECONDS);
        double ink = 0;
        for (float v : letter) ink += v;
        assertTrue(ink > 0.05 * g.cells() && ink < 0.6 * g.cells(), "a letter covers part of the square: " + ink);
        float[] ring = StarterShapes.ring(g);
        assertEquals(0f, ring[g.ny() / 2 * g.nx() + g.nx() / 2], "a ring is empty in the middle");
        float[] checker = StarterShapes.checkerboard(g);
        assertEquals(1f, checker[0]);
        assertEquals(0f, checker[g.nx() - 1], "bottom-right square of a 4×4 board is the other colour");
        Shots.inEveryLook(robot, scene, "paint-empty");
        robot.interact(() -> canvas.setWeights(letter));
        robot.moveTo(canvas).moveBy(60, -40);       // the brush outline follows the mouse
        Shots.inEveryLook(robot, scene, "paint-letter");
    }
}
