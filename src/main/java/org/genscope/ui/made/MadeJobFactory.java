package org.genscope.ui.made;

import java.time.Duration;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.made.Conditional;
import org.genscope.made.Connectivity;
import org.genscope.made.Made;
import org.genscope.made.MadeConfig;
import org.genscope.made.MadePayload;
import org.genscope.made.MadeTrainable;
import org.genscope.nn.OptimizerKind;
import org.genscope.train.TaskExecutor;
import org.genscope.train.TrainConfig;
import org.genscope.train.TrainingJob;

/**
 * Turns the workspace's settings into a training job: the network the user built is mask 0 (hand edits included);
 * with K &gt; 1 masks the others are drawn by the same rules (with their own orderings if order-agnostic).
 */
final class MadeJobFactory {
    /** Validation uses at most this many held-out examples and ensemble masks, so evaluating stays quick. */
    static final int VALIDATION_EXAMPLES = 2000;
    static final int VALIDATION_MASKS = 8;
    /** Mixture components of the conditionals for 2D data. */
    static final int COMPONENTS = 5;

    /** Training settings as typed by the user, validated with messages a user can act on. */
    record Settings(int masks, boolean orderAgnostic, OptimizerKind optimizer, double learningRate, int epochs,
                    int batch, long seed) {
        Settings {
            if (masks < 1 || masks > 64) throw new IllegalArgumentException("Masks: 1..64 (the paper uses up to 32).");
            if (!(learningRate > 0 && learningRate <= 1)) {
                throw new IllegalArgumentException("Learning rate: a number in (0, 1], e.g. 0.001.");
            }
            if (epochs < 1 || epochs > 10_000) throw new IllegalArgumentException("Epochs: 1..10000.");
            if (batch < 1 || batch > 10_000) throw new IllegalArgumentException("Batch: 1..10000.");
        }

        static double parseRate(String text) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Learning rate: '" + text + "' is not a number (e.g. 0.001).");
            }
        }
    }

    private MadeJobFactory() {}

    static MadeConfig config(MadeSource data, Connectivity c, boolean direct, MadeBuilderModel b, Settings s) {
        int[] widths = new int[c.hiddenLayers()];
        for (int l = 1; l <= widths.length; l++) widths[l - 1] = c.width(l);
        Conditional cond = data.binary() ? Conditional.BERNOULLI : Conditional.MIXTURE;
        return new MadeConfig(c.inputs(), widths, b.orderingKind(), b.customOrdering(), b.ruleProperty().get(),
                b.softmaxLProperty().get(), direct, s.masks(), s.orderAgnostic(), cond,
                cond == Conditional.MIXTURE ? COMPONENTS : 1, "relu", s.seed());
    }

    /** The model: the built network as mask 0, K−1 more and the weights drawn as {@code genscope train made} does. */
    static Made model(MadeConfig config, Connectivity built) {
        return Made.withFirstMask(config, built);
    }

    static TrainingJob<MadePayload> job(Made made, DataSplits splits, Settings s, TaskExecutor executor) {
        Dataset valid = splits.validation().head(Math.min(VALIDATION_EXAMPLES, splits.validation().size()));
        MadeTrainable task = new MadeTrainable(made, splits.train(), valid, Math.min(VALIDATION_MASKS, s.masks()));
        int batch = Math.min(s.batch(), splits.train().size());
        long stepsPerEpoch = splits.train().size() / batch;
        TrainConfig config = TrainConfig.builder().epochs(s.epochs()).batchSize(batch).seed(s.seed())
                .evalEvery(Math.max(1, stepsPerEpoch / 2)).payloadInterval(Duration.ofMillis(700)).build();
        return new TrainingJob<>(task, s.optimizer().create(made.params(), s.learningRate()), config, executor);
    }
}
