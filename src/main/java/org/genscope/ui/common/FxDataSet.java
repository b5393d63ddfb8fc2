package org.genscope.ui.common;

import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.locks.DataSetLock;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.function.Supplier;

/**
 * A ChartFX data set that lives on the FX thread only, without ChartFX's read/write lock. ChartFX 11.3 read-locks the
 * data sets of a chart from a pulse's pre-layout to its post-layout (and in {@code layoutChildren}); a chart laid out
 * without the matching post-layout — one that leaves the scene in between, or is laid out outside a pulse — keeps its
 * read lock, and the next write then waits forever on the FX thread that holds it: the window froze in
 * {@code DoubleDataSet.clearData} while a workspace was shown again during training. Every read and write of
 * Genscope's chart data happens on the FX thread (snapshots are copied in by the per-frame drain), so the lock guards
 * nothing here and is replaced by one that only runs what it is given.
 */
public final class FxDataSet extends DoubleDataSet {
    private final transient DataSetLock<FxDataSet> unlocked = new Unlocked<>(this);

    public FxDataSet(String name) {
        super(name);
    }

    @Override
    public DataSetLock<FxDataSet> lock() {
        return unlocked;
    }

    /** Guards that run their code and nothing else: the data set is confined to one thread. */
    private record Unlocked<D extends DataSet>(D dataSet) implements DataSetLock<D> {
        @Override
        public D readLock() {
            return dataSet;
        }

        @Override
        public D readLockGuard(Runnable reading) {
            reading.run();
            return dataSet;
        }

        @Override
        public <R> R readLockGuard(Supplier<R> reading) {
            return reading.get();
        }

        @Override
        public D readLockGuardOptimistic(Runnable reading) {
            reading.run();
            return dataSet;
        }

        @Override
        public <R> R readLockGuardOptimistic(Supplier<R> reading) {
            return reading.get();
        }

        @Override
        public D readUnLock() {
            return dataSet;
        }

        @Override
        public D writeLock() {
            return dataSet;
        }

        @Override
        public D writeLockGuard(Runnable writing) {
            writing.run();
            return dataSet;
        }

        @Override
        public <R> R writeLockGuard(Supplier<R> writing) {
            return writing.get();
        }

        @Override
        public D writeUnLock() {
            return dataSet;
        }
    }
}
