package org.genscope.train;

import java.util.Arrays;
import org.genscope.nn.Rng;

/**
 * The data order: each epoch is a fresh random permutation of the example indices, cut into batches of equal
 * size; the remainder ({@code n mod batch}) is left out of that epoch. Its state (permutation, cursor, generator)
 * goes into checkpoints so a resumed job sees the same batches.
 */
final class BatchOrder {
    private final int[] order;
    private final int batch;
    private final Rng rng;
    private int cursor;

    BatchOrder(int n, int batchSize, Rng rng) {
        if (n < 1) throw new IllegalArgumentException("the training set is empty");
        this.order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        this.batch = Math.min(batchSize, n);
        this.rng = rng;
        this.cursor = n; // the first call shuffles
    }

    int stepsPerEpoch() {
        return order.length / batch;
    }

    int[] next() {
        if (cursor + batch > order.length) {
            rng.shuffle(order);
            cursor = 0;
        }
        cursor += batch;
        return Arrays.copyOfRange(order, cursor - batch, cursor);
    }

    int[] order() {
        return order.clone();
    }

    int cursor() {
        return cursor;
    }

    Rng rng() {
        return rng;
    }

    /** Continues from a saved permutation and cursor; refuses anything that is not a permutation of 0..n-1. */
    void restore(int[] savedOrder, int savedCursor) {
        if (savedOrder.length != order.length) {
            throw new IllegalArgumentException("data order has " + savedOrder.length + " examples, the task has " + order.length);
        }
        boolean[] seen = new boolean[order.length];
        for (int i : savedOrder) {
            if (i < 0 || i >= order.length || seen[i]) throw new IllegalArgumentException("data order is not a permutation");
            seen[i] = true;
        }
        if (savedCursor < 0 || savedCursor > order.length) throw new IllegalArgumentException("data cursor out of range");
        System.arraycopy(savedOrder, 0, order, 0, order.length);
        cursor = savedCursor;
    }
}
