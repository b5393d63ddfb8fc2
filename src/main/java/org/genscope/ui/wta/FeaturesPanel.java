package org.genscope.ui.wta;

import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.genscope.ui.common.FormLabels;

/**
 * The features measured: a button that fits and tests the linear classifier on the current model's features (off
 * the FX thread, with a progress bar), the latest confusion matrix, and the table of every result this session,
 * raw pixels first.
 */
final class FeaturesPanel extends VBox {
    private final Button run = new Button("Train the linear classifier");
    private final Button cancel = new Button("Cancel");
    private final ConfusionView confusion = new ConfusionView();

    FeaturesPanel(FeatureProbe probe) {
        getStyleClass().add("wta-features");
        setPadding(new Insets(12));
        setSpacing(10);
        run.setId("wta-probe");
        run.getStyleClass().add("accent");
        run.setMinWidth(Region.USE_PREF_SIZE);
        run.setTooltip(new Tooltip("Fit a softmax classifier on the model's features of the labelled 10k MNIST sample "
                + "and test it on MNIST t10k (the paper's measure); the first time also on raw pixels"));
        run.disableProperty().bind(probe.runningProperty());
        cancel.setTooltip(new Tooltip("Stop the classifier (nothing is added to the table)"));
        cancel.disableProperty().bind(probe.runningProperty().not());
        cancel.setOnAction(e -> probe.cancel());
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(probe.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        HBox top = new HBox(10, run, cancel, bar);
        top.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("wta-probe-status");
        status.textProperty().bind(probe.statusProperty());
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);

        TableView<FeatureProbe.Row> table = new TableView<>(probe.rows());
        table.setId("wta-probe-table");
        TableColumn<FeatureProbe.Row, String> name = column("Features", r -> r.features(), 200);
        table.getColumns().add(column("Test error", r -> String.format(Locale.ROOT, "%.2f%%", 100 * r.testError()), 160));
        table.getColumns().add(column("Dimensions", r -> String.format(Locale.ROOT, "%,d", r.dimension()), 170));
        table.getColumns().add(name);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No classifier trained yet."));
        table.setPrefHeight(150);
        table.setMinHeight(120);
        Label tableTitle = FormLabels.section("Linear classifier test error on MNIST t10k (lower is better)");
        Label matrixTitle = FormLabels.section("Confusion matrix of the latest model (rows: true digit, columns: predicted)");
        VBox.setVgrow(confusion, Priority.ALWAYS);
        confusion.setMinSize(320, 320);
        VBox body = new VBox(6, tableTitle, table, matrixTitle, confusion);
        VBox.setVgrow(body, Priority.ALWAYS);
        Label note = FormLabels.muted("The classifier is fitted on the 10,000 labelled MNIST digits (10% held out to choose "
                + "its epoch and weight decay) and tested on the 10,000 of t10k, as in the Compare view and genscope eval "
                + "wta; the paper's classifiers saw all 60,000 training labels, so "
                + "its errors (FC-WTA 1.2%, Conv-WTA 0.64%) are lower than reachable here. Probe a plain autoencoder "
                + "and a WTA one in turn to compare them in the table.");
        probe.latestProperty().addListener((o, a, r) -> confusion.show(r == null ? null : r.confusion()));
        getChildren().addAll(top, status, body, note);
    }

    Button runButton() {
        return run;
    }

    private static TableColumn<FeatureProbe.Row, String> column(String title,
            java.util.function.Function<FeatureProbe.Row, String> value, double width) {
        TableColumn<FeatureProbe.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(width);                   // headers stay whole in presenter mode
        c.setSortable(false);
        return c;
    }
}
