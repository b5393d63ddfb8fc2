package org.genscope.ui.wta;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.genscope.ui.common.FormLabels;
import org.genscope.ui.common.Colormap;
import org.genscope.ui.common.ImageGrid;
import org.genscope.wta.Filters;
import org.genscope.wta.WtaConfig;

/**
 * The decoder's filters as a grid of tiles (28×28 for FC, 11×11 for conv), each contrast-normalised on its own
 * (its minimum black, its maximum white), in unit order or most used first; hovering a tile names its unit and
 * its win rate. Redrawn from snapshots at most {@value #MAX_PER_SECOND} times a second (a redraw of 400 FC tiles
 * takes a few ms); the grid as drawn also feeds the GIF of the filters forming.
 */
final class FiltersPanel extends VBox {
    static final int MAX_PER_SECOND = 4;
    /** Tile counts offered (0 = all). */
    static final List<Integer> COUNTS = List.of(64, 144, 400, 0);
    /**
     * Dark grey gutters: visible between black and white tiles in both themes, and around a flat mid-grey tile (a
     * filter shrunk to nothing), which would vanish into mid-grey ones.
     */
    static final int GAP = 0xff404040;               // the grey of genscope filters wta's gaps (PngGrid)

    private final ComboBox<FilterOrder> order = new ComboBox<>();
    private final ComboBox<Integer> count = new ComboBox<>();
    private final Label hover = new Label(" ");
    private final Label caption = FormLabels.muted("Train (Ctrl+Enter) to see the decoder's filters form.");
    private final Label spread = new Label(" ");
    private final ImageGrid grid = new ImageGrid();
    private final FilterFrames frames = new FilterFrames();
    private CompareModel.FilterSet shown;
    private int[] units = new int[0];
    private ImageGrid.Tiles lastTiles;
    private long drawnAt;
    private long lastDrawNanos;

    FiltersPanel() {
        getStyleClass().add("wta-filters");
        setPadding(new Insets(12));
        setSpacing(8);
        order.getItems().setAll(FilterOrder.values());
        order.setValue(FilterOrder.USAGE);
        order.setTooltip(new Tooltip("Unit order, or the units that win most often on the probe batch first (dead units last)"));
        count.getItems().setAll(COUNTS);
        count.setValue(144);
        count.setConverter(org.genscope.ui.common.Labels.converter(n -> n == 0 ? "all" : Integer.toString(n)));
        count.setTooltip(new Tooltip("How many tiles to show (the first ones in the chosen order)"));
        order.valueProperty().addListener((o, a, b) -> redraw());
        count.valueProperty().addListener((o, a, b) -> redraw());
        Label orderLabel = new Label("Order");
        Label countLabel = new Label("Tiles");
        orderLabel.setMinWidth(Region.USE_PREF_SIZE);
        countLabel.setMinWidth(Region.USE_PREF_SIZE);
        hover.getStyleClass().add("wta-hover");
        hover.setMinWidth(0);
        HBox bar = new HBox(8, orderLabel, order, countLabel, count, hover);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(hover, Priority.ALWAYS);
        grid.getStyleClass().add("filter-grid");
        grid.setOnMouseMoved(e -> hover(grid.imageAt(e.getX(), e.getY())));
        grid.setOnMouseExited(e -> hover(-1));
        VBox.setVgrow(grid, Priority.ALWAYS);
        spread.getStyleClass().add("wta-spread");
        spread.setTooltip(new Tooltip("How many pixels a filter effectively covers, the participation ratio (Σw²)²/Σw⁴: "
                + "1 for a single pixel (a delta function), all of them for a flat filter, about a third for noise."));
        getChildren().addAll(bar, grid, spread, caption);
    }

    ImageGrid grid() {
        return grid;
    }

    FilterFrames frames() {
        return frames;
    }

    /** Nanoseconds the last redraw of the grid took (arranging, rendering, drawing). */
    long lastDrawNanos() {
        return lastDrawNanos;
    }

    /** A new run: no tiles, no frames yet; conv models show all their maps, FC ones 144 units. */
    void reset(WtaConfig c) {
        shown = null;
        frames.clear();
        lastTiles = null;
        count.setValue(c.codeUnits() <= 144 ? 0 : 144);
        grid.setImages(new float[0], 0, 1, 1, 1, Colormap.GRAY, true, 0, 1);
        spread.setText(" ");
        caption.setText("Each tile is " + WtaLabels.tile(c) + ", contrast-normalised per tile. " + (c.sparse()
                ? "With sparsity, a few winners must rebuild each image on their own, so each filter becomes a part of digits: strokes."
                : "Without sparsity the network copies the image: with weight decay each filter shrinks to a dot (a delta "
                + "function); without it they keep their random start."));
    }

    /** Shows these filters (throttled unless {@code now}: at most {@value #MAX_PER_SECOND} redraws a second). */
    void show(CompareModel.FilterSet set, boolean now) {
        shown = set;
        long t = System.nanoTime();
        if (!now && t - drawnAt < 1_000_000_000L / MAX_PER_SECOND) return;
        drawnAt = t;
        redraw();
        if (now) frames.finish(this::unitOrderFrame);
        else frames.offer(this::unitOrderFrame, t);
    }

    /** The shown tiles in unit order (GIF frames keep every unit in its place, so one sees each filter form). */
    private ImageGrid.Tiles unitOrderFrame() {
        if (order.getValue() == FilterOrder.UNIT) return lastTiles;
        Filters f = shown.filters();
        int n = shownCount(f);
        return ImageGrid.render(f.contrastNormalised(), n, f.rows(), f.cols(), columns(n), Colormap.GRAY, false, 0, 1, GAP);
    }

    private int shownCount(Filters f) {
        return count.getValue() == 0 ? f.count() : Math.min(count.getValue(), f.count());
    }

    /** Columns of a grid of n tiles, a little wider than tall (tab areas are landscape). */
    private static int columns(int n) {
        return Math.max(1, (int) Math.ceil(Math.sqrt(n * 1.5)));
    }

    private void redraw() {
        if (shown == null) return;
        long t0 = System.nanoTime();
        Filters f = shown.filters();
        units = order.getValue().order(shown.winRate(), shown.usage());
        int n = shownCount(f);
        float[] tiles = FilterOrder.arrange(f.contrastNormalised(), f.rows(), f.cols(), units, n);
        lastTiles = ImageGrid.render(tiles, n, f.rows(), f.cols(), columns(n), Colormap.GRAY, false, 0, 1, GAP);
        grid.setTiles(lastTiles, n, f.rows(), f.cols());
        int vanished = f.vanished();
        spread.setText(String.format(Locale.ROOT, "Median filter spread: %.1f of %d pixels (1 = a delta function)%s",
                f.medianParticipation(), f.rows() * f.cols(), vanished == 0 ? ""
                        : String.format(Locale.ROOT, "; %d of %d filters shrunk to nothing (flat grey)", vanished, f.count())));
        lastDrawNanos = System.nanoTime() - t0;
    }

    private void hover(int tile) {
        if (tile < 0 || shown == null || tile >= units.length) {
            hover.setText(" ");
            return;
        }
        int u = units[tile];
        float[] wins = shown.winRate();
        hover.setText(String.format(Locale.ROOT, "unit %d: wins in %.1f%% of the probe batch · mean activation %.3f",
                u, 100 * wins[u], shown.usage()[u]));
    }

    /** What the hover line says now (tests). */
    String hoverText() {
        return hover.getText();
    }

    /** The units in the order drawn (tests). */
    int[] units() {
        return units.clone();
    }
}
