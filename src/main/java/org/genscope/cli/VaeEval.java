package org.genscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genscope.compare.Evaluator;
import org.genscope.compare.Figure;
import org.genscope.data.Binarization;
import org.genscope.data.CsvWriter;
import org.genscope.data.DataFiles;
import org.genscope.data.DataFormatException;
import org.genscope.data.Dataset;
import org.genscope.data.SampleData;
import org.genscope.vae.DecoderKind;
import org.genscope.vae.Evaluation;
import org.genscope.vae.LatentStatistics;
import org.genscope.vae.Progress;
import org.genscope.vae.Vae;
import org.genscope.vae.VaeFile;

/**
 * {@code genscope eval vae MODEL [--k 5000]}: the test ELBO with its two terms, the importance-sampled
 * log-likelihood (Burda et al. 2016, eq. 8) and the active units of a saved VAE.
 */
final class VaeEval implements ModelVerb {
    @Override
    public String usage() {
        return """
                genscope eval vae MODEL.safetensors [--data FILE [--labels FILE | --columns A,B,… --label NAME] [--binarize T] | --toy NAME [--noise S] [--size N]]
                                  [--k 5000] [--limit N] [--seed 1] [--codes codes.csv]
                  Prints, in nats per example, the ELBO = E_q[log p(x|z)] − KL and its two terms, and the
                  importance-sampled log-likelihood log p(x) ≈ log (1/k) Σ p(x, z_i)/q(z_i|x) with k samples per
                  example (k = 5000 as in Burda et al. 2016; minutes for the 10k MNIST test set), then the active
                  latent units (Cov_x(E_q[z_j]) > 0.01). Default data: the binarized MNIST test set (10k), for models
                  of 784 pixels. --limit N evaluates the first N examples only. --codes FILE also writes each
                  example's code μ(x) as CSV (one row per example; with --labels, its class in the last column),
                  the points of a latent-space scatter. --toy NAME: the toy's test sample of the Compare view
                  (10,000 points from their own seed); --size N draws N points with --seed instead. --binarize T: 1 where the intensity (in [0, 1]; grey levels
                  0..255 are divided by 255) is above T. A CSV column named label, labels or class holds labels.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Map<String, String> o = Options.parse(args, "data", "labels", "binarize", "toy", "noise", "size", "k", "limit", "seed", "codes", "columns", "label", "resize", "invert");
        String file = Options.positional(o, "MODEL file");
        int k = (int) Options.integer(o, "k", Evaluator.PAPER_K, 1, 100_000);
        long seed = Options.integer(o, "seed", Evaluator.SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        if (o.containsKey("data") && o.containsKey("toy")) throw new UsageException("give either --data FILE or --toy NAME, not both");
        Vae vae = load(file);
        Dataset data = data(o, vae, seed, out);
        if (o.containsKey("limit")) data = data.head((int) Options.integer(o, "limit", 0, 1, Integer.MAX_VALUE));
        if (data.dimension() != vae.inputs()) {
            throw new CliException(data.source() + ": " + data.dimension() + " features, the model " + file + " has "
                    + vae.inputs() + " inputs; give data of the model's dimension");
        }
        if (vae.config().decoder() == DecoderKind.BERNOULLI) MadeData.requireBinary(data, "a Bernoulli decoder", "a model with a Gaussian decoder");
        out.printf(Locale.ROOT, "model %s (%s)%ndata %s%n", file, vae.config(), data);
        Evaluation e = Evaluator.vae(vae, data.x(), k, seed, progress(out, k));
        print(out, e, "", file);
        LatentStatistics latent = vae.latentStatistics(data.x());
        out.printf(Locale.ROOT, "active units %d of %d (Cov_x(E_q[z_j]) > %s)%n", latent.activeUnits(), vae.latent(),
                LatentStatistics.ACTIVE_THRESHOLD);
        if (o.containsKey("codes")) {
            Path codes = CliFiles.output(o.get("codes"), "codes", "codes.csv");
            Dataset mu = new Dataset("codes", file, vae.encode(data.x()).mean(), data.labels(), 0, 0);
            CliFiles.write(codes, f -> CsvWriter.write(f, mu));
            out.println("codes μ(x) of " + mu.size() + " examples" + (mu.hasLabels() ? " with their labels" : "") + " written to " + codes);
        }
        return 0;
    }

    /** ELBO, reconstruction, KL and L_k, each checked finite; {@code label} (e.g. "test") heads the lines. */
    static void print(PrintStream out, Evaluation e, String label, String model) throws CliException {
        String l = label.isEmpty() ? "" : label + " ";
        Figure nll = Figures.of(() -> Evaluator.vaeNll(e, model, "the data"));
        double rec = Finite.figure(e.meanReconstruction(), "the reconstruction term", model);
        double kl = Finite.figure(e.meanKl(), "the KL term", model);
        out.printf(Locale.ROOT, "%sELBO %.4f nats = reconstruction E_q[log p(x|z)] %.4f − KL %.4f%n", l, rec - kl, rec, kl);
        out.printf(Locale.ROOT, "%slog p(x) ≈ %.4f nats (importance sampled, k = %d): NLL %s nats%n", l, -nll.value(), e.samples(),
                nll.formatted());
    }

    /** A line at every 10% of a long evaluation (k ≥ 100), with the elapsed time. */
    static Progress progress(PrintStream out, int k) {
        if (k < 100) return Progress.NONE;
        long start = System.nanoTime();
        int[] shown = {0};
        return (done, total) -> {
            int tenth = (int) (10 * done / total);
            if (tenth > shown[0] && done < total) {
                shown[0] = tenth;
                out.printf(Locale.ROOT, "  importance sampling, k = %d: %d%% in %.0f s%n", k, 10 * tenth, (System.nanoTime() - start) / 1e9);
            }
            return true;
        };
    }

    static Vae load(String file) throws CliException {
        return CliFiles.model(file, VaeFile::load);
    }

    private static Dataset data(Map<String, String> o, Vae vae, long seed, PrintStream out) throws UsageException, CliException {
        Dataset d;
        if (o.containsKey("labels") && !o.containsKey("data")) throw new UsageException("--labels needs --data");
        if (o.containsKey("toy")) {
            d = FlowData.testToy(o, seed);
        } else if (o.containsKey("data")) {
            if (o.containsKey("labels")) {
                try {
                    d = DataFiles.readDataset(Path.of(o.get("data")), Path.of(o.get("labels")));
                } catch (DataFormatException e) {
                    throw new CliException(e.getMessage().replace('\n', ' '));
                }
            } else {
                d = MadeData.read(o, "data", out);
            }
        } else if (vae.inputs() == 784) {
            try {
                d = SampleData.binarizedMnist().test();
            } catch (DataFormatException e) {
                throw new CliException(e.getMessage().replace('\n', ' '));
            }
        } else {
            throw new UsageException("give the data: --data FILE or --toy NAME (this model has " + vae.inputs() + " inputs)");
        }
        if (o.containsKey("binarize")) d = Binarization.threshold(d, MadeData.threshold(o));
        return d;
    }
}
