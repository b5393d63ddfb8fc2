package org.genscope.ui.flow;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.genscope.data.Dataset;
import org.genscope.data.Grid2D;
import org.genscope.flow.FlowTrainable;
import org.genscope.flow.FlowPayload;
import org.genscope.train.Snapshot;
import org.genscope.ui.common.DensityPair;
import org.genscope.ui.train.LossChart;
import org.genscope.ui.train.RunNote;

/** The flow's learned density beside the data, with model samples, and the NLL curves — updating live. */
final class FlowDensityPanel extends VBox {
    private final LossChart chart = new LossChart("Negative log-likelihood", "NLL (nats per point)");
    private final DensityPair pair = new DensityPair("Data", "Model p(x) + samples");
    private final Label note = new Label("Pick a preset or a density and press Train.");

    FlowDensityPanel() {
        setPadding(new Insets(12));
        setSpacing(10);
        chart.setMinWidth(340);
        HBox.setHgrow(chart, Priority.ALWAYS);
        pair.setPrefWidth(420);
        pair.setMinWidth(260);
        HBox row = new HBox(12, chart, pair);
        VBox.setVgrow(row, Priority.ALWAYS);
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        getChildren().addAll(row, note);
    }

    void reset(Dataset train, String entropyNote) {
        chart.clear();
        note.getStyleClass().remove("error-text");
        pair.setData(train.x().data);
        note.setText("Training on " + train.name() + ": " + train.size() + " points. NLL is −log p(x) in nats; "
                + "lower is better." + entropyNote);
    }

    /** The data about to be trained on, before a run: the points (bounds as the model's grid will have them). */
    void preview(Dataset d, String what) {
        chart.clear();
        double[] b = Grid2D.around(d.x(), FlowTrainable.GRID_MARGIN, 2).bounds();
        pair.previewData(d.x().data, b);
        note.setText(what + ". Press Train (Ctrl+Enter) to fit a flow to it.");
    }

    /** The data's true entropy as a horizontal reference line, if known. */
    void setReference(java.util.OptionalDouble entropy) {
        chart.setReference(entropy.isPresent() ? "true entropy H" : null, entropy.orElse(Double.NaN));
    }

    void show(Snapshot<FlowPayload> s) {
        chart.show(s);
        RunNote.update(note, s);
        FlowPayload p = s.payload();
        if (p == null || p.density() == null) return;
        double[] b = p.grid().bounds();
        pair.setModel(p.density(), p.grid().nx(), p.grid().ny(), b, p.samples());
    }
}
