package org.genscope.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.genscope.train.EarlyStopping;
import org.genscope.train.TrainingListener;

/**
 * The train commands' progress lines, each with the mean training loss since the line before: one per epoch for
 * {@code train made} (with the best validation so far, from its {@link EarlyStopping}), one per validation for
 * {@code train flow}.
 */
final class ProgressLines implements TrainingListener {
    private final PrintStream out;
    private final EarlyStopping stop;                      // per epoch; null: per validation
    private final long start = System.nanoTime();
    private double lastLoss = Double.NaN;
    private double sum;
    private long count;

    private ProgressLines(PrintStream out, EarlyStopping stop) {
        this.out = out;
        this.stop = stop;
    }

    /** {@code epoch N  train …  valid …  best … @E  T s}; add it after {@code stop}. */
    static ProgressLines perEpoch(PrintStream out, EarlyStopping stop) {
        return new ProgressLines(out, stop);
    }

    /** {@code step N  train …  valid …  T s}. */
    static ProgressLines perValidation(PrintStream out) {
        return new ProgressLines(out, null);
    }

    @Override
    public void onStep(long step, int epoch, double loss) {
        sum += loss;
        count++;
    }

    @Override
    public void onValidation(long step, double loss) {
        lastLoss = loss;
        if (stop == null) {
            out.printf(Locale.ROOT, "step %7d  train %.4f  valid %.4f  %.1f s%n", step, takeMean(), loss, seconds());
        }
    }

    @Override
    public void onEpochEnd(int epoch, long step) {
        if (stop != null && Double.isNaN(lastLoss)) {             // no validation data
            out.printf(Locale.ROOT, "epoch %4d  train %.4f  %.0f s%n", epoch, takeMean(), seconds());
        } else if (stop != null) {
            out.printf(Locale.ROOT, "epoch %4d  train %.4f  valid %.4f  best %.4f @%d  %.0f s%n", epoch, takeMean(), lastLoss,
                    stop.best(), stop.bestEpoch(), seconds());
        }
    }

    /** The mean training loss since the last line; starts the next mean. */
    private double takeMean() {
        double mean = sum / Math.max(1, count);
        sum = 0;
        count = 0;
        return mean;
    }

    private double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
