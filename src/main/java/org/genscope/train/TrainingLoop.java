package org.genscope.train;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.genscope.nn.Optimizer;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;

/**
 * The training state and one optimizer step with its NaN guard; single-threaded (owned by whichever thread
 * {@link TrainingJob} runs it on). Everything here goes into a checkpoint, so a resumed loop continues exactly.
 *
 * <p>NaN guard: the loss and every gradient are checked <em>before</em> the optimizer update, so a non-finite
 * loss or gradient leaves parameters and optimizer state exactly as after the previous step, at no copying cost
 * (one read-only scan of the gradients per step). Finite gradients can still overflow a parameter in the update
 * (e.g. plain SGD with an absurd learning rate); the parameters are scanned every {@code backupEvery} steps before
 * a copy of them is kept, and on any failure. Such an overflow restores the last copy (the optimizer state is not
 * rolled back; the job has FAILED anyway); {@code backupEvery = 1} makes that restore exact too.
 *
 * <p>Divergence guard ({@link DivergenceGuard}): the parameters of the best validation loss (the untrained model's
 * included) are kept; a validation loss that runs away from it ends the job with the reason and those parameters
 * put back.
 */
final class TrainingLoop<P> {
    final Trainable<P> task;
    final Optimizer optimizer;
    final TrainConfig config;
    final BatchOrder order;
    final Rng modelRng;
    final LossHistory trainHistory;
    final LossHistory validationHistory;
    final long totalSteps;

    long step;
    double lastLoss = Double.NaN;
    double lastValidation = Double.NaN;
    long elapsedNanos;
    long validatedAt = -1;
    private float[][] backup;
    private long backupStep;
    private final DivergenceGuard guard = new DivergenceGuard();
    private float[][] bestParams;
    private boolean referenced;

    TrainingLoop(Trainable<P> task, Optimizer optimizer, TrainConfig config) {
        Set<Param> mine = Collections.newSetFromMap(new IdentityHashMap<>());
        mine.addAll(task.params());
        Set<Param> its = Collections.newSetFromMap(new IdentityHashMap<>());
        its.addAll(optimizer.params());
        if (!mine.equals(its)) throw new IllegalArgumentException("the optimizer must update exactly the task's parameters");
        this.task = task;
        this.optimizer = optimizer;
        this.config = config;
        Rng root = new Rng(config.seed());
        this.order = new BatchOrder(task.trainingSize(), config.batchSize(), root.split());
        this.modelRng = root.split();
        this.trainHistory = new LossHistory(config.historyCapacity());
        this.validationHistory = new LossHistory(config.historyCapacity());
        this.totalSteps = config.maxSteps() > 0 ? config.maxSteps() : (long) config.epochs() * order.stepsPerEpoch();
        takeBackup();
    }

    boolean finished() {
        return step >= totalSteps;
    }

    int epoch() {
        return (int) (step / order.stepsPerEpoch());
    }

    boolean atEpochEnd() {
        return step % order.stepsPerEpoch() == 0;
    }

    boolean validationDue() {
        return config.evalEvery() > 0 ? step % config.evalEvery() == 0 : atEpochEnd();
    }

    /** One optimizer step; returns null, or why the job must stop (parameters then hold the last good values). */
    String step() {
        if (step == 0 && !referenced) reference();
        long number = step + 1;
        double loss = task.lossAndGradients(new Batch(step, epoch(), order.next(), modelRng));
        if (!Double.isFinite(loss)) return failure("loss became " + loss + " at step " + number);
        String badGrad = firstNonFinite(true);
        if (badGrad != null) return failure("gradient of '" + badGrad + "' became non-finite at step " + number);
        optimizer.step();
        step = number;
        lastLoss = loss;
        trainHistory.add(step, loss);
        if (step % config.backupEvery() == 0) {
            String badParam = firstNonFinite(false);
            if (badParam != null) return failure("parameter '" + badParam + "' became non-finite by step " + step);
            takeBackup();
        }
        return null;
    }

    /**
     * Why the job stops. The update of the failing step was not applied; if an earlier update had already made
     * a parameter non-finite (finite gradients can overflow it), the last backup is restored.
     */
    private String failure(String what) {
        zeroGrads();
        String badParam = firstNonFinite(false);
        if (badParam == null) return what + "; " + advice() + " Parameters are those after step " + step + ".";
        restoreBackup();
        return what + " ('" + badParam + "' had overflowed); " + advice() + " Parameters were restored to those after step "
                + backupStep + ".";
    }

    private String advice() {
        return "try a lower learning rate (now " + DivergenceGuard.brief(optimizer.learningRate()) + ") or a smaller initialisation.";
    }

    /** Computes and records the validation loss, if the task has one. */
    OptionalDouble validate() {
        OptionalDouble v = task.validationLoss();
        validatedAt = step;
        if (v.isPresent()) {
            lastValidation = v.getAsDouble();
            validationHistory.add(step, lastValidation);
            if (guard.improves(lastValidation, step)) keepBest();
        }
        return v;
    }

    /**
     * Null, or why the last validation loss means the run diverged; then the parameters of the best validation are
     * put back. Call after {@link #validate}.
     */
    String divergence() {
        String why = Double.isNaN(lastValidation) ? null : guard.check(lastValidation);
        if (why == null) return null;
        List<Param> params = task.params();
        for (int i = 0; i < params.size(); i++) System.arraycopy(bestParams[i], 0, params.get(i).value.data, 0, bestParams[i].length);
        zeroGrads();
        return why + "; " + advice() + " Parameters were restored to those of step " + guard.bestStep() + ".";
    }

    /**
     * The validation loss of the untrained model, seen only by the divergence guard (no curve point, no listener):
     * without it a run that explodes before its first evaluation would have nothing to diverge from.
     */
    private void reference() {
        referenced = true;
        OptionalDouble v = task.validationLoss();
        if (v.isPresent() && guard.improves(v.getAsDouble(), 0)) keepBest();
    }

    private void keepBest() {
        List<Param> params = task.params();
        if (bestParams == null) bestParams = new float[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            float[] v = params.get(i).value.data;
            if (bestParams[i] == null || bestParams[i].length != params.get(i).size()) bestParams[i] = new float[params.get(i).size()];
            System.arraycopy(v, 0, bestParams[i], 0, bestParams[i].length);
        }
    }

    private String firstNonFinite(boolean grads) {
        for (Param p : task.params()) {
            float[] a = grads ? p.grad.data : p.value.data;
            int n = p.size();
            for (int i = 0; i < n; i++) {
                if (!Float.isFinite(a[i])) return p.name;
            }
        }
        return null;
    }

    private void zeroGrads() {
        for (Param p : task.params()) p.zeroGrad();
    }

    void takeBackup() {
        List<Param> params = task.params();
        backup = new float[params.size()][];
        for (int i = 0; i < backup.length; i++) backup[i] = Arrays.copyOf(params.get(i).value.data, params.get(i).size());
        backupStep = step;
    }

    private void restoreBackup() {
        List<Param> params = task.params();
        for (int i = 0; i < params.size(); i++) System.arraycopy(backup[i], 0, params.get(i).value.data, 0, backup[i].length);
        zeroGrads();
    }
}
