package org.genscope.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: builds the main window. */
public class GenscopeApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("Genscope"), 1280, 800));
        stage.show();
    }

    public static void main(String[] args) {
        launch(GenscopeApp.class, args);
    }
}
