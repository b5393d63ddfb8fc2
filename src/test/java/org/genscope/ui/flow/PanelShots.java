package org.genscope.ui.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import org.genscope.ui.export.ViewExporter;
import org.genscope.ui.theme.Theme;
import org.genscope.ui.theme.ThemeManager;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** With -Dgenscope.shot=DIR, writes a scene's root as PNG in light, dark and dark presenter mode, to look at. */
final class PanelShots {
    private PanelShots() {}

    static void write(FxRobot robot, Scene scene, String name) {
        String dir = System.getProperty("genscope.shot");
        if (dir == null) return;
        Object[][] looks = {{Theme.LIGHT, false, "light"}, {Theme.DARK, false, "dark"}, {Theme.DARK, true, "dark-presenter"}};
        for (Object[] look : looks) {
            robot.interact(() -> ThemeManager.apply(scene, (Theme) look[0], (Boolean) look[1]));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                try {
                    Files.createDirectories(Path.of(dir));
                    ViewExporter.writePng(scene.getRoot(), 1, null, Path.of(dir, name + "-" + look[2] + ".png"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        robot.interact(() -> ThemeManager.apply(scene, Theme.LIGHT, false));
    }
}
