package org.genscope.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.genscope.ui.common.UiExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The training buttons never clip, keep their size when their text changes, and a long status never widens them. */
@ExtendWith(ApplicationExtension.class)
class TrainingControlsTest {
    private final JobViewModel<Void> vm = new JobViewModel<>("MADE", UiExecutor.currentThread());
    private TrainingControls controls;
    private StackPane root;

    @Start
    void start(Stage stage) {
        controls = new TrainingControls(vm);
        ScrollPane side = new ScrollPane(new VBox(8, new Label("Training"), controls));   // as in a workspace's side panel
        side.setFitToWidth(true);
        side.setMinWidth(300);
        side.setPrefWidth(300);
        side.setMaxWidth(300);                               // a side panel's width, whatever the shared stage's size
        root = new StackPane(side);
        StackPane.setAlignment(side, javafx.geometry.Pos.TOP_LEFT);
        root.setStyle("-fx-font-size: 19px;");               // presenter mode's type size
        stage.setScene(new Scene(root, 300, 400));
        stage.show();
    }

    private Button button(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryButton();
    }

    @Test
    void everyButtonShowsItsWholeTextAndTheStartButtonKeepsItsWidth(FxRobot robot) {
        Button start = button(robot, "train-start");
        double idle = start.getWidth();
        robot.interact(() -> vm.preparingProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Preparing…", start.getText());
        assertEquals(idle, start.getWidth(), 0.5, "the same width whatever it says");
        for (String id : new String[] {"train-start", "train-pause", "train-step", "train-stop"}) {
            Button b = button(robot, id);
            double text = TrainingControls.textWidth(b.getText(), b.getFont());
            assertTrue(b.getWidth() - b.snappedLeftInset() - b.snappedRightInset() >= text, id + " is not clipped");
            double right = b.localToScene(b.getLayoutBounds()).getMaxX() - controls.localToScene(controls.getLayoutBounds()).getMinX();
            assertTrue(right <= 300 + 0.5, id + " stays inside the panel: " + right);
        }
        for (String t : TrainingControls.START_TEXTS) {
            assertTrue(TrainingControls.textWidth(t, start.getFont()) <= start.getWidth(), t + " fits");
        }
    }

    @Test
    void aLongStatusWrapsInsideThePanel(FxRobot robot) {
        robot.interact(() -> vm.statusProperty().set("MADE: running · epoch 12 · step 123,456/1,000,000 · 85 steps/s · "
                + "1 h 02 min left, and a long explanation that must wrap instead of pushing the buttons out"));
        WaitForAsyncUtils.waitForFxEvents();
        Label status = robot.lookup("#train-status").queryAs(Label.class);
        assertTrue(controls.getWidth() <= 300 + 0.5, "controls keep the panel's width: " + controls.getWidth());
        assertTrue(status.getHeight() > status.getFont().getSize() * 2, "wrapped onto several lines");
    }
}
