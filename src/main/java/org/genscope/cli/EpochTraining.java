package org.genscope.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.genscope.nn.OptimizerKind;
import org.genscope.nn.Param;
import org.genscope.train.EarlyStopping;
import org.genscope.train.TrainingJob;

/**
 * What the epoch-based train commands ({@code train made}, {@code train vae}) share: the options --seed, --batch,
 * --epochs, --patience, --lr, --optimizer, --max-minutes, --quiet and --keep, and early stopping on the validation loss
 * with that patience and time budget, printing one line per epoch.
 */
public record EpochTraining(long seed, int batch, int epochs, int patience, double lr, OptimizerKind optimizer,
                     double budgetMinutes, boolean quiet, boolean keepLast) {
    /** The option names, for {@link Options#parse}. */
    static final List<String> OPTIONS = List.of("seed", "batch", "epochs", "patience", "lr", "optimizer", "max-minutes", "quiet", "keep");

    /** The options (seed 42, batch 100, {@code defaultEpochs}, patience 30, Adam at 1e-3, no budget). */
    static EpochTraining parse(Map<String, String> o, int defaultEpochs) throws UsageException {
        return new EpochTraining(Options.integer(o, "seed", 42, Long.MIN_VALUE, Long.MAX_VALUE),
                (int) Options.integer(o, "batch", 100, 1, 1_000_000),
                (int) Options.integer(o, "epochs", defaultEpochs, 1, 1_000_000),
                (int) Options.integer(o, "patience", 30, 0, 1_000_000),
                Options.number(o, "lr", 1e-3, 1e-12, 100), MadeTrain.optimizer(o),
                Options.number(o, "max-minutes", 0, 0, 1e7), Options.flag(o, "quiet"), keepLast(o));
    }

    /** {@code --keep best|last}: the parameters kept after training, the best validation's (default) or the last. */
    static boolean keepLast(Map<String, String> o) throws UsageException {
        return Options.choice(o, "keep", "best", "best", "last").equals("last");
    }

    /** Early stopping of {@code params} with the patience and time budget, and (unless quiet) the per-epoch lines, on the job. */
    EarlyStopping stopping(TrainingJob<?> job, List<Param> params, PrintStream out) {
        EarlyStopping stop = new EarlyStopping(params, patience, job::stop);
        if (budgetMinutes > 0) stop.setTimeBudget(Duration.ofNanos((long) (budgetMinutes * 60e9)));
        job.addListener(stop);
        if (!quiet) job.addListener(ProgressLines.perEpoch(out, stop));
        return stop;
    }
}
