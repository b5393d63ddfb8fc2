package org.genscope.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.flow.FlowSpec;
import org.genscope.made.Connectivity;
import org.genscope.made.MadeConfig;
import org.genscope.nn.OptimizerKind;
import org.genscope.vae.VaeConfig;
import org.genscope.wta.WtaConfig;

/**
 * What a {@code genscope train KIND …} command line trains, read by the command's own parser (the code its
 * {@code run} uses) without training: the data, the model's configuration and the training settings. The app's
 * Copy as command is checked against it ({@link TrainCommand}): the command it copies must parse to the run it made.
 */
public final class TrainSetup {
    private TrainSetup() {}

    /** {@code train made}: the data, the configuration, mask 0 (drawn from the seed or given) and the training. */
    public record Made(DataSplits data, MadeConfig config, Connectivity mask0, EpochTraining training, String init) {}

    /** {@code train flow}: the data, the layers (with the seed) and the training. */
    public record Flow(DataSplits data, FlowSpec spec, int steps, int batch, double lr, boolean cosine, long seed) {}

    /** {@code train vae}: the data, the configuration and the training. */
    public record Vae(DataSplits data, VaeConfig config, EpochTraining training, String schedule) {}

    /** {@code train wta}: the images, the autoencoder and the training. */
    public record Wta(Dataset train, Dataset validation, WtaConfig config, OptimizerKind optimizer, double lr,
                      double weightDecay, int batch,
                      int epochs, int patience, boolean keepLast, long seed) {}

    /** Parses the arguments after {@code genscope train made}; warnings (unreadable pictures) go to {@code out}. */
    public static Made made(List<String> args, PrintStream out) throws UsageException, CliException {
        return MadeTrain.setup(options(args, Options.joined(MadeTrain.OPTIONS, EpochTraining.OPTIONS)), out);
    }

    public static Flow flow(List<String> args, PrintStream out) throws UsageException, CliException {
        return FlowTrain.setup(options(args, FlowTrain.OPTIONS), out);
    }

    public static Vae vae(List<String> args, PrintStream out) throws UsageException, CliException {
        return VaeTrain.setup(options(args, Options.joined(VaeTrain.OPTIONS, EpochTraining.OPTIONS)), out);
    }

    public static Wta wta(List<String> args, PrintStream out) throws UsageException, CliException {
        return WtaTrain.setup(options(args, WtaTrain.OPTIONS), out);
    }

    private static Map<String, String> options(List<String> args, String... allowed) throws UsageException {
        Map<String, String> o = Options.parse(args, allowed);
        Options.noPositional(o);
        return o;
    }
}
