package org.genscope.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Rng;
import org.genscope.vae.LatentGrid;
import org.genscope.vae.Vae;
import org.genscope.vae.VaeFile;

/** {@code genscope sample vae MODEL [--n 64] [--out digits.png]}: z ~ N(0, I), decoded, as a PNG grid or CSV. */
final class VaeSample implements ModelVerb {
    @Override
    public String usage() {
        return """
                genscope sample vae MODEL.safetensors [--n 64] [--out samples.png|samples.csv] [--seed 1]
                                    [--mean true|false] [--grid N] [--image ROWSxCOLS] [--columns C] [--scale S]
                  Draws z ~ N(0, I) and decodes it. Image models (trained on images, or given --image) write a
                  PNG grid (C per row, each pixel S×S) of the decoder means E[x|z] (--mean false: binary draws
                  x ~ p(x|z)); other models, or an --out ending in .csv, write one sample x ~ p(x|z) per CSV row
                  (--mean true: E[x|z]). --grid N (2-D latent models) decodes the N×N codes of the Gaussian's
                  quantile grid instead, the learned manifold of Kingma & Welling's figure 4 (top row: large z₂).
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Map<String, String> o = Options.parse(args, "n", "out", "seed", "mean", "grid", "image", "columns", "scale");
        String file = Options.positional(o, "MODEL file");
        int n = (int) Options.integer(o, "n", 64, 1, 100_000);
        int grid = (int) Options.integer(o, "grid", 0, 1, 1000);
        if (grid > 0 && o.containsKey("n")) throw new UsageException("give --n or --grid, not both");
        long seed = Options.integer(o, "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        Options.integer(o, "columns", 1, 1, 10_000);
        Options.integer(o, "scale", 1, 1, 32);
        if (o.containsKey("mean")) Options.flag(o, "mean");
        Vae vae = VaeEval.load(file);
        int[] shape = ImageShape.of(o, file, vae.inputs(), VaeFile.IMAGE);
        Path target = CliFiles.output(o.getOrDefault("out", SampleFile.defaultName(shape)), "out", SampleFile.defaultName(shape));
        boolean png = shape != null && !target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
        boolean means = o.containsKey("mean") ? Options.flag(o, "mean") : png;
        Rng rng = new Rng(seed);
        FMatrixRMaj x;
        if (grid > 0) {
            if (vae.latent() != 2) throw new UsageException("--grid needs a model with a 2-D latent space; " + file + " has " + vae.latent());
            x = vae.decode(flipRows(LatentGrid.quantiles(grid), grid));
            n = grid * grid;
            if (!o.containsKey("columns")) o.put("columns", Integer.toString(grid));
        } else {
            x = means ? vae.decode(vae.samplePrior(n, rng)) : vae.sample(n, rng);
        }
        Finite.samples(x.data, vae.inputs(), file);
        SampleFile.write(target, x.data, n, vae.inputs(), shape, o, file);
        out.println("wrote " + n + (grid > 0 ? " decoded codes of a " + grid + "×" + grid + " quantile grid"
                : means ? " decoded prior samples E[x|z]" : " samples") + " to " + target);
        return 0;
    }

    /** The grid's rows in reverse, so the image's top row holds the largest z₂ (as a plot's y axis). */
    private static FMatrixRMaj flipRows(FMatrixRMaj z, int n) {
        FMatrixRMaj f = new FMatrixRMaj(z.numRows, 2);
        for (int i = 0; i < n; i++) System.arraycopy(z.data, 2 * n * (n - 1 - i), f.data, 2 * n * i, 2 * n);
        return f;
    }
}
