package org.genscope.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genscope.data.DataFormatException;
import org.genscope.data.Dataset;
import org.genscope.data.SampleData;
import org.genscope.made.Made;
import org.genscope.made.MadeConfig;
import org.genscope.made.MadeFile;

/** {@code genscope eval made MODEL [--data FILE] [--ensemble N]}: test NLL of a saved MADE. */
final class MadeEval implements ModelVerb {
    @Override
    public String usage() {
        return """
                genscope eval made MODEL.safetensors [--data FILE [--columns A,B,...] [--label NAME|none]]
                                   [--binarize T] [--ensemble N]
                  Prints the mean negative log-likelihood (nats per example) of the data under the model: with
                  mask 0, and for a model trained with K > 1 masks with the ensemble of the first N masks (default
                  K), which averages probabilities. Default data: the binarized MNIST test set (10k).
                  --binarize T: 1 where the intensity is above T in [0, 1] (grey levels 0..255 divided by 255,
                  values in [0, 1] as they are, other ranges scaled by the file's min and max), as in train made.
                %s
                """.formatted(MadeData.columnsHelp("  "));
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Map<String, String> o = Options.parse(args, "data", "ensemble", "binarize", "columns", "label");
        String file = Options.positional(o, "MODEL file");
        Options.integer(o, "ensemble", 1, 1, MadeConfig.MAX_MASKS);
        Made made = load(file);
        int k = made.numMasks();
        int ensemble = (int) Options.integer(o, "ensemble", k, 1, k);
        Dataset data = data(o);
        if (data.dimension() != made.inputs()) {
            throw new CliException(data.source() + ": " + data.dimension() + " features, the model has " + made.inputs() + " inputs");
        }
        if (made.family().binary()) MadeData.requireBinary(data);
        double nll = Finite.meanNll(made.logLikelihoods(data.x()), file, data.source());
        double ensembleNll = ensemble > 1 ? Finite.meanNll(made.ensembleLogLikelihoods(data.x(), ensemble), file, data.source()) : nll;
        out.printf(Locale.ROOT, "data %s%n", data);
        out.printf(Locale.ROOT, "NLL %.4f nats (mask 0)%n", nll);
        if (ensemble > 1) out.printf(Locale.ROOT, "NLL %.4f nats (ensemble of %d masks)%n", ensembleNll, ensemble);
        return 0;
    }

    static Made load(String file) throws CliException {
        return CliFiles.model(file, MadeFile::load);
    }

    private static Dataset data(Map<String, String> o) throws UsageException, CliException {
        Dataset d;
        if (o.containsKey("data")) {
            d = MadeData.read(o.get("data"), MadeData.columns(o, "data"));
        } else {
            try {
                d = SampleData.binarizedMnist().test();
            } catch (DataFormatException e) {
                throw new CliException(e.getMessage().replace('\n', ' '));
            }
        }
        if (o.containsKey("binarize")) d = org.genscope.data.Binarization.threshold(d, MadeData.threshold(o));
        return d;
    }
}
