package org.genscope.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genscope.compare.Evaluator;
import org.genscope.compare.Figure;
import org.genscope.data.DataFormatException;
import org.genscope.data.Dataset;
import org.genscope.data.SampleData;
import org.genscope.made.Made;
import org.genscope.made.MadeConfig;
import org.genscope.made.MadeFile;

/** {@code genscope eval made MODEL [--data FILE] [--ensemble N]}: test NLL of a saved MADE (the Compare view's figures). */
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
        Map<String, String> o = Options.parse(args, "data", "ensemble", "binarize", "columns", "label", "resize", "invert");
        String file = Options.positional(o, "MODEL file");
        Options.integer(o, "ensemble", 1, 1, MadeConfig.MAX_MASKS);
        Made made = load(file);
        int k = made.numMasks();
        int ensemble = (int) Options.integer(o, "ensemble", k, 1, k);
        Dataset data = data(o, out);
        if (data.dimension() != made.inputs()) {
            throw new CliException(data.source() + ": " + data.dimension() + " features, the model has " + made.inputs() + " inputs");
        }
        if (made.family().binary()) MadeData.requireBinary(data);
        List<Figure> figures = Figures.of(() -> Evaluator.made(made, data.x(), ensemble, file, data.source()));
        out.printf(Locale.ROOT, "data %s%n", data);
        out.printf(Locale.ROOT, "NLL %s nats (mask 0)%n", figures.get(0).formatted());
        if (ensemble > 1) out.printf(Locale.ROOT, "NLL %s nats (ensemble of %d masks)%n", figures.get(1).formatted(), ensemble);
        return 0;
    }

    static Made load(String file) throws CliException {
        return CliFiles.model(file, MadeFile::load);
    }

    private static Dataset data(Map<String, String> o, PrintStream out) throws UsageException, CliException {
        Dataset d;
        if (o.containsKey("data")) {
            d = MadeData.read(o, "data", out);
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
