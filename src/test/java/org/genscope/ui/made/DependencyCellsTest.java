package org.genscope.ui.made;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.genscope.ui.made.DependencyCells.State;
import org.junit.jupiter.api.Test;

class DependencyCellsTest {
    /** Three inputs generated in the order x2, x1, x3 (natural indices 1, 0, 2). */
    private static final int[] SEQUENCE = {1, 0, 2};

    @Test
    void eachCellIsInOneOfFourStatesByItsPlaceAndTheMeasuredDependency() {
        boolean[][] deps = new boolean[3][3];
        deps[0][1] = true;          // x̂1 (2nd) on x2 (1st): allowed, present
        deps[1][2] = true;          // x̂2 (1st) on x3 (3rd): a violation
        // x̂3 (3rd) on x2 (1st) and on x1 (2nd) are allowed but absent
        DependencyCells c = new DependencyCells(SEQUENCE, deps);
        assertEquals(State.DEPENDS, c.at(1, 0));
        assertEquals(State.MISSING, c.at(2, 0));
        assertEquals(State.MISSING, c.at(2, 1));
        assertEquals(State.VIOLATION, c.at(0, 2));
        assertEquals(State.NOT_ALLOWED, c.at(0, 0), "the diagonal: an output never sees its own input");
        assertEquals(State.NOT_ALLOWED, c.at(1, 2));
        assertArrayEquals(new int[] {1, 2, 1, 5}, c.counts());
        assertEquals(3, c.allowed());
        assertArrayEquals(new int[] {0, 2}, c.firstViolation());
        assertEquals(State.VIOLATION.ordinal(), c.cells()[2]);
    }

    @Test
    void aFullyConnectedAutoregressiveNetworkHasNoMissingOrForbiddenDependency() {
        boolean[][] deps = new boolean[3][3];
        for (int t = 0; t < 3; t++) {
            for (int u = 0; u < t; u++) deps[SEQUENCE[t]][SEQUENCE[u]] = true;
        }
        DependencyCells c = new DependencyCells(SEQUENCE, deps);
        assertEquals(3, c.count(State.DEPENDS));
        assertEquals(0, c.count(State.MISSING));
        assertEquals(0, c.count(State.VIOLATION));
        assertEquals(6, c.count(State.NOT_ALLOWED));
        assertNull(c.firstViolation());
    }
}
