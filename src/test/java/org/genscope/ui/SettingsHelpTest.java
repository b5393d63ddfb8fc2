package org.genscope.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.settings.Settings;
import org.genscope.ui.shell.MainView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Every setting in a workspace's side panel says in a tooltip what it is (newcomers hover before they click). */
@ExtendWith(ApplicationExtension.class)
class SettingsHelpTest {
    private MainView main;

    @Start
    void start(Stage stage) throws Exception {
        Settings settings = Settings.load(Files.createTempDirectory("genscope-help").resolve("s.properties"));
        main = GenscopeApp.createMainWindow(stage, settings, new ExportService(settings));
        stage.show();
    }

    @Test
    void everySettingHasATooltip(FxRobot robot) {
        List<String> bare = new ArrayList<>();
        for (String id : new String[] {"made", "flows", "vae", "wta"}) {
            robot.interact(() -> main.model().select(id));
            Node side = main.currentView().lookup(".side-panel");
            assertTrue(side != null, id + " has a side panel");
            collect(side, id, bare);
        }
        assertTrue(bare.isEmpty(), "settings without a tooltip: " + bare);
    }

    private static void collect(Node n, String where, List<String> bare) {
        if (n.getStyleClass().contains("ordering-strip")) return;          // the chips are the ordering itself
        boolean setting = n instanceof ComboBox || n instanceof Spinner || n instanceof TextField && !(n.getParent() instanceof Spinner)
                || n instanceof CheckBox || n instanceof ButtonBase || n instanceof ListView || n instanceof javafx.scene.control.Slider;
        if (setting && ((Control) n).getTooltip() == null) bare.add(where + ": " + describe(n));
        if (n instanceof Parent p && !(n instanceof Spinner) && !(n instanceof ComboBox)) {
            for (Node c : p.getChildrenUnmodifiable()) collect(c, where, bare);
        }
    }

    private static String describe(Node n) {
        String text = n instanceof javafx.scene.control.Labeled l ? " '" + l.getText() + "'" : "";
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : " #" + n.getId()) + text;
    }
}
