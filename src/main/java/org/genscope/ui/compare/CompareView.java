package org.genscope.ui.compare;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.StringConverter;
import org.genscope.compare.Evaluator;
import org.genscope.compare.Figure;
import org.genscope.compare.TestSet;
import org.genscope.ui.common.FormLabels;
import org.genscope.ui.shell.WorkspaceContext;
import org.genscope.ui.shell.WorkspaceDescriptor;
import org.genscope.ui.shell.WorkspaceView;
import org.genscope.ui.theme.Palette;

/**
 * The Compare view: every model trained or opened in this session, grouped by the data it is measured on, with its
 * figures as {@code genscope eval} prints them, the reference rows, a bar chart of the table and, for 2-D data, the
 * models' densities side by side. File ▸ Export view writes it as PNG, its chart as SVG or CSV.
 */
public final class CompareView implements WorkspaceView {
    /** The Compare view's registration (no model kind: model files open in their workspaces and show up here). */
    public static final WorkspaceDescriptor DESCRIPTOR = new WorkspaceDescriptor("compare", "Compare", "One leaderboard",
            "Every model you trained or opened in this session, measured the same way on the same test data: MADE and "
                    + "flows exactly, a VAE by importance sampling, winner-take-all features by a linear classifier — "
                    + "beside the papers' figures and, for toy densities, the true entropy.",
            null, CompareView::new);

    /** Height of the table's header and of a row of two lines, in em. */
    private static final double HEADER_EM = 2.2;
    private static final double ROW_EM = 3.0;
    /** The share of the visible height the table may take before it scrolls. */
    static final double TABLE_SHARE = 0.5;

    private final CompareViewModel vm;
    private final TableView<CompareRow> table = new TableView<>();
    private final DensityTiles tiles = new DensityTiles();
    private final CompareChart chart;
    private final Label tilesTitle = FormLabels.section("Densities on this data");
    private final Button probe = new Button("Fit the linear classifiers");
    private final ScrollPane root;

    private CompareView(WorkspaceContext context) {
        vm = new CompareViewModel(context.ui(), context.models().entries(), context.message());
        Label title = FormLabels.section("Compare: one leaderboard");
        Label intro = FormLabels.muted("Models appear here when a run pauses or finishes, or when you open a model file. "
                + "Each group is one test set; only models of one group are comparable. Lower is better everywhere.");
        Label empty = FormLabels.muted("No models yet: train one (and pause it) or open a model file in any workspace.");
        empty.visibleProperty().bind(Bindings.isEmpty(vm.groups()));
        empty.managedProperty().bind(empty.visibleProperty());

        VBox page = new VBox(8);
        page.setPadding(new Insets(12, 16, 12, 16));
        page.getStyleClass().add("compare-view");
        root = new ScrollPane(page);
        root.setFitToWidth(true);
        root.getStyleClass().add("compare-scroll");
        chart = new CompareChart(root.viewportBoundsProperty());
        page.getChildren().addAll(title, intro, empty, controls(), table(intro), chart.node(), tilesTitle, tiles);
        vm.rows().addListener((ListChangeListener<CompareRow>) c -> showRows());
        vm.tiles().addListener((ListChangeListener<DensityTile>) c -> showTiles());
        showRows();
        showTiles();
    }

    /** The view-model (tests drive it). */
    CompareViewModel viewModel() {
        return vm;
    }

    private Node controls() {
        ComboBox<TestSet> group = new ComboBox<>(vm.groups());
        group.valueProperty().bindBidirectional(vm.groupProperty());
        group.setConverter(new StringConverter<>() {
            @Override
            public String toString(TestSet t) {
                return t == null ? "" : t.title();
            }

            @Override
            public TestSet fromString(String s) {
                return null;
            }
        });
        group.setId("compare-group");
        group.setTooltip(new Tooltip("The test set of the models shown: models are only comparable on the same data"));
        Spinner<Integer> k = new Spinner<>();
        k.setEditable(true);
        k.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100_000, Evaluator.QUICK_K, 100));
        k.getValueFactory().valueProperty().bindBidirectional(vm.kProperty().asObject());
        k.setPrefWidth(100);
        k.setTooltip(new Tooltip("k, importance samples per test example for a VAE's L_k = log (1/k) Σ p(x, z_i)/q(z_i|x)"));
        Label kLabel = new Label("VAE samples k");
        kLabel.setTooltip(k.getTooltip());
        Button evaluate = new Button("Evaluate");
        evaluate.setId("compare-evaluate");
        evaluate.getStyleClass().add("accent");
        evaluate.setTooltip(new Tooltip("Measure every model of this group that has no figure yet (off the UI thread)"));
        evaluate.setOnAction(e -> vm.evaluate());
        Button paper = new Button("k = " + Evaluator.PAPER_K);
        paper.setTooltip(new Tooltip("Measure the VAEs with the papers' k = 5000 (minutes on the 10k MNIST test set)"));
        paper.setOnAction(e -> {
            vm.kProperty().set(Evaluator.PAPER_K);
            vm.evaluate();
        });
        probe.setTooltip(new Tooltip("Fit a softmax classifier on each WTA model's features of the labelled 10k sample, "
                + "tested on t10k, as genscope eval wta does"));
        probe.setOnAction(e -> vm.probe());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> vm.cancel());
        for (Button b : List.of(evaluate, paper, probe, cancel)) b.setMinWidth(Region.USE_PREF_SIZE);
        for (Button b : List.of(evaluate, paper, probe)) b.disableProperty().bind(vm.runningProperty().or(group.valueProperty().isNull()));
        cancel.disableProperty().bind(vm.runningProperty().not());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        bar.setPrefWidth(140);
        Label status = FormLabels.muted("");
        status.textProperty().bind(vm.statusProperty());
        status.setId("compare-status");
        Label measuredOn = FormLabels.muted("");          // which data, beside the workspaces' validation figures
        measuredOn.setId("compare-measured-on");
        measuredOn.textProperty().bind(Bindings.createStringBinding(() -> measuredOn(vm.groupProperty().get()), vm.groupProperty()));
        kLabel.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane row = new FlowPane(8, 6, group, kLabel, k, evaluate, paper, probe, cancel, bar);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, row, measuredOn, status);
    }

    /** What the figures shown are measured on, and how they differ from the workspaces' own curves. */
    static String measuredOn(TestSet g) {
        if (g == null) return "";
        boolean density = !g.id().equals("mnist-t10k");
        return "Measured on " + g.measuredOn() + (density ? ". A workspace's curves and notes show validation NLL on its "
                + "own run's held-out points instead, so their last value differs a little from the test NLL here." : ".");
    }

    /**
     * The table, as tall as its rows (two lines each, in the type of {@code text}) up to {@link #TABLE_SHARE} of the
     * visible height: no empty lines push the chart down; more rows scroll inside it.
     */
    private Node table(Label text) {
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> {
            double em = text.getFont().getSize();
            double rows = em * (HEADER_EM + ROW_EM * Math.max(2, vm.rows().size())) + 4;
            return Math.max(table.getMinHeight(), Math.min(rows, TABLE_SHARE * root.getViewportBounds().getHeight()));
        }, vm.rows(), text.fontProperty(), root.viewportBoundsProperty(), table.minHeightProperty()));
        table.setId("compare-table");
        table.getStyleClass().add("compare-table");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("No models in this group yet"));
        table.getColumns().setAll(List.of(
                column("#", r -> Integer.toString(r.number()), 0.05, table),
                column("model", CompareRow::model, 0.21, table),
                column("run / source", CompareRow::run, 0.27, table),
                column("figure", r -> r.measure() == null ? "" : r.measure().label, 0.12, table),
                column("value", r -> r.value() + (r.unit().isEmpty() ? "" : " " + r.unit()), 0.13, table),
                column("how", CompareRow::method, 0.22, table)));
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(CompareRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("reference-row");
                if (!empty && r != null && r.reference()) getStyleClass().add("reference-row");
            }
        });
        return table;
    }

    /** A column of text that wraps at the column's width (long names and sources stay whole, also in presenter mode). */
    private static TableColumn<CompareRow, String> column(String name, java.util.function.Function<CompareRow, String> text,
                                                          double share, TableView<CompareRow> table) {
        TableColumn<CompareRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(text.apply(d.getValue())));
        c.prefWidthProperty().bind(table.widthProperty().subtract(40).multiply(share));   // room for the scroll bar
        c.setSortable(false);
        c.setCellFactory(col -> new TableCell<>() {
            private final Text shown = new Text();

            {
                shown.getStyleClass().add("compare-cell-text");
                shown.wrappingWidthProperty().bind(col.widthProperty().subtract(12));
                setGraphic(shown);
                setPrefHeight(Region.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                shown.setText(empty || s == null ? "" : s);
            }
        });
        return c;
    }

    /** The chart from the table: one bar per row of the charted measure, this session's and the references'. */
    private void showRows() {
        Figure.Measure m = vm.chartMeasure();
        TestSet g = vm.groupProperty().get();
        chart.show(vm.rows(), m, vm.rows().size(), g == null ? "" : m.label + " on " + g.title());
        probe.setVisible(vm.wtaGroup());
        probe.setManaged(vm.wtaGroup());
    }

    /** Small multiples: the test points, then each model's density on the same grid. */
    private void showTiles() {
        tiles.show(vm.tiles(), Palette.of(root).accent());
        tilesTitle.setVisible(!vm.tiles().isEmpty());
        tilesTitle.setManaged(!vm.tiles().isEmpty());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public String exportSlug() {
        return "compare";
    }
}
