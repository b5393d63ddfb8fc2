package org.genscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;

class BatchOrderTest {
    @Test
    void eachEpochVisitsDistinctExamplesAndReshuffles() {
        BatchOrder o = new BatchOrder(10, 3, new Rng(1));
        assertEquals(3, o.stepsPerEpoch());
        int[][] epochs = new int[2][];
        for (int e = 0; e < 2; e++) {
            int[] seen = IntStream.range(0, 3).flatMap(i -> Arrays.stream(o.next())).toArray();
            assertEquals(9, Arrays.stream(seen).distinct().count());
            epochs[e] = seen;
        }
        assertEquals(false, Arrays.equals(epochs[0], epochs[1]));
    }

    @Test
    void restoredOrderContinuesIdentically() {
        BatchOrder a = new BatchOrder(10, 4, new Rng(5));
        a.next();
        a.next();
        a.next();
        BatchOrder b = new BatchOrder(10, 4, Rng.fromState(a.rng().state()));
        b.restore(a.order(), a.cursor());
        for (int i = 0; i < 7; i++) assertArrayEquals(a.next(), b.next());
    }

    @Test
    void aBatchLargerThanTheDataIsTheWholeData() {
        BatchOrder o = new BatchOrder(5, 100, new Rng(2));
        assertEquals(1, o.stepsPerEpoch());
        assertEquals(5, o.next().length);
    }

    @Test
    void notAPermutationIsRefused() {
        BatchOrder o = new BatchOrder(3, 1, new Rng(3));
        assertThrows(IllegalArgumentException.class, () -> o.restore(new int[] {0, 0, 1}, 0));
        assertThrows(IllegalArgumentException.class, () -> o.restore(new int[] {0, 1, 3}, 0));
        assertThrows(IllegalArgumentException.class, () -> o.restore(new int[] {0, 1}, 0));
        assertThrows(IllegalArgumentException.class, () -> o.restore(new int[] {0, 1, 2}, 4));
    }
}
