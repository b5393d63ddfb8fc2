package org.genscope.ui.made;

/**
 * The autoregressive check as matrix cells, outputs and inputs both in generation order: row t is the output
 * generated t-th, column u the input generated u-th. An output may depend only on inputs generated before it
 * (u &lt; t, left of the diagonal), so every cell is in one of four states. Pure: no JavaFX.
 */
final class DependencyCells {
    /** A cell's state; its ordinal is the cell's value. */
    enum State {
        /** u &lt; t and the output depends on the input: allowed and present. */
        DEPENDS,
        /** u &lt; t but no dependency: allowed, cut by the masks or by dead units. */
        MISSING,
        /** u ≥ t and a dependency: the autoregressive property is broken. */
        VIOLATION,
        /** u ≥ t and no dependency, as it must be. */
        NOT_ALLOWED
    }

    private final int d;
    private final float[] cells;
    private final int[] counts = new int[State.values().length];

    /**
     * @param sequence     the inputs in generation order (natural indices): sequence[t] is generated t-th
     * @param dependencies dependencies[i][j]: output i depends on input j (natural indices)
     */
    DependencyCells(int[] sequence, boolean[][] dependencies) {
        d = sequence.length;
        cells = new float[d * d];
        for (int t = 0; t < d; t++) {
            for (int u = 0; u < d; u++) {
                boolean dep = dependencies[sequence[t]][sequence[u]];
                State s = u < t ? (dep ? State.DEPENDS : State.MISSING) : (dep ? State.VIOLATION : State.NOT_ALLOWED);
                cells[t * d + u] = s.ordinal();
                counts[s.ordinal()]++;
            }
        }
    }

    int size() {
        return d;
    }

    /** The d×d cells, row-major, each a {@link State} ordinal (do not modify). */
    float[] cells() {
        return cells;
    }

    State at(int t, int u) {
        return State.values()[(int) cells[t * d + u]];
    }

    int count(State s) {
        return counts[s.ordinal()];
    }

    /** How many cells are in each state, in {@link State} order. */
    int[] counts() {
        return counts.clone();
    }

    /** The dependencies an autoregressive model may have: d(d − 1)/2. */
    long allowed() {
        return (long) d * (d - 1) / 2;
    }

    /** {t, u} of the first violation in row-major order, or null if there is none. */
    int[] firstViolation() {
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == State.VIOLATION.ordinal()) return new int[] {i / d, i % d};
        }
        return null;
    }
}
