package org.genscope.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.CsvWriter;
import org.genscope.data.Dataset;
import org.genscope.flow.FlowModel;
import org.genscope.nn.Rng;

/** {@code genscope sample flow MODEL [--n 1000] [--out samples.csv] [--seed 1]}: x = f⁻¹(z), z from the base. */
final class FlowSample implements ModelVerb {
    @Override
    public String usage() {
        return """
                genscope sample flow MODEL.safetensors [--n 1000] [--out samples.csv] [--seed 1]
                  Draws n samples x = f⁻¹(z), z from the base distribution, one per CSV row.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Map<String, String> o = Options.parse(args, "n", "out", "seed");
        String file = Options.positional(o, "MODEL file");
        int n = (int) Options.integer(o, "n", 1000, 1, 10_000_000);
        long seed = Options.integer(o, "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        Path target = CliFiles.output(o.getOrDefault("out", "samples.csv"), "out", "samples.csv");
        FlowModel m = FlowEval.load(file);
        FMatrixRMaj x = m.sample(n, new Rng(seed));
        Finite.samples(x.data, m.dimension(), file);
        CliFiles.write(target, f -> CsvWriter.write(f, new Dataset("samples", file, x, null, 0, 0)));
        out.println("wrote " + n + " samples to " + target);
        return 0;
    }
}
