package org.genscope.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import org.genscope.ui.export.ViewExporter;
import org.testfx.api.FxRobot;

/** With -Dgenscope.shot=DIR, UI tests write what they drove as PNGs (DIR/NAME.png) to look at; otherwise nothing. */
public final class Shots {
    private Shots() {}

    public static void save(FxRobot robot, Node node, String name) {
        String dir = System.getProperty("genscope.shot");
        if (dir == null) return;
        robot.interact(() -> {
            try {
                Files.createDirectories(Path.of(dir));
                ViewExporter.writePng(node, 1, null, Path.of(dir, name + ".png"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
