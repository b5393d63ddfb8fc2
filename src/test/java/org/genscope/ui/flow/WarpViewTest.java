package org.genscope.ui.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.genscope.flow.LayerStages;
import org.genscope.ui.common.Colormap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The warp view shows the stages exactly at integers, midpoints half way, and names the nearest stage. */
@ExtendWith(ApplicationExtension.class)
class WarpViewTest {
    private WarpView view;
    private Scene scene;
    private StackPane root;

    @Start
    void start(Stage stage) {
        view = new WarpView();
        root = new StackPane(view);
        scene = WarpFixtures.show(stage, root, 520, 560);
    }

    @Test
    void integerPositionsShowTheStagesAndHalfWayTheMidpoint(FxRobot robot) {
        LayerStages s = WarpFixtures.small();
        robot.interact(() -> view.setStages(s));
        for (int k = 0; k <= s.count(); k++) {
            int stage = k;
            robot.interact(() -> view.setPosition(stage));
            assertArrayEquals(s.lines(k), view.frame().lines(), "grid at stage " + k);
            assertArrayEquals(s.points(k), view.frame().points(), "cloud at stage " + k);
            assertArrayEquals(s.view(k), view.frame().view(), "camera at stage " + k);
        }
        robot.interact(() -> view.setPosition(1.5));
        float[] a = s.lines(1);
        float[] b = s.lines(2);
        for (int i = 0; i < a.length; i++) assertEquals((a[i] + b[i]) / 2, view.frame().lines()[i], 1e-5);
        float[] p = s.points(1);
        float[] q = s.points(2);
        for (int i = 0; i < p.length; i++) assertEquals((p[i] + q[i]) / 2, view.frame().points()[i], 1e-5);
        for (int i = 0; i < 4; i++) assertEquals((s.view(1)[i] + s.view(2)[i]) / 2, view.frame().view()[i], 1e-9);
        assertEquals("stage 2 of 3: " + s.label(2), view.caption());
        robot.interact(() -> view.setPosition(99));
        assertArrayEquals(s.points(3), view.frame().points(), "clamped to K");
        robot.interact(() -> view.setStages(null));
        assertNull(view.frame());
    }

    @Test
    void thumbnailsCaptionBaseNumberAndData(FxRobot robot) {
        LayerStages s = WarpFixtures.small();
        robot.interact(() -> {
            view.setCompact(true);
            view.setStages(s);
        });
        assertEquals("base", view.caption());
        robot.interact(() -> view.setPosition(1.2));
        assertEquals("1", view.caption());
        robot.interact(() -> view.setPosition(3));
        assertEquals("data", view.caption());
    }

    @Test
    void theBaseDensityPeaksInTheMiddleAndCanBeHidden(FxRobot robot) {
        LayerStages s = WarpFixtures.small();
        robot.interact(() -> {
            view.setStages(s);
            view.setPosition(0);
            view.setShowGrid(false);
            view.setShowPoints(false);
        });
        // the plot is centred horizontally and square; its centre is the base mean (0, 0) up to the sample's spread
        double cx = view.getWidth() / 2;
        Color peak = pixel(robot, cx, view.getHeight() / 2 + 20);
        Color corner = pixel(robot, cx - 200, view.getHeight() / 2 + 20 - 200);
        assertTrue(peak.getBrightness() > 0.8, "N(0, I) is brightest near the origin: " + peak);
        assertTrue(corner.getBrightness() < 0.25, "and dark three σ out: " + corner);
        robot.interact(() -> view.setShowDensity(false));
        int low = Colormap.MAGMA.argb(0);
        assertEquals(Color.rgb((low >> 16) & 255, (low >> 8) & 255, low & 255), pixel(robot, cx, view.getHeight() / 2 + 20));
    }

    private Color pixel(FxRobot robot, double x, double y) {
        Color[] c = new Color[1];
        robot.interact(() -> c[0] = view.snapshot(null, null).getPixelReader().getColor((int) x, (int) y));
        return c[0];
    }

    /** With -Dgenscope.shot=DIR only (skipped otherwise): PNGs of the warp at three positions, and the time per position. */
    @Test
    @EnabledIfSystemProperty(named = "genscope.shot", matches = ".+")
    void screenshots(FxRobot robot) {
        LayerStages s = LayerStages.compute(WarpFixtures.trained("realnvp-moons", 400));
        robot.interact(() -> view.setStages(s));
        for (double t : new double[] {0, 3.5, 8}) {
            robot.interact(() -> view.setPosition(t));
            WarpFixtures.shoot(robot, scene, root, "warp-" + t, false);
        }
        WarpFixtures.shoot(robot, scene, root, "warp-8", true);
        long[] nanos = new long[1];
        robot.interact(() -> {
            long t0 = System.nanoTime();
            for (int i = 0; i <= 200; i++) view.setPosition(8.0 * i / 200);
            nanos[0] = System.nanoTime() - t0;
        });
        System.out.printf("WarpView %.0f×%.0f: %.2f ms per position on the FX thread%n", view.getWidth(), view.getHeight(), nanos[0] / 201e6);
    }
}
