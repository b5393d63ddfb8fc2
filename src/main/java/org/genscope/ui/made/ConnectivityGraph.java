package org.genscope.ui.made;

import java.util.function.BiConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.genscope.ui.common.CanvasRegion;
import org.genscope.ui.theme.Palette;

/**
 * The MADE network drawn as in the paper's Figure 1: inputs at the bottom, hidden layers above, outputs on top,
 * each unit labelled by its connectivity integer m(k). Hovering a unit highlights every input it can see and every
 * output it feeds; clicking a hidden unit selects it for editing; units with no inputs or no outputs are flagged.
 * Small networks show every unit and edge; large ones switch to an aggregated view (units as thin cells sorted by
 * m(k), no individual edges) that stays responsive at 784 inputs.
 */
final class ConnectivityGraph extends CanvasRegion {
    /** Beyond these sizes every edge would be an unreadable hairball: draw the aggregated view. */
    static final int MAX_DETAILED_INPUTS = 24;
    static final int MAX_DETAILED_WIDTH = 48;

    private GraphModel graph;
    private boolean[][] dead;
    private int[][] position;          // position[row][unit] = slot along the row
    private Palette palette;
    private int hoverRow = -1;
    private int hoverUnit = -1;
    private int selectedRow = -1;
    private int selectedUnit = -1;
    private BiConsumer<Integer, Integer> onSelect = (r, u) -> { };

    ConnectivityGraph() {
        getStyleClass().add("connectivity-graph");
        canvas().addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(unitAt(e.getX(), e.getY())));
        canvas().addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(null));
        canvas().addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            int[] hit = unitAt(e.getX(), e.getY());
            if (hit != null && hit[0] > 0 && hit[0] < graph.rows() - 1) {
                selectedRow = hit[0];
                selectedUnit = hit[1];
                onSelect.accept(hit[0], hit[1]);
                redraw();
            }
        });
        Palette.watch(this, () -> {
            palette = null;
            redraw();
        });
    }

    /** Called with (layer, unit) when the user clicks a hidden unit. */
    void setOnSelect(BiConsumer<Integer, Integer> onSelect) {
        this.onSelect = onSelect;
    }

    void setGraph(GraphModel g) {
        graph = g;
        dead = g.dead;
        position = new int[g.rows()][];
        boolean aggregated = aggregated();
        for (int r = 0; r < g.rows(); r++) {
            position[r] = aggregated ? rankByLabel(g.labels[r]) : identity(g.width(r));
        }
        if (selectedRow >= g.rows() - 1 || selectedRow > 0 && selectedUnit >= g.width(selectedRow)) {
            selectedRow = -1;
        }
        redraw();
    }

    void select(int row, int unit) {
        selectedRow = row;
        selectedUnit = unit;
        redraw();
    }

    boolean aggregated() {
        if (graph == null) return false;
        if (graph.width(0) > MAX_DETAILED_INPUTS) return true;
        for (int r = 1; r < graph.rows() - 1; r++) if (graph.width(r) > MAX_DETAILED_WIDTH) return true;
        return false;
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        return p;
    }

    /** Slot of each unit when the row is sorted by label (stable). */
    private static int[] rankByLabel(int[] labels) {
        Integer[] idx = new Integer[labels.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        java.util.Arrays.sort(idx, (a, b) -> labels[a] != labels[b] ? Integer.compare(labels[a], labels[b]) : a - b);
        int[] pos = new int[labels.length];
        for (int s = 0; s < idx.length; s++) pos[idx[s]] = s;
        return pos;
    }

    private void hover(int[] hit) {
        int r = hit == null ? -1 : hit[0];
        int u = hit == null ? -1 : hit[1];
        if (r != hoverRow || u != hoverUnit) {
            hoverRow = r;
            hoverUnit = u;
            redraw();
        }
    }

    // ---- geometry ----

    private static final double LEFT_BASE = 68;
    private static final double PAD = 18;

    /** Room for the row labels, wider with presenter-mode type. */
    private double left() {
        return LEFT_BASE * (palette == null ? 1 : palette.lineScale());
    }

    private double rowY(int row) {
        double h = canvas().getHeight();
        int rows = graph.rows();
        double top = PAD + 22;
        double bottom = h - PAD - 22;
        return bottom - (bottom - top) * row / Math.max(1, rows - 1);
    }

    private double slotX(int row, int slot) {
        double w = canvas().getWidth() - left() - PAD;
        int n = graph.width(row);
        return left() + w * (slot + 0.5) / n;
    }

    private double radius() {
        int max = 1;
        for (int r = 0; r < graph.rows(); r++) max = Math.max(max, graph.width(r));
        double spacing = (canvas().getWidth() - left() - PAD) / max;
        double vertical = (canvas().getHeight() - 2 * PAD - 44) / Math.max(1, graph.rows() - 1);
        return Math.max(3, Math.min(Math.min(18, spacing * 0.42), vertical * 0.3));
    }

    private int[] unitAt(double x, double y) {
        if (graph == null) return null;
        for (int r = 0; r < graph.rows(); r++) {
            double ry = rowY(r);
            double tol = aggregated() ? 14 : radius() + 2;
            if (Math.abs(y - ry) > tol) continue;
            int n = graph.width(r);
            double w = canvas().getWidth() - left() - PAD;
            int slot = (int) Math.floor((x - left()) / w * n);
            if (slot < 0 || slot >= n) return null;
            for (int k = 0; k < n; k++) {
                if (position[r][k] == slot) {
                    if (!aggregated() && Math.abs(x - slotX(r, slot)) > radius() + 2) return null;
                    return new int[] {r, k};
                }
            }
        }
        return null;
    }

    // ---- drawing ----

    @Override
    protected void redraw() {
        GraphicsContext g = canvas().getGraphicsContext2D();
        g.clearRect(0, 0, canvas().getWidth(), canvas().getHeight());
        if (graph == null || getScene() == null || canvas().getWidth() < 50 || canvas().getHeight() < 50) return;
        if (palette == null) palette = Palette.of(this);
        boolean[][] lit = null;
        if (hoverRow >= 0) {
            boolean[][] up = graph.descendants(hoverRow, hoverUnit);
            boolean[][] down = graph.ancestors(hoverRow, hoverUnit);
            lit = new boolean[graph.rows()][];
            for (int r = 0; r < graph.rows(); r++) {
                lit[r] = new boolean[graph.width(r)];
                for (int k = 0; k < lit[r].length; k++) lit[r][k] = up[r][k] || down[r][k];
            }
        }
        drawRowLabels(g);
        if (aggregated()) {
            drawAggregated(g, lit);
        } else {
            drawEdges(g, lit);
            drawUnits(g, lit);
        }
    }

    private void drawRowLabels(GraphicsContext g) {
        g.setFill(palette.muted());
        g.setFont(Font.font(null, FontWeight.BOLD, 12 * palette.lineScale()));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        int last = graph.rows() - 1;
        double line = 13 * palette.lineScale();           // two short lines leave the units more room
        for (int r = 0; r <= last; r++) {
            String[] name = r == 0 ? new String[] {"inputs", "x"} : r == last ? new String[] {"outputs", "p"}
                    : new String[] {"hidden", String.valueOf(r)};
            g.fillText(name[0], 8, rowY(r) - line / 2);
            g.fillText(name[1], 8, rowY(r) + line / 2);
        }
    }

    private Color rowColor(int row) {
        int last = graph.rows() - 1;
        return row == 0 ? palette.chart()[0] : row == last ? palette.chart()[1] : palette.chart()[2];
    }

    private void drawEdges(GraphicsContext g, boolean[][] lit) {
        double ls = palette.lineScale();
        for (int r = 0; r < graph.rows() - 1; r++) {
            for (int j = 0; j < graph.width(r); j++) {
                for (int k = 0; k < graph.width(r + 1); k++) {
                    if (!graph.edge(r, j, k)) continue;
                    boolean on = lit != null && lit[r][j] && lit[r + 1][k];
                    edge(g, r, j, r + 1, k, on, lit != null, ls);
                }
            }
        }
        if (graph.direct != null) {
            int out = graph.rows() - 1;
            g.setLineDashes(5 * ls, 4 * ls);
            for (int j = 0; j < graph.width(0); j++) {
                for (int d = 0; d < graph.width(out); d++) {
                    if (graph.direct.get(j, d) == 0f) continue;
                    boolean on = lit != null && lit[0][j] && lit[out][d] && (hoverRow == 0 || hoverRow == out);
                    edge(g, 0, j, out, d, on, lit != null, ls);
                }
            }
            g.setLineDashes(null);
        }
    }

    private void edge(GraphicsContext g, int r1, int u1, int r2, int u2, boolean on, boolean dimOthers, double ls) {
        g.setStroke(on ? palette.accent() : palette.muted().deriveColor(0, 1, 1, dimOthers ? 0.12 : 0.45));
        g.setLineWidth((on ? 2.2 : 1.0) * ls);
        g.strokeLine(slotX(r1, position[r1][u1]), rowY(r1), slotX(r2, position[r2][u2]), rowY(r2));
    }

    private void drawUnits(GraphicsContext g, boolean[][] lit) {
        double rad = radius();
        double ls = palette.lineScale();
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font(null, FontWeight.BOLD, Math.max(9, rad * 0.95)));
        // how many digits fit inside a unit: a digit of this bold font is about 0.6 of its size wide
        int labelRoom = (int) Math.floor(1.9 * rad / (0.6 * Math.max(9, rad * 0.95)));
        for (int r = 0; r < graph.rows(); r++) {
            for (int k = 0; k < graph.width(r); k++) {
                double x = slotX(r, position[r][k]);
                double y = rowY(r);
                boolean dim = lit != null && !lit[r][k];
                Color c = rowColor(r);
                g.setFill(dim ? palette.surface() : c.deriveColor(0, 1, 1, 0.22).interpolate(palette.surface(), 0.3));
                g.fillOval(x - rad, y - rad, 2 * rad, 2 * rad);
                boolean isDead = dead[r][k];
                g.setStroke(isDead ? palette.danger() : dim ? palette.border() : c);
                g.setLineWidth(Math.min((isDead ? 3 : 2) * ls, Math.max(1, rad * (isDead ? 0.4 : 0.25))));   // thin when crowded
                g.strokeOval(x - rad, y - rad, 2 * rad, 2 * rad);
                if (r == selectedRow && k == selectedUnit) {
                    g.setStroke(palette.accent());
                    g.setLineWidth(3 * ls);
                    g.strokeOval(x - rad - 4, y - rad - 4, 2 * rad + 8, 2 * rad + 8);
                }
                g.setFill(dim ? palette.muted() : palette.text());
                String label = Integer.toString(graph.labels[r][k]);
                if (label.length() <= labelRoom) g.fillText(label, x, y);     // crowded rows: m(k) on hover instead
                if ((r == 0 || r == graph.rows() - 1) && labelRoom >= 2) {
                    g.setFill(palette.muted());
                    g.setFont(Font.font(null, Math.max(9, rad * 0.75)));
                    g.fillText((r == 0 ? "x" : "x̂") + (k + 1), x, r == 0 ? y + rad + 10 : y - rad - 10);
                    g.setFont(Font.font(null, FontWeight.BOLD, Math.max(9, rad * 0.95)));
                }
            }
        }
    }

    /** Each unit as a thin cell, rows sorted by m(k) and coloured by it; lit cells drawn full height. */
    private void drawAggregated(GraphicsContext g, boolean[][] lit) {
        int maxLabel = 1;
        for (int[] row : graph.labels) for (int v : row) maxLabel = Math.max(maxLabel, v);
        double w = canvas().getWidth() - left() - PAD;
        for (int r = 0; r < graph.rows(); r++) {
            int n = graph.width(r);
            double cw = w / n;
            double y = rowY(r);
            for (int k = 0; k < n; k++) {
                double x = left() + cw * position[r][k];
                double t = graph.labels[r][k] / (double) maxLabel;
                Color c = rowColor(r).interpolate(palette.text(), 0.15).deriveColor(0, 1, 0.55 + 0.45 * t, 1);
                boolean on = lit != null && lit[r][k];
                double hh = on ? 26 : 16;
                g.setFill(lit != null && !on ? c.deriveColor(0, 0.3, 1, 0.25) : c);
                g.fillRect(x, y - hh / 2, Math.max(1, cw - (cw > 3 ? 1 : 0)), hh);
                if (dead[r][k]) {
                    g.setFill(palette.danger());
                    g.fillRect(x, y + 10, Math.max(1, cw), 4);
                }
            }
        }
        g.setFill(palette.muted());
        g.setFont(Font.font(null, 12 * palette.lineScale()));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        String hint = "Aggregated view: each thin cell is one unit, rows sorted by m(k) (darker = smaller). "
                + "Hover a unit to light up what it sees and feeds.";
        if (hoverRow >= 0) {
            int last = graph.rows() - 1;
            String kind = hoverRow == 0 ? "input x" + (hoverUnit + 1) : hoverRow == last ? "output x̂" + (hoverUnit + 1)
                    : "hidden unit " + (hoverUnit + 1) + " of layer " + hoverRow;
            hint = kind + ": m = " + graph.labels[hoverRow][hoverUnit] + (dead[hoverRow][hoverUnit] ? " (dead)" : "");
        }
        g.fillText(hint, left(), canvas().getHeight() - 2);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 640;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 420;
    }
}
