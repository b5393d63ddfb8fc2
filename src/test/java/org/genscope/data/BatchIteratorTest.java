package org.genscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.BatchIterator.LastBatch;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;

class BatchIteratorTest {
    /** Example i has features (i, −i) and label i mod 7, so a row tells which example it is. */
    static Dataset numbered(int n) {
        FMatrixRMaj x = new FMatrixRMaj(n, 2);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x.set(i, 0, i);
            x.set(i, 1, -i);
            y[i] = i % 7;
        }
        return new Dataset("numbered", "test", x, y, 0, 0);
    }

    @Test
    void rowsAreGatheredByIndexIntoOneReusedMatrix() {
        Dataset d = numbered(10);
        FMatrixRMaj batch = d.rows(new int[] {7, 2, 2, 9}, null);
        assertArrayEquals(new float[] {7, -7, 2, -2, 2, -2, 9, -9}, batch.data);
        float[] array = batch.data;
        FMatrixRMaj again = d.rows(new int[] {5, 1, 0, 3, 4, 8}, 2, 3, batch);      // indices[2..5)
        assertSame(batch, again);
        assertSame(array, again.data, "a smaller batch keeps the array");
        assertEquals(3, again.numRows);
        assertArrayEquals(new float[] {0, 0, 3, -3, 4, -4}, Arrays.copyOf(again.data, 6));
    }

    private static List<Integer> epoch(BatchIterator it) {
        List<Integer> seen = new ArrayList<>();
        while (it.next()) {
            for (int r = 0; r < it.size(); r++) {
                int e = (int) it.x().get(r, 0);
                assertEquals(-e, it.x().get(r, 1));
                assertEquals(e % 7, it.labels()[r]);
                assertEquals(e, it.index(r));
                seen.add(e);
            }
        }
        return seen;
    }

    @Test
    void everyExampleOncePerEpochWithPartialLastBatchKept() {
        BatchIterator it = new BatchIterator(numbered(103), 10, LastBatch.KEEP, new Rng(5));
        assertEquals(11, it.batchesPerEpoch());
        for (int e = 0; e < 3; e++) {
            List<Integer> seen = epoch(it);
            assertEquals(103, seen.size());
            assertEquals(103, seen.stream().distinct().count());
            assertEquals(3, it.size(), "last batch holds the remaining 103 mod 10 examples");
            assertEquals(e + 1, it.epoch());
        }
    }

    @Test
    void dropPolicyGivesOnlyFullBatches() {
        BatchIterator it = new BatchIterator(numbered(103), 10, LastBatch.DROP, new Rng(5));
        assertEquals(10, it.batchesPerEpoch());
        int batches = 0;
        List<Integer> seen = new ArrayList<>();
        while (it.next()) {
            assertEquals(10, it.size());
            batches++;
            for (int r = 0; r < 10; r++) seen.add(it.index(r));
        }
        assertEquals(10, batches);
        assertEquals(100, seen.stream().distinct().count());
    }

    @Test
    void seededShufflingIsReproducibleAndDiffersBetweenEpochs() {
        List<Integer> a1 = epoch(new BatchIterator(numbered(50), 8, LastBatch.KEEP, new Rng(42)));
        BatchIterator b = new BatchIterator(numbered(50), 8, LastBatch.KEEP, new Rng(42));
        List<Integer> b1 = epoch(b);
        assertEquals(a1, b1);
        assertNotEquals(b1, epoch(b), "a new epoch draws a new order");
        assertNotEquals(a1, epoch(new BatchIterator(numbered(50), 8, LastBatch.KEEP, new Rng(43))));
        List<Integer> sorted = new ArrayList<>(a1);
        sorted.sort(null);
        assertNotEquals(sorted, a1);
        List<Integer> plain = epoch(new BatchIterator(numbered(50), 8, LastBatch.KEEP, null));
        assertEquals(sorted, plain, "without a generator the file order is kept");
    }

    @Test
    void reusesOneMatrixForEveryBatch() {
        BatchIterator it = new BatchIterator(numbered(25), 10, LastBatch.KEEP, new Rng(1));
        FMatrixRMaj x = it.x();
        float[] array = x.data;
        while (it.next()) {
            assertSame(x, it.x());
            assertSame(array, it.x().data);
        }
        assertEquals(5, x.numRows);
    }

    @Test
    void dynamicBinarizationSamplesBernoulliPerBatch() {
        FMatrixRMaj x = new FMatrixRMaj(1000, 4);
        Arrays.fill(x.data, 0.25f);
        BatchIterator it = new BatchIterator(new Dataset("p", "test", x, null, 0, 0), 1000, LastBatch.KEEP, null)
                .binarizeEachBatch(new Rng(9));
        assertTrue(it.next());
        float[] first = it.x().data.clone();
        double mean = 0;
        for (float v : first) {
            assertTrue(v == 0f || v == 1f);
            mean += v / first.length;
        }
        // 4000 draws of Bernoulli(0.25): sd of the mean = sqrt(0.25·0.75/4000) ≈ 0.0068
        assertEquals(0.25, mean, 4 * 0.0068);
        assertFalse(it.next());
        assertTrue(it.next());
        assertFalse(Arrays.equals(first, it.x().data), "each epoch draws a fresh binarization");
        assertEquals(0.25f, x.data[0], "the dataset itself is untouched");
    }

    @Test
    void splitsAreDisjointCoverEverythingAndAreSeeded() {
        Dataset all = numbered(1000);
        DataSplits s = DataSplits.random(all, 0.1, 0.2, 7);
        assertEquals(700, s.train().size());
        assertEquals(100, s.validation().size());
        assertEquals(200, s.test().size());
        boolean[] seen = new boolean[1000];
        for (Dataset d : List.of(s.train(), s.validation(), s.test())) {
            for (int i = 0; i < d.size(); i++) {
                int e = (int) d.x().get(i, 0);
                assertFalse(seen[e], "example " + e + " is in two splits");
                seen[e] = true;
                assertEquals(e % 7, d.labels()[i]);
            }
        }
        DataSplits again = DataSplits.random(all, 0.1, 0.2, 7);
        assertArrayEquals(s.test().x().data, again.test().x().data);
        assertFalse(Arrays.equals(s.test().x().data, DataSplits.random(all, 0.1, 0.2, 8).test().x().data));
    }
}
