package org.genscope.train;

/**
 * What a job looks like at one moment, immutable: the UI and the CLI read these, never the live model. Published
 * latest-wins by {@link TrainingJob}; {@code sequence} increases with every publication.
 *
 * @param step            optimizer steps completed
 * @param totalSteps      steps the job will run in all
 * @param epoch           epochs completed
 * @param trainLoss       loss of the latest batch (NaN before the first step)
 * @param validationLoss  latest validation loss (NaN if none yet or the task has none)
 * @param elapsedSeconds  training time, pauses excluded (continues across checkpoint resumes)
 * @param stepsPerSecond  recent speed (smoothed over ~2 s); 0 when unknown
 * @param etaSeconds      estimated time to the end at that speed; NaN when unknown
 * @param message         why the job FAILED, else null
 * @param payload         the model's view built on the training thread (may lag the step a little), or null
 */
public record Snapshot<P>(long sequence, JobState state, long step, long totalSteps, int epoch, long stepsPerEpoch,
                          double trainLoss, double validationLoss, Curve trainCurve, Curve validationCurve,
                          double learningRate, double elapsedSeconds, double stepsPerSecond, double etaSeconds,
                          String message, P payload) {

    /** Fraction of the job done, in [0, 1]. */
    public double progress() {
        return totalSteps == 0 ? 0 : (double) step / totalSteps;
    }
}
