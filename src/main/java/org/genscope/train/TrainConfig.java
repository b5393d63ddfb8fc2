package org.genscope.train;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a job trains, independent of the model (minGPT's {@code Trainer.get_default_config}). Start from
 * {@link #defaults()} and change fields with the {@code with...} methods.
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

    public TrainConfig withEpochs(int e) {
        return new TrainConfig(e, 0, batchSize, seed, evalEvery, snapshotInterval, payloadInterval, backupEvery,
                historyCapacity, checkpointEvery, checkpointPath);
    }

    public TrainConfig withMaxSteps(long s) {
        return new TrainConfig(epochs, s, batchSize, seed, evalEvery, snapshotInterval, payloadInterval, backupEvery,
                historyCapacity, checkpointEvery, checkpointPath);
    }

    public TrainConfig withBatchSize(int b) {
        return new TrainConfig(epochs, maxSteps, b, seed, evalEvery, snapshotInterval, payloadInterval, backupEvery,
                historyCapacity, checkpointEvery, checkpointPath);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(epochs, maxSteps, batchSize, s, evalEvery, snapshotInterval, payloadInterval, backupEvery,
                historyCapacity, checkpointEvery, checkpointPath);
    }

    public TrainConfig withEvalEvery(long steps) {
        return new TrainConfig(epochs, maxSteps, batchSize, seed, steps, snapshotInterval, payloadInterval, backupEvery,
                historyCapacity, checkpointEvery, checkpointPath);
    }

    public TrainConfig withSnapshotInterval(Duration d) {
        return new TrainConfig(epochs, maxSteps, batchSize, seed, evalEvery, d, payloadInterval, backupEvery,
                historyCapacity, checkpointEvery, checkpointPath);
    }

    public TrainConfig withPayloadInterval(Duration d) {
        return new TrainConfig(epochs, maxSteps, batchSize, seed, evalEvery, snapshotInterval, d, backupEvery,
                historyCapacity, checkpointEvery, checkpointPath);
    }

    public TrainConfig withBackupEvery(int steps) {
        return new TrainConfig(epochs, maxSteps, batchSize, seed, evalEvery, snapshotInterval, payloadInterval, steps,
                historyCapacity, checkpointEvery, checkpointPath);
    }

    public TrainConfig withHistoryCapacity(int points) {
        return new TrainConfig(epochs, maxSteps, batchSize, seed, evalEvery, snapshotInterval, payloadInterval,
                backupEvery, points, checkpointEvery, checkpointPath);
    }

    public TrainConfig withCheckpoints(long every, Path path) {
        return new TrainConfig(epochs, maxSteps, batchSize, seed, evalEvery, snapshotInterval, payloadInterval,
                backupEvery, historyCapacity, every, path);
    }
}
