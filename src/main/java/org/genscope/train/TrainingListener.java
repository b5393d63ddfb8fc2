package org.genscope.train;

/**
 * Per-step events, as minGPT's trainer callbacks: for the CLI's progress lines, logs and tests. Called on the
 * training thread after the event; keep them fast, and never touch UI objects from them (read snapshots instead).
 */
public interface TrainingListener {
    /** After optimizer step {@code step} (1 for the first), whose batch loss was {@code loss}. */
    default void onStep(long step, int epoch, double loss) {}

    /** After the validation loss was computed at {@code step}. */
    default void onValidation(long step, double loss) {}

    /** After epoch {@code epoch} (1 for the first) completed. */
    default void onEpochEnd(int epoch, long step) {}

    /** After the job entered {@code state}; {@code message} explains FAILED, else null. */
    default void onStateChange(JobState state, String message) {}
}
