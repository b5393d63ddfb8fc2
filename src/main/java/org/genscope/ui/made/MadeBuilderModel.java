package org.genscope.ui.made;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.genscope.made.Connectivity;
import org.genscope.made.Made;
import org.genscope.made.DegreeRule;
import org.genscope.made.OrderingKind;
import org.genscope.made.Orderings;

/**
 * The mask builder's state and editing rules, free of controls (unit-tested): number of inputs D, hidden widths,
 * ordering (natural, random, or edited by hand), degree rule and seed produce a {@link Connectivity}; the user may
 * then reorder the ordering or set a hidden unit's m(k) directly. Invalid input never replaces a valid network:
 * it sets {@link #errorProperty()} and leaves the connectivity as it was.
 */
public final class MadeBuilderModel {
    static final int MAX_DEPTH = 8;
    static final int MAX_WIDTH = 4096;

    private final IntegerProperty inputs = new SimpleIntegerProperty(6);
    private final StringProperty widths = new SimpleStringProperty("8, 8");
    private final ObjectProperty<OrderingKind> ordering = new SimpleObjectProperty<>(OrderingKind.NATURAL);
    private final ObjectProperty<DegreeRule> rule = new SimpleObjectProperty<>(DegreeRule.UNIFORM);
    private final DoubleProperty softmaxL = new SimpleDoubleProperty(0);
    private final BooleanProperty direct = new SimpleBooleanProperty(false);
    private final IntegerProperty seed = new SimpleIntegerProperty(1);
    private final ObjectProperty<Connectivity> connectivity = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private int[] customOrdering;

    public MadeBuilderModel() {
        rebuild();
    }

    /** Draws a new connectivity from the current settings (the same settings and seed give the same network). */
    public boolean rebuild() {
        int d = inputs.get();
        if (d < 2) return fail("A MADE needs at least 2 inputs.");
        int[] w;
        try {
            w = parseWidths(widths.get());
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        try {
            connectivity.set(Made.firstMask(d, w, orderingKind(), customOrdering(), rule.get(), softmaxL.get(), seed.get()));
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        error.set("");
        return true;
    }

    /**
     * Takes over a network built elsewhere (e.g. mask 0 of a model opened from a file): D, widths, its ordering as a
     * custom one, degree rule, direct links and seed follow it, and the connectivity is exactly {@code c}.
     */
    public void adopt(Connectivity c, DegreeRule degreeRule, boolean directLinks, int seedValue) {
        StringBuilder w = new StringBuilder();
        for (int l = 1; l <= c.hiddenLayers(); l++) w.append(l > 1 ? ", " : "").append(c.width(l));
        boolean natural = java.util.Arrays.equals(c.ordering(), Orderings.natural(c.inputs()));
        customOrdering = natural ? null : c.ordering();
        inputs.set(c.inputs());
        widths.set(w.toString());
        ordering.set(natural ? OrderingKind.NATURAL : OrderingKind.CUSTOM);
        rule.set(degreeRule);
        direct.set(directLinks);
        seed.set(seedValue);
        connectivity.set(c);
        error.set("");
    }

    /** "Resample": the next seed, same settings. */
    public void resample() {
        seed.set(seed.get() + 1);
        rebuild();
    }

    /**
     * Moves the input generated at position {@code from} of the ordering to position {@code to} (0-based positions
     * in generation order), keeping the hidden degrees: the drag-to-reorder gesture.
     */
    public boolean moveInOrdering(int from, int to) {
        Connectivity c = connectivity.get();
        int d = c.inputs();
        if (from < 0 || from >= d || to < 0 || to >= d) return fail("Position out of range 1.." + d + ".");
        List<Integer> seq = new ArrayList<>();
        for (int v : c.sequence()) seq.add(v);
        seq.add(to, seq.remove(from));
        int[] s = seq.stream().mapToInt(Integer::intValue).toArray();
        customOrdering = Orderings.fromSequence(s);
        ordering.set(OrderingKind.CUSTOM);
        connectivity.set(c.withOrdering(customOrdering));
        error.set("");
        return true;
    }

    /** Sets hidden unit {@code unit} of layer {@code layer} (1..L) to m(k) = {@code m}; must lie in 1..D−1. */
    public boolean setDegree(int layer, int unit, int m) {
        Connectivity c = connectivity.get();
        if (layer < 1 || layer > c.hiddenLayers()) return fail("Only hidden units (layers 1.." + c.hiddenLayers()
                + ") have an editable m(k).");
        if (m < 1 || m > c.inputs() - 1) return fail("m(k) must be between 1 and D−1 = " + (c.inputs() - 1)
                + ": a unit with m(k) = " + m + " would " + (m < 1 ? "see no input." : "feed no output."));
        connectivity.set(c.withDegree(layer, unit, m));
        error.set("");
        return true;
    }

    /** Parses "500" or "8, 8" into widths; throws with a message a user can act on. */
    static int[] parseWidths(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) throw new IllegalArgumentException("Hidden sizes: enter at least one width, e.g. 500 or 8, 8.");
        String[] parts = t.split("[,;\\s]+");
        if (parts.length > MAX_DEPTH) {
            throw new IllegalArgumentException("At most " + MAX_DEPTH + " hidden layers (got " + parts.length + ").");
        }
        int[] w = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                w[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Hidden sizes: '" + parts[i] + "' is not a whole number.");
            }
            if (w[i] < 1 || w[i] > MAX_WIDTH) {
                throw new IllegalArgumentException("Each hidden layer needs 1.." + MAX_WIDTH + " units (got " + w[i] + ").");
            }
        }
        return w;
    }

    private boolean fail(String message) {
        error.set(message);
        return false;
    }

    /** The user's custom ordering m⁰ (when {@link #orderingKind} is CUSTOM), or null. */
    int[] customOrdering() {
        return orderingKind() != OrderingKind.CUSTOM ? null : Arrays.copyOf(customOrdering, customOrdering.length);
    }

    /** How the ordering m⁰ is made: as chosen, except that a custom choice without a custom ordering of D is natural. */
    OrderingKind orderingKind() {
        OrderingKind k = ordering.get();
        boolean custom = customOrdering != null && customOrdering.length == inputs.get();
        return k == OrderingKind.CUSTOM && !custom ? OrderingKind.NATURAL : k;
    }

    public IntegerProperty inputsProperty() {
        return inputs;
    }

    public StringProperty widthsProperty() {
        return widths;
    }

    public ObjectProperty<OrderingKind> orderingProperty() {
        return ordering;
    }

    public ObjectProperty<DegreeRule> ruleProperty() {
        return rule;
    }

    public DoubleProperty softmaxLProperty() {
        return softmaxL;
    }

    public BooleanProperty directProperty() {
        return direct;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public ReadOnlyObjectProperty<Connectivity> connectivityProperty() {
        return connectivity;
    }

    public Connectivity connectivity() {
        return connectivity.get();
    }

    public StringProperty errorProperty() {
        return error;
    }
}
