package org.genscope.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.genscope.ui.GenscopeApp;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.settings.Settings;
import org.genscope.ui.theme.Theme;
import org.genscope.ui.theme.ThemeColors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real main window headless (Monocle), navigates, switches theme and presenter mode, exports a view. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private MainView view;
    private Settings settings;
    private Path exportTarget;

    @Start
    void start(Stage stage) throws IOException {
        Path dir = Files.createTempDirectory("genscope-ui");
        settings = Settings.load(dir.resolve("settings.properties"));
        ExportService exporter = new ExportService(settings);
        exportTarget = dir.resolve("home.png");
        exporter.setFileAsker((owner, title, initial, suggested, filters) -> {
            assertTrue(suggested.matches("genscope-home-\\d{8}-\\d{4}\\.png"), suggested);
            return Optional.of(exportTarget);
        });
        view = GenscopeApp.createMainWindow(stage, settings, exporter);
        stage.show();
    }

    private java.util.List<WorkspaceDescriptor> allWorkspaces() {
        java.util.List<WorkspaceDescriptor> all = new java.util.ArrayList<>(java.util.List.of(view.model().home()));
        all.addAll(view.model().workspaces());
        return all;
    }

    @Test
    void showsHomeWithOneEntryPerWorkspace(FxRobot robot) {
        for (WorkspaceDescriptor w : allWorkspaces()) {
            ToggleButton b = robot.lookup("#nav-" + w.id()).queryAs(ToggleButton.class);
            assertEquals(!w.available(), b.isDisabled(), w + " disabled iff not built");
        }
        assertTrue(robot.lookup("#nav-home").queryAs(ToggleButton.class).isSelected());
        assertTrue(robot.lookup(".title").queryAs(Label.class).getText().contains("Genscope"));
        assertTrue(robot.lookup(".status-bar .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("Compute: ")), "status bar names the compute backend");
    }

    @Test
    void navigationOpensOnlyBuiltWorkspaces(FxRobot robot) {
        for (WorkspaceDescriptor w : allWorkspaces()) {
            robot.interact(() -> view.model().select(w));
            WorkspaceDescriptor expected = w.available() ? w : view.model().currentProperty().get();
            assertEquals(expected, view.model().currentProperty().get());
            assertTrue(view.model().currentProperty().get().available());
        }
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("home", view.model().currentProperty().get().id());
        assertTrue(robot.lookup("#nav-home").queryAs(ToggleButton.class).isSelected());
    }

    @Test
    void themeToggleRecolorsAndIsRemembered(FxRobot robot) {
        Node content = robot.lookup(".content").query();
        Theme before = view.model().themeProperty().get();
        Color bgBefore = colorOf(content);
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Theme after = view.model().themeProperty().get();
        assertEquals(before.other(), after);
        assertTrue(content.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith(after.stylesheet())));
        assertNotEquals(bgBefore, colorOf(content), "background colour follows the theme");
        assertEquals(after, Settings.load(settings.file()).getEnum(MainViewModel.THEME_KEY, Theme.class, null));
    }

    @Test
    void presenterModeEnlargesTypeAndIsRemembered(FxRobot robot) {
        Label title = robot.lookup(".title").queryAs(Label.class);
        double before = title.getFont().getSize();
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.model().presenterProperty().get());
        assertTrue(title.getScene().getRoot().getStyleClass().contains("presenter"));
        assertTrue(title.getFont().getSize() > before * 1.3, "title grows: " + before + " -> " + title.getFont().getSize());
        assertTrue(Settings.load(settings.file()).getBoolean(MainViewModel.PRESENTER_KEY, false));
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(title.getScene().getRoot().getStyleClass().contains("presenter"));
    }

    @Test
    void exportViewWritesATwiceScaledPng(FxRobot robot) throws IOException {
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.exists(exportTarget), "export written");
        BufferedImage img = ImageIO.read(exportTarget.toFile());
        Node shown = view.currentView();
        assertEquals(Math.round(shown.getLayoutBounds().getWidth() * 2), img.getWidth(), 2);
        assertEquals(Math.round(shown.getLayoutBounds().getHeight() * 2), img.getHeight(), 2);
        assertTrue(distinctColours(img) > 20, "not blank");
        assertTrue(view.model().messageProperty().get().contains("home.png"));
    }

    private static Color colorOf(Node content) {
        try {
            return WaitForAsyncUtils.asyncFx(
                    () -> ThemeColors.resolve((javafx.scene.Parent) content, "-app-bg", Color.MAGENTA)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y));
                if (seen.size() > 1000) return seen.size();
            }
        }
        return seen.size();
    }
}
