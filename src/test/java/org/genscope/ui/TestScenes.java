package org.genscope.ui;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.genscope.ui.theme.Theme;
import org.genscope.ui.theme.ThemeManager;

/** Puts a view under test on the shared TestFX stage in the light theme. */
public final class TestScenes {
    private TestScenes() {}

    public static Scene show(Stage stage, Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        ThemeManager.apply(scene, Theme.LIGHT, false);
        // TestFX reuses one stage across test classes: clear limits an earlier test may have set
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
        return scene;
    }
}
