package org.genscope.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.genscope.flow.FlowFile;
import org.genscope.flow.FlowSpec;
import org.genscope.io.Metadata;
import org.genscope.made.Made;
import org.genscope.made.MadeConfig;
import org.genscope.made.MadeFile;
import org.genscope.nn.Rng;
import org.genscope.vae.Vae;
import org.genscope.vae.VaeConfig;
import org.genscope.vae.VaeFile;
import org.genscope.ui.GenscopeApp;
import org.genscope.ui.export.ExportService;
import org.genscope.ui.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File ▸ Open trained model (and {@code genscope open FILE}) routes a model file to the workspace of its kind. */
@ExtendWith(ApplicationExtension.class)
class OpenModelTest {
    private MainView main;
    private Stage stage;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("genscope-open-model");
        Settings settings = Settings.load(dir.resolve("s.properties"));
        main = GenscopeApp.createMainWindow(stage, settings, new ExportService(settings));
        this.stage = stage;
        stage.show();
    }

    private static void awaitOpened(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("The model as opened") && l.isVisible()).tryQuery().isPresent());
    }

    @Test
    void eachModelOpensInItsOwnWorkspace(FxRobot robot) throws Exception {
        Path flow = dir.resolve("flow.safetensors");
        FlowFile.save(flow, FlowSpec.parse("nice:8*2").build(2), Map.of(Metadata.DATASET, "moons-train"));
        robot.interact(() -> main.openModel(flow));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> main.model().currentProperty().get().id().equals("flows"));
        awaitOpened(robot);

        Path made = dir.resolve("made.safetensors");
        MadeFile.save(made, new Made(MadeConfig.defaults(16).withHidden(20), new Rng(1)), Map.of(MadeFile.IMAGE, "4x4"));
        robot.interact(() -> main.openModel(made));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> main.model().currentProperty().get().id().equals("made"));
        awaitOpened(robot);

        Path vae = dir.resolve("vae.safetensors");
        VaeFile.save(vae, new Vae(VaeConfig.defaults(2)), Map.of(Metadata.DATASET, "moons-train"));
        robot.interact(() -> main.openModel(vae));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> main.model().currentProperty().get().id().equals("vae"));
        awaitOpened(robot);

        Path wta = dir.resolve("wta.safetensors");
        org.genscope.wta.WtaFile.save(wta, org.genscope.wta.WtaAutoencoder.create(
                org.genscope.wta.WtaConfig.fc(28, 28, 5, 1, 16)), Map.of());
        robot.interact(() -> main.openModel(wta));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> main.model().currentProperty().get().id().equals("wta"));
        awaitOpened(robot);
    }

    @Test
    void aFileThatIsNoModelIsNamed(FxRobot robot) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.safetensors"), "hello");
        WorkspaceDescriptor before = main.model().currentProperty().get();
        robot.interact(() -> main.openModel(notes));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> main.model().messageProperty().get().startsWith("Could not open notes"));
        assertEquals(before, main.model().currentProperty().get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> javafx.stage.Window.getWindows().size() > 1);   // the error dialog
        robot.interact(() -> new java.util.ArrayList<>(javafx.stage.Window.getWindows()).stream().filter(w -> w != stage)
                .forEach(javafx.stage.Window::hide));
        assertTrue(main.model().messageProperty().get().contains("notes.safetensors"));
    }
}
