package org.genscope.train;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import org.genscope.nn.Param;

/**
 * Early stopping on the validation loss, as a training listener (Prechelt 1998, "Early stopping — but when?"):
 * it keeps a copy of the parameters at the best validation loss so far and asks the job to stop after
 * {@code patience} validations in a row without a new best (0 = never), or once an optional time budget is used
 * up. After the job ends, {@link #restoreBest} puts the best parameters back. The job's own divergence guard is
 * separate: this listener only ends runs that stopped improving.
 *
 * <pre>{@code
 * EarlyStopping stop = new EarlyStopping(task.params(), 30, job::stop);
 * stop.setTimeBudget(Duration.ofMinutes(25));
 * job.addListener(stop);
 * job.start();
 * stop.restoreBest();            // then evaluate the test set with the best-validation parameters
 * }</pre>
 */
public final class EarlyStopping implements TrainingListener {
    private final List<Param> params;
    private final int patience;
    private final Runnable stop;
    private final LongSupplier clock;
    private final long start;
    private final float[][] best;
    private long budgetNanos = Long.MAX_VALUE;
    private boolean outOfTime;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private int epochs;
    private int worse;

    /**
     * @param patience validations without a new best before {@code stop} runs; 0 = never
     * @param stop     asks the job to stop (e.g. {@code job::stop}); may be called more than once
     */
    public EarlyStopping(List<Param> params, int patience, Runnable stop) {
        this(params, patience, stop, System::nanoTime);
    }

    /** With an explicit clock (nanoseconds) for the time budget, for tests. */
    public EarlyStopping(List<Param> params, int patience, Runnable stop, LongSupplier nanoClock) {
        if (patience < 0) throw new IllegalArgumentException("patience must be ≥ 0 (0 = off), got " + patience);
        this.params = List.copyOf(params);
        this.patience = patience;
        this.stop = stop;
        this.clock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.best = new float[params.size()][];
    }

    /** Also stop (after the current step) once training has run this long since construction; the best still counts. */
    public void setTimeBudget(Duration budget) {
        budgetNanos = budget.toNanos();
    }

    @Override
    public void onStep(long step, int epoch, double loss) {
        if (!outOfTime && clock.getAsLong() - start > budgetNanos) {
            outOfTime = true;
            stop.run();
        }
    }

    @Override
    public void onValidation(long step, double loss) {
        if (loss < bestLoss) {
            bestLoss = loss;
            bestEpoch = epochs + 1;
            worse = 0;
            for (int i = 0; i < best.length; i++) best[i] = params.get(i).value.data.clone();
        } else {
            worse++;
        }
        if (patience > 0 && worse >= patience) stop.run();
    }

    @Override
    public void onEpochEnd(int epoch, long step) {
        epochs = epoch;
    }

    /** For a run resumed from a checkpoint: {@code epochsDone} epochs were completed before, so epochs count on from there. */
    public void resumedAfter(int epochsDone) {
        epochs = epochsDone;
    }

    /** Puts the parameters of the best validation back (no-op if there was no validation). */
    public void restoreBest() {
        if (best.length == 0 || best[0] == null) return;
        for (int i = 0; i < best.length; i++) System.arraycopy(best[i], 0, params.get(i).value.data, 0, best[i].length);
    }

    /** Whether the time budget ended the training. */
    public boolean outOfTime() {
        return outOfTime;
    }

    /** The best validation loss so far (+∞ before the first). */
    public double best() {
        return bestLoss;
    }

    /** The epoch (1 for the first) during which the best validation loss was measured; 0 before the first. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** Epochs completed. */
    public int epochs() {
        return epochs;
    }
}
