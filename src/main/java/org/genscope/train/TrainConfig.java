package org.genscope.train;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a job trains, independent of the model (minGPT's {@code Trainer.get_default_config}):
 * {@code TrainConfig.builder().epochs(20).batchSize(100).seed(1).build()}; unset fields keep their defaults.
 *
 * @param epochs           passes over the training set (ignored when {@code maxSteps > 0})
 * @param maxSteps         if positive, train exactly this many steps instead of {@code epochs} epochs
 * @param batchSize        examples per step; an epoch is {@code trainingSize / batchSize} steps (the remainder
 *                         is left out of that epoch; each epoch draws a fresh permutation)
 * @param seed             seeds the data order and the model's randomness
 * @param evalEvery        validation every this many steps; 0 = at the end of every epoch
 * @param snapshotInterval least time between two progress snapshots (state changes publish at once)
 * @param payloadInterval  least time between two rebuilds of the model's payload (samples cost time)
 * @param backupEvery      keep a copy of the parameters every this many steps, restored if an update itself
 *                         overflows them; 1 makes that restore exact (see {@link TrainingJob})
 * @param historyCapacity  at most this many points per loss curve (older points are averaged pairwise)
 * @param checkpointEvery  write a checkpoint to {@code checkpointPath} every this many steps; 0 = never
 * @param checkpointPath   where periodic checkpoints go (replaced atomically each time), or null
 */
public record TrainConfig(int epochs, long maxSteps, int batchSize, long seed, long evalEvery,
                          Duration snapshotInterval, Duration payloadInterval, int backupEvery, int historyCapacity,
                          long checkpointEvery, Path checkpointPath) {

    public TrainConfig {
        if (maxSteps < 0 || (maxSteps == 0 && epochs < 1)) throw new IllegalArgumentException("need epochs ≥ 1 or maxSteps > 0");
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        if (evalEvery < 0 || backupEvery < 1 || checkpointEvery < 0) {
            throw new IllegalArgumentException("evalEvery/checkpointEvery ≥ 0 and backupEvery ≥ 1 required");
        }
        if (snapshotInterval.isNegative() || payloadInterval.isNegative()) throw new IllegalArgumentException("negative interval");
        if (historyCapacity < 2 || historyCapacity % 2 != 0) {
            throw new IllegalArgumentException("history capacity must be even and ≥ 2: " + historyCapacity);
        }
        if (checkpointEvery > 0 && checkpointPath == null) throw new IllegalArgumentException("checkpointEvery needs a path");
    }

    /** 10 epochs of batches of 100, seed 42, ~30 snapshots/s, a payload per second, backups every 100 steps. */
    public static TrainConfig defaults() {
        return new TrainConfig(10, 0, 100, 42, 0, Duration.ofMillis(33), Duration.ofSeconds(1), 100, 2048, 0, null);
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.epochs = epochs;
        b.maxSteps = maxSteps;
        b.batchSize = batchSize;
        b.seed = seed;
        b.evalEvery = evalEvery;
        b.snapshotInterval = snapshotInterval;
        b.payloadInterval = payloadInterval;
        b.backupEvery = backupEvery;
        b.historyCapacity = historyCapacity;
        b.checkpointEvery = checkpointEvery;
        b.checkpointPath = checkpointPath;
        return b;
    }

    /** Sets fields by name; {@link #build} validates. */
    public static final class Builder {
        private int epochs;
        private long maxSteps;
        private int batchSize;
        private long seed;
        private long evalEvery;
        private Duration snapshotInterval;
        private Duration payloadInterval;
        private int backupEvery;
        private int historyCapacity;
        private long checkpointEvery;
        private Path checkpointPath;

        private Builder() {}

        /** Train this many epochs (and not a fixed number of steps). */
        public Builder epochs(int v) { epochs = v; maxSteps = 0; return this; }
        public Builder maxSteps(long v) { maxSteps = v; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder evalEvery(long steps) { evalEvery = steps; return this; }
        public Builder snapshotInterval(Duration v) { snapshotInterval = v; return this; }
        public Builder payloadInterval(Duration v) { payloadInterval = v; return this; }
        public Builder backupEvery(int steps) { backupEvery = steps; return this; }
        public Builder historyCapacity(int points) { historyCapacity = points; return this; }
        public Builder checkpoints(long every, Path path) { checkpointEvery = every; checkpointPath = path; return this; }

        public TrainConfig build() {
            return new TrainConfig(epochs, maxSteps, batchSize, seed, evalEvery, snapshotInterval, payloadInterval,
                    backupEvery, historyCapacity, checkpointEvery, checkpointPath);
        }
    }
}
