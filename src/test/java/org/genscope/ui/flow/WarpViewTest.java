package org.genscope.ui.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.genscope.flow.LayerStages;
import org.genscope.ui.theme.Theme;
import org.genscope.ui.theme.ThemeManager;
import org.junit.jupiter.api.Test;
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
        scene = new Scene(root, 520, 560);
        ThemeManager.apply(scene, Theme.LIGHT, false);
        stage.setScene(scene);
        stage.show();
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
    void screenshots(FxRobot robot) {
        if (WarpFixtures.shotDir() == null) return;
        LayerStages s = LayerStages.compute(WarpFixtures.trained("realnvp-moons", 400));
        robot.interact(() -> view.setStages(s));
        for (double t : new double[] {0, 3.5, 8}) {
            robot.interact(() -> view.setPosition(t));
            WarpFixtures.shoot(robot, scene, root, "warp-" + t, false);
        }
        WarpFixtures.shoot(robot, scene, root, "warp-8", true);
    }
}
