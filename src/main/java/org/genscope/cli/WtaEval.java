package org.genscope.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genscope.compare.Evaluator;
import org.genscope.compare.Figure;
import org.genscope.data.Dataset;
import org.genscope.wta.WtaAutoencoder;
import org.genscope.wta.WtaFile;

/** {@code genscope eval wta MODEL}: reconstruction error and the linear classifier's test error of a saved WTA. */
final class WtaEval implements ModelVerb {
    @Override
    public String usage() {
        return """
                genscope eval wta MODEL.safetensors [--data FILE] [--probe true|false] [--probe-epochs 30]
                  Prints the reconstruction error (mean squared error per pixel, sparsity rules as in training, in
                  batches of 100) on MNIST t10k or --data, then trains a linear (softmax) classifier on the model's
                  features of the labelled 10k MNIST sample and prints its test error and confusion matrix on t10k.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Map<String, String> o = Options.parse(args, "data", "probe", "probe-epochs", "resize", "invert");
        String file = Options.positional(o, "MODEL file");
        int probeEpochs = (int) Options.integer(o, "probe-epochs", 30, 1, 100_000);
        boolean probe = !o.containsKey("probe") || Options.flag(o, "probe");
        WtaAutoencoder model = load(file);
        Dataset data = o.containsKey("data") ? WtaData.images(o, "data", out) : WtaData.sample(WtaData.Which.TEST);
        WtaData.requireFits(data, model.config(), file);
        out.printf(Locale.ROOT, "model %s (%s)%n", model.config().architecture(), model.config().sparsity());
        Figure mse = Figures.of(() -> Evaluator.reconstruction(model, data.x(), file));
        out.printf(Locale.ROOT, "reconstruction error on %s: %s per pixel%n", data, mse.formatted());
        if (probe) WtaProbeReport.run(model, probeEpochs, out);
        return 0;
    }

    static WtaAutoencoder load(String file) throws CliException {
        return CliFiles.model(file, WtaFile::load);
    }
}
