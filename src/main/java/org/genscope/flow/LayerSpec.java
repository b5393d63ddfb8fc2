package org.genscope.flow;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.genscope.Quoted;

/**
 * One layer of a {@link FlowSpec}: its kind and, for kinds with a network, the hidden widths of that network
 * (empty for the others). Text form {@code kind} or {@code kind:64-64}, e.g. {@code realnvp:64-64}.
 */
public record LayerSpec(LayerKind kind, int[] hidden) {
    /** Widest hidden layer and most hidden layers a spec may ask for. */
    public static final int MAX_WIDTH = 4096;
    public static final int MAX_DEPTH = 8;

    public LayerSpec {
        if (kind == null) throw new IllegalArgumentException("layer kind missing");
        hidden = hidden == null || !kind.hasNetwork() ? new int[0] : hidden.clone();
        if (hidden.length > MAX_DEPTH) throw new IllegalArgumentException(kind.id() + ": at most " + MAX_DEPTH + " hidden layers, got " + hidden.length);
        for (int h : hidden) {
            if (h < 1 || h > MAX_WIDTH) throw new IllegalArgumentException(kind.id() + ": hidden widths must be 1.." + MAX_WIDTH + ", got " + h);
        }
    }

    /** A layer of this kind; hidden widths are ignored for kinds without a network. */
    public static LayerSpec of(LayerKind kind, int... hidden) {
        return new LayerSpec(kind, hidden);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    public LayerSpec withHidden(int... widths) {
        return new LayerSpec(kind, widths);
    }

    /** Parses {@code kind} or {@code kind:64-64}. */
    public static LayerSpec parse(String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        LayerKind kind = LayerKind.byId(colon < 0 ? t : t.substring(0, colon));
        if (colon < 0) {
            if (kind.hasNetwork()) throw new IllegalArgumentException(Quoted.of(t) + ": give the hidden widths, e.g. " + kind.id() + ":64-64");
            return new LayerSpec(kind, new int[0]);
        }
        if (!kind.hasNetwork()) throw new IllegalArgumentException(Quoted.of(t) + ": a " + kind.id() + " layer has no network to size");
        try {
            int[] h = Arrays.stream(t.substring(colon + 1).split("-")).mapToInt(w -> Integer.parseInt(w.trim())).toArray();
            return new LayerSpec(kind, h);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Quoted.of(t) + ": hidden widths must be integers like 64-64");
        }
    }

    @Override
    public String toString() {
        return hidden.length == 0 ? kind.id() : kind.id() + ":" + Arrays.stream(hidden).mapToObj(Integer::toString).collect(Collectors.joining("-"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerSpec s && s.kind == kind && Arrays.equals(s.hidden, hidden);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + Arrays.hashCode(hidden);
    }
}
