package org.genscope.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.genscope.ui.export.ViewExporter;
import org.genscope.ui.theme.Theme;
import org.genscope.ui.theme.ThemeManager;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** With -Dgenscope.shot=DIR, UI tests write what they drove as PNGs (DIR/NAME.png) to look at; otherwise nothing. */
public final class Shots {
    private Shots() {}

    public static void save(FxRobot robot, Node node, String name) {
        String dir = System.getProperty("genscope.shot");
        if (dir == null) return;
        robot.interact(() -> write(node, dir, name));
    }

    /** A scene's root in light, dark and dark presenter mode (DIR/NAME-light.png, …); leaves the scene light. */
    public static void inEveryLook(FxRobot robot, Scene scene, String name) {
        String dir = System.getProperty("genscope.shot");
        if (dir == null) return;
        Object[][] looks = {{Theme.LIGHT, false, "light"}, {Theme.DARK, false, "dark"}, {Theme.DARK, true, "dark-presenter"}};
        for (Object[] look : looks) {
            robot.interact(() -> ThemeManager.apply(scene, (Theme) look[0], (Boolean) look[1]));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                write(scene.getRoot(), dir, name + "-" + look[2]);
            });
        }
        robot.interact(() -> ThemeManager.apply(scene, Theme.LIGHT, false));
    }

    private static void write(Node node, String dir, String name) {
        try {
            Files.createDirectories(Path.of(dir));
            ViewExporter.writePng(node, 1, null, Path.of(dir, name + ".png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
