package org.genscope.ui.shell;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.stage.Stage;
import org.genscope.ui.GenscopeApp;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workspaces nobody opened yet are built in the idle time after the window shows, styled off-screen (their
 * controls have skins before they are first shown), and opening one then attaches that view instead of building
 * another; a workspace opened before its turn is not built twice.
 */
@ExtendWith(ApplicationExtension.class)
class WorkspacePrebuildTest {
    private MainView view;

    @Start
    void start(Stage stage) throws IOException {
        Settings settings = Settings.load(Files.createTempDirectory("genscope-ui").resolve("settings.properties"));
        view = GenscopeApp.createMainWindow(stage, settings, new ExportService(settings));
        stage.show();
    }

    @Test
    void buildsTheRestWhileIdleAndOpensThoseViews(FxRobot robot) throws TimeoutException {
        robot.interact(() -> {
            view.prebuildWorkspaces();
            view.model().select("made");                 // before the first gap is over: built at once
        });
        WorkspaceView made = view.built("made").orElseThrow();
        for (WorkspaceDescriptor w : view.model().workspaces()) {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.built(w.id()).isPresent());
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(made, view.built("made").orElseThrow(), "the workspace opened first was not built again");
        for (WorkspaceDescriptor w : view.model().workspaces()) {
            if (w.id().equals("made")) continue;
            WorkspaceView built = view.built(w.id()).orElseThrow();
            assertNull(built.root().getScene(), w.id() + " waits out of the window");
            Control control = firstControl(built.root());
            assertNotNull(control, w.id() + " has controls");
            assertNotNull(control.getSkin(), w.id() + " was styled off-screen: its controls have their skins");
            robot.interact(() -> view.model().select(w.id()));
            assertSame(built, view.visible(), "opening " + w.id() + " shows the prebuilt view");
        }
    }

    private static Control firstControl(Parent p) {
        for (Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof Control c) return c;
            if (n instanceof Parent q) {
                Control c = firstControl(q);
                if (c != null) return c;
            }
        }
        return null;
    }
}
