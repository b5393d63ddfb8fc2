package org.genscope.ui.wta;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.genscope.train.Snapshot;
import org.genscope.ui.common.FormLabels;
import org.genscope.ui.train.LossChart;
import org.genscope.ui.train.RunNote;
import org.genscope.wta.WtaPayload;

/**
 * The training view: the live reconstruction-error curves (training batches and held-out images, mean squared error
 * per pixel with the rules on, as the model minimises it), the job's speed and time left, and what is trained on.
 */
final class TrainPanel extends VBox {
    private final LossChart chart = new LossChart("Reconstruction error", "MSE per pixel");
    private final Label speed = FormLabels.section("");
    private final Label note = FormLabels.muted("Pick a preset and press Train (Ctrl+Enter).");
    private String runText = "";

    TrainPanel(ObservableValue<String> status) {
        setPadding(new Insets(12));
        setSpacing(8);
        speed.setId("wta-speed");
        speed.textProperty().bind(status);
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(speed, chart, note);
    }

    LossChart chart() {
        return chart;
    }

    void reset(WtaViewModel.RunData r) {
        chart.clear();
        note.getStyleClass().remove("error-text");
        runText = "Training " + WtaLabels.model(r.config()) + " on " + r.dataName() + "; " + r.heldOut().size()
                + " held-out images give the validation curve. The error is the mean squared difference per pixel "
                + "between an image and its reconstruction; the sparsity rules make it harder to lower, on purpose.";
        note.setText(runText);
    }

    void show(Snapshot<WtaPayload> s) {
        chart.show(s);
        note.setText(runText);
        RunNote.update(note, s, "MSE", "%.5f per pixel");
    }
}
