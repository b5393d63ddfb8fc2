package org.genscope.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.genscope.nn.Param;
import org.genscope.train.TrainingListener;

/**
 * Early stopping on the validation loss, as a training listener: keeps a copy of the parameters at the best
 * validation loss so far and asks the job to stop after {@code patience} validations without improvement
 * (0 = never); prints one line per epoch when given a stream.
 */
final class EarlyStopping implements TrainingListener {
    private final List<Param> params;
    private final int patience;
    private final Runnable stop;
    private final PrintStream out;
    private final float[][] best;
    private final long start = System.nanoTime();
    private long budgetNanos = Long.MAX_VALUE;
    private boolean outOfTime;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private double lastLoss = Double.NaN;
    private int bestEpoch;
    private int epochs;
    private int worse;
    private double sum;
    private long count;

    EarlyStopping(List<Param> params, int patience, Runnable stop, PrintStream out) {
        this.params = params;
        this.patience = patience;
        this.stop = stop;
        this.out = out;
        this.best = new float[params.size()][];
    }

    /** Also stop (after the current step) once training has run this long; the best parameters still count. */
    void setTimeBudget(double minutes) {
        budgetNanos = (long) (minutes * 60e9);
    }

    @Override
    public void onStep(long step, int epoch, double loss) {
        sum += loss;
        count++;
        if (!outOfTime && System.nanoTime() - start > budgetNanos) {
            outOfTime = true;
            stop.run();
        }
    }

    /** Whether the time budget ended the training. */
    boolean outOfTime() {
        return outOfTime;
    }

    @Override
    public void onValidation(long step, double loss) {
        lastLoss = loss;
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
        if (out != null) {
            out.printf(Locale.ROOT, "epoch %4d  train %.4f  valid %.4f  best %.4f @%d  %.0f s%n", epoch, sum / Math.max(1, count),
                    lastLoss, bestLoss, bestEpoch, (System.nanoTime() - start) / 1e9);
        }
        sum = 0;
        count = 0;
    }

    /** Puts the best parameters back (no-op if there was no validation). */
    void restoreBest() {
        if (best[0] == null) return;
        for (int i = 0; i < best.length; i++) System.arraycopy(best[i], 0, params.get(i).value.data, 0, best[i].length);
    }

    double best() {
        return bestLoss;
    }

    int bestEpoch() {
        return bestEpoch;
    }

    int epochs() {
        return epochs;
    }
}
