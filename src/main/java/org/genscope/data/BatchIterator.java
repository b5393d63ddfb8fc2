package org.genscope.data;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Rng;

/**
 * Mini-batches over a dataset, one epoch after another, filling ONE reusable matrix: no allocation per batch.
 *
 * <pre>{@code
 * BatchIterator it = new BatchIterator(train, 100, LastBatch.KEEP, new Rng(seed));
 * for (int epoch = 0; epoch < 10; epoch++) {
 *     while (it.next()) model.step(it.x());          // it.x() is it.size() × D
 * }
 * }</pre>
 *
 * <p>Each epoch visits every example exactly once, in an order shuffled by the seeded {@link Rng} (or in file
 * order when the generator is {@code null}). {@link #next()} returns {@code false} once the epoch is done; the
 * following call starts the next epoch with a fresh shuffle. Last partial batch policy: {@link LastBatch#KEEP}
 * returns it as a smaller batch ({@code x()} is reshaped to fewer rows; its array is not reallocated),
 * {@link LastBatch#DROP} skips it, so every batch is full but up to {@code batchSize − 1} examples per epoch are
 * not seen (different ones each epoch when shuffling).
 */
public final class BatchIterator {
    /** What to do with the last {@code N mod batchSize} examples of an epoch. */
    public enum LastBatch { KEEP, DROP }

    private final Dataset data;
    private final int batchSize;
    private final LastBatch last;
    private final Rng rng;
    private final int[] order;
    private final FMatrixRMaj x;
    private final int[] labels;
    private Rng binarizeRng;
    private int cursor;
    private int epoch;
    private boolean epochOpen;

    /** @param rng the shuffling generator (advanced once per epoch), or {@code null} for file order */
    public BatchIterator(Dataset data, int batchSize, LastBatch last, Rng rng) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be ≥ 1: " + batchSize);
        this.data = data;
        this.batchSize = batchSize;
        this.last = last;
        this.rng = rng;
        this.order = new int[data.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        this.x = new FMatrixRMaj(batchSize, data.dimension());
        this.labels = data.hasLabels() ? new int[batchSize] : null;
    }

    /**
     * Dynamic binarization: each batch gets a fresh sample x̃ ~ Bernoulli(x) of the pixel intensities (which must
     * lie in [0,1]), as in Burda et al. 2016 (IWAE); {@code null} turns it off. Returns this.
     */
    public BatchIterator binarizeEachBatch(Rng sampler) {
        this.binarizeRng = sampler;
        return this;
    }

    /** Fills the next batch; {@code false} at the end of an epoch (the next call starts a new one). */
    public boolean next() {
        if (!epochOpen) {
            if (rng != null) rng.shuffle(order);   // a shuffle of any permutation is a uniform permutation
            cursor = 0;
            epochOpen = true;
        }
        int n = Math.min(batchSize, order.length - cursor);
        if (n == 0 || n < batchSize && last == LastBatch.DROP) {
            epochOpen = false;
            epoch++;
            return false;
        }
        fill(n);
        cursor += n;
        return true;
    }

    private void fill(int n) {
        int d = data.dimension();
        data.rows(order, cursor, n, x);                // keeps the array: capacity is batchSize × d
        for (int i = 0; labels != null && i < n; i++) labels[i] = data.labels()[order[cursor + i]];
        if (binarizeRng != null) {
            // x̃_j = 1 with probability x_j, else 0
            for (int k = 0; k < n * d; k++) x.data[k] = binarizeRng.nextFloat() < x.data[k] ? 1f : 0f;
        }
    }

    /** The current batch, {@link #size()} × D. Reused: copy it if you keep it past the next call. */
    public FMatrixRMaj x() {
        return x;
    }

    /** Labels of the current batch in the first {@link #size()} entries (reused), or {@code null}. */
    public int[] labels() {
        return labels;
    }

    /** Rows in the current batch. */
    public int size() {
        return x.numRows;
    }

    /** Dataset indices of the current batch's rows (a view of the shuffled order). */
    public int index(int row) {
        return order[cursor - x.numRows + row];
    }

    /** Completed epochs. */
    public int epoch() {
        return epoch;
    }

    /** Batches {@link #next()} yields per epoch under the last-batch policy. */
    public int batchesPerEpoch() {
        int full = order.length / batchSize;
        return last == LastBatch.KEEP && order.length % batchSize != 0 ? full + 1 : full;
    }
}
