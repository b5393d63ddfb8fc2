package org.genscope.ui.common;

import java.util.List;
import java.util.function.IntFunction;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.genscope.ui.theme.Palette;

/**
 * A matrix whose cells are states (0, 1, 2, …), each drawn in its {@link Swatch}'s theme colour, with the rows
 * labelled on the left and the columns on top — every label when they fit, else every 2nd, 5th, 10th, …
 * ({@link LabelStride}) — and an axis title for each. Cells of a marked state also carry a cross where they are large
 * enough; a {@link SwatchLegend} of the same swatches explains the colours. Follows the theme and presenter mode.
 * FX thread only.
 */
public class MatrixView extends HeatMap {
    private static final double GAP = 4;
    private List<Swatch> states = List.of();
    private String rowTitle = "";
    private String columnTitle = "";
    private IntFunction<String> rowLabel = i -> "";
    private IntFunction<String> columnLabel = i -> "";
    private Palette palette;
    private Color[] colours;

    public MatrixView() {
        getStyleClass().add("matrix-view");
        Palette.watch(this, () -> {
            palette = null;
            colours = null;
            refresh();
        });
    }

    /** The states' swatches: a cell of value k is drawn in {@code states.get(k)}'s colour. */
    public void setStates(List<Swatch> states) {
        this.states = List.copyOf(states);
        colours = null;
        refresh();
    }

    public List<Swatch> states() {
        return states;
    }

    /** What an axis's rows or columns are (e.g. "outputs x̂, in generation order") and each one's label. */
    public record Axis(String title, IntFunction<String> label) {}

    /**
     * Shows rows×cols cells (row-major, each a state index) with these axes, in one go: the labels always match the
     * matrix they label.
     */
    public void setMatrix(float[] cells, int rows, int cols, Axis rowAxis, Axis columnAxis) {
        rowTitle = rowAxis.title();
        rowLabel = rowAxis.label();
        columnTitle = columnAxis.title();
        columnLabel = columnAxis.label();
        setData(cells, rows, cols);           // redraws
    }

    public String rowTitle() {
        return rowTitle;
    }

    public String columnTitle() {
        return columnTitle;
    }

    public String rowLabel(int i) {
        return rowLabel.apply(i);
    }

    public String columnLabel(int j) {
        return columnLabel.apply(j);
    }

    /** The colour state {@code k} is drawn in now, or null while the view is not in a themed scene. */
    public Color colour(int k) {
        resolve();
        return colours == null || k < 0 || k >= colours.length ? null : colours[k];
    }

    private void resolve() {
        if (getScene() == null) return;
        if (palette == null) palette = Palette.of(this);
        if (colours == null) {
            colours = new Color[states.size()];
            for (int k = 0; k < colours.length; k++) colours[k] = Palette.named(this, states.get(k).colour(), Color.GRAY);
        }
    }

    private void refresh() {
        resolve();
        if (colours == null) return;
        int[] argb = new int[colours.length];
        for (int k = 0; k < argb.length; k++) argb[k] = argb(colours[k]);
        setCategories(argb);              // redraws
    }

    private static int argb(Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    private Font font() {
        return Font.font(null, 11 * (palette == null ? 1 : palette.lineScale()));
    }

    private double lineHeight() {
        return font().getSize() * 1.35;
    }

    /** The width of the widest of {@code n} labels (the longest measured, not all of a 784-row matrix). */
    private double widest(IntFunction<String> label, int n) {
        String widest = "";
        for (int i = 0; i < n; i++) {
            String s = label.apply(i);
            if (s.length() > widest.length()) widest = s;
        }
        return Texts.width(widest, font());
    }

    /** Room on the left for the row title and labels, on top for the column title and labels. */
    @Override
    protected Insets margins() {
        double line = lineHeight();
        return new Insets(2 * line + GAP, GAP, GAP, line + widest(rowLabel, rows()) + 2 * GAP);
    }

    @Override
    protected void redraw() {
        super.redraw();
        double[] f = frame();
        if (f == null || palette == null) return;
        GraphicsContext g = canvas().getGraphicsContext2D();
        double cell = f[2] / cols();
        double ls = palette.lineScale();
        if (cell >= 12) {                        // large cells: thin separators, so equal neighbours stay countable
            g.setStroke(palette.surface().deriveColor(0, 1, 1, 0.7));
            g.setLineWidth(1);
            for (int j = 1; j < cols(); j++) g.strokeLine(f[0] + j * cell, f[1], f[0] + j * cell, f[1] + f[3]);
            for (int i = 1; i < rows(); i++) g.strokeLine(f[0], f[1] + i * cell, f[0] + f[2], f[1] + i * cell);
        }
        marks(g, f, cell);
        g.setStroke(palette.muted());
        g.setLineWidth(ls);
        g.strokeRect(f[0], f[1], f[2], f[3]);
        labels(g, f, cell);
    }

    /** A cross on every cell of a marked state, where cells are large enough to carry one. */
    private void marks(GraphicsContext g, double[] f, double cell) {
        if (cell < 7) return;
        g.setStroke(palette.surface());
        g.setLineWidth(Math.max(1.5, cell / 8));
        double in = cell * 0.25;
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                int k = (int) value(i, j);
                if (k < 0 || k >= states.size() || !states.get(k).marked()) continue;
                double x = f[0] + j * cell;
                double y = f[1] + i * cell;
                g.strokeLine(x + in, y + in, x + cell - in, y + cell - in);
                g.strokeLine(x + cell - in, y + in, x + in, y + cell - in);
            }
        }
    }

    /** {centre, width} for a title {@code t} wide within [from, to]: as near {@code c} as it fits, squeezed if longer. */
    private static double[] place(double t, double c, double from, double to) {
        double width = Math.max(1, Math.min(t, to - from - 2 * GAP));
        return new double[] {Math.max(from + GAP + width / 2, Math.min(c, to - GAP - width / 2)), width};
    }

    private void labels(GraphicsContext g, double[] f, double cell) {
        Font font = font();
        double line = lineHeight();
        g.setFont(font);
        g.setFill(palette.muted());
        int colStride = LabelStride.of(cell, widest(columnLabel, cols()) + GAP);
        int rowStride = LabelStride.of(cell, font.getSize() * 1.15);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        for (int j = 0; j < cols(); j++) {
            if (LabelStride.shows(j, colStride)) g.fillText(columnLabel.apply(j), f[0] + (j + 0.5) * cell, f[1] - GAP / 2);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < rows(); i++) {
            if (LabelStride.shows(i, rowStride)) g.fillText(rowLabel.apply(i), f[0] - GAP, f[1] + (i + 0.5) * cell);
        }
        g.setFill(palette.text());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        // a title may run past the matrix, centred on it as far as the canvas allows, before it is squeezed
        double[] top = place(Texts.width(columnTitle, font), f[0] + f[2] / 2, 0, canvas().getWidth());
        g.fillText(columnTitle, top[0], f[1] - line - GAP / 2, top[1]);
        double[] left = place(Texts.width(rowTitle, font), f[1] + f[3] / 2, f[1] - line, canvas().getHeight());
        g.save();
        g.translate(f[0] - widest(rowLabel, rows()) - 2 * GAP, left[0]);   // rotated, the title's baseline ends here
        g.rotate(-90);
        g.fillText(rowTitle, 0, 0, left[1]);
        g.restore();
    }
}
