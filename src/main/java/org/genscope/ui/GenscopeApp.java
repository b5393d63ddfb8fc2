package org.genscope.ui;

import java.util.List;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.genscope.Genscope;
import org.genscope.nn.GemmBackends;
import org.genscope.train.TaskExecutor;
import org.genscope.ui.common.UiExecutor;
import org.genscope.ui.compare.CompareView;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.flow.FlowView;
import org.genscope.ui.home.HomeView;
import org.genscope.ui.made.MadeView;
import org.genscope.ui.settings.Settings;
import org.genscope.ui.shell.MainView;
import org.genscope.ui.shell.MainViewModel;
import org.genscope.ui.shell.WorkspaceDescriptor;
import org.genscope.ui.vae.VaeView;
import org.genscope.ui.wta.WtaView;

/** The JavaFX application: registers the workspaces and builds the main window from the shell view and its view-model. */
public class GenscopeApp extends Application {
    /** Daemon threads for slow work off the FX thread (reading files, training jobs). */
    private static final UiExecutor UI = UiExecutor.javafx(TaskExecutor.daemonThreads("genscope-work"));

    /** The workspaces in sidebar order. Adding one is its package plus one line here. */
    static final List<WorkspaceDescriptor> WORKSPACES = List.of(
            MadeView.DESCRIPTOR,
            FlowView.DESCRIPTOR,
            VaeView.DESCRIPTOR,
            WtaView.DESCRIPTOR,
            CompareView.DESCRIPTOR);

    /** Started with a file argument ({@code genscope open FILE}), the window opens that trained model. */
    @Override
    public void start(Stage stage) {
        Settings settings = Settings.load();
        MainView view = createMainWindow(stage, settings, new ExportService(settings));
        stage.show();
        view.prebuildWorkspaces();
        getParameters().getRaw().stream().findFirst().map(java.nio.file.Path::of).ifPresent(view::openModel);
    }

    /** Builds the main window into {@code stage} (shared by the app and the UI tests). */
    public static MainView createMainWindow(Stage stage, Settings settings, ExportService exporter) {
        MainViewModel model = new MainViewModel(settings, GemmBackends.describe(), HomeView.DESCRIPTOR, WORKSPACES);
        MainView view = new MainView(model, exporter, UI);
        Parent root = view.load();
        Scene scene = new Scene(root, 1280, 800);
        view.attach(scene);
        stage.setTitle(Genscope.NAME + " " + Genscope.version());
        var icon = GenscopeApp.class.getResource("/org/genscope/icon.png");
        if (icon != null) stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (!view.confirmQuit()) e.consume();
        });
        return view;
    }

    public static void main(String[] args) {
        launch(GenscopeApp.class, args);
    }
}
