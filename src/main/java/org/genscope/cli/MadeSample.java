package org.genscope.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genscope.made.Made;
import org.genscope.made.MadeFile;
import org.genscope.nn.Rng;

/** {@code genscope sample made MODEL [--n 16] [--out FILE]}: ancestral samples as a PNG grid or CSV. */
final class MadeSample implements ModelVerb {
    @Override
    public String usage() {
        return """
                genscope sample made MODEL.safetensors [--n 16] [--out samples.png|samples.csv] [--seed 1]
                                     [--mask K] [--image ROWSxCOLS] [--columns C] [--scale S]
                  Draws n samples by ancestral sampling in the model's ordering (mask K, default 0). Image
                  models (trained on images, or given --image) write a PNG grid (C per row, each pixel S×S);
                  other models, or an --out ending in .csv, write one sample per CSV row.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Map<String, String> o = Options.parse(args, "n", "out", "seed", "mask", "image", "columns", "scale");
        String file = Options.positional(o, "MODEL file");
        int n = (int) Options.integer(o, "n", 16, 1, 100_000);
        long seed = Options.integer(o, "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        Options.integer(o, "columns", 1, 1, 10_000);
        Options.integer(o, "scale", 1, 1, 32);
        Made made = MadeEval.load(file);
        made.useMask((int) Options.integer(o, "mask", 0, 0, made.numMasks() - 1));
        int[] shape = ImageShape.of(o, file, made.inputs(), MadeFile.IMAGE);
        Path target = CliFiles.output(o.getOrDefault("out", SampleFile.defaultName(shape)), "out", SampleFile.defaultName(shape));
        float[] s = made.sample(n, new Rng(seed));
        Finite.samples(s, made.inputs(), file);
        SampleFile.write(target, s, n, made.inputs(), shape, o, file);
        out.println("wrote " + n + " samples to " + target);
        return 0;
    }
}
