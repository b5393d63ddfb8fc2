package org.genscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genscope.wta.Filters;
import org.genscope.wta.WtaAutoencoder;

/**
 * {@code genscope filters wta MODEL --out filters.png}: the decoder's filters (28×28 for FC, 11×11 for conv) as a
 * PNG grid, each tile contrast-normalised on its own (its minimum black, its maximum white), as the paper shows
 * them.
 */
final class WtaFilters implements ModelVerb {
    @Override
    public String usage() {
        return """
                genscope filters wta MODEL.safetensors [--out filters.png] [--count N] [--columns C] [--scale S]
                  Writes the first N decoder filters (default all) as a PNG grid, C per row (default √N), each
                  pixel S×S (default 2 for 28×28 tiles, 4 for 11×11), each tile scaled from its own min to max (a filter
                  shrunk to nothing is flat grey);
                  prints the filters' median spread (participation ratio (Σw²)²/Σw⁴: 1 for a delta function).
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Map<String, String> o = Options.parse(args, "out", "count", "columns", "scale");
        String file = Options.positional(o, "MODEL file");
        Options.integer(o, "count", 1, 1, Integer.MAX_VALUE);
        Options.integer(o, "columns", 1, 1, 10_000);
        Options.integer(o, "scale", 1, 1, 32);
        WtaAutoencoder model = WtaEval.load(file);
        Filters f = model.decoderFilters();
        int n = (int) Options.integer(o, "count", f.count(), 1, f.count());
        int columns = (int) Options.integer(o, "columns", (int) Math.ceil(Math.sqrt(n)), 1, 10_000);
        int scale = (int) Options.integer(o, "scale", f.rows() > 16 ? 2 : 4, 1, 32);
        Path target = CliFiles.output(o.getOrDefault("out", "filters.png"), "out", "filters.png");
        float[] tiles;
        try {
            tiles = f.contrastNormalised();
        } catch (IllegalArgumentException e) {
            throw new CliException(file + ": " + e.getMessage());
        }
        try {
            PngGrid.write(target, tiles, n, f.rows(), f.cols(), columns, scale);
        } catch (IOException e) {
            throw new CliException("cannot write " + target + ": " + e.getMessage());
        }
        out.println("wrote " + n + " filters of " + f.rows() + "×" + f.cols() + " to " + target);
        out.printf(java.util.Locale.ROOT, "median filter spread: %.1f pixels of %d (participation ratio; 1 = a delta function)%n",
                f.medianParticipation(), f.rows() * f.cols());
        return 0;
    }
}
