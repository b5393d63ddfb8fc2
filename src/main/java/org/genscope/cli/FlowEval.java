package org.genscope.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genscope.compare.Evaluator;
import org.genscope.compare.Figure;
import org.genscope.compare.TestSet;
import org.genscope.data.Columns;
import org.genscope.data.Dataset;
import org.genscope.data.Grid2D;
import org.genscope.flow.DirectionTiming;
import org.genscope.flow.FlowDiagnostics;
import org.genscope.flow.FlowFile;
import org.genscope.flow.FlowModel;

/** {@code genscope eval flow MODEL (--data FILE | --toy NAME …) [--timing true]}: NLL, inverse error, timings. */
final class FlowEval implements ModelVerb {
    @Override
    public String usage() {
        return """
                genscope eval flow MODEL.safetensors (--data FILE [--columns A,B,...] [--label NAME|none]
                                   | --toy NAME [--noise S] [--size N --seed 7]) [--timing true]
                  Prints the mean negative log-likelihood (nats per example) of the data under the flow, the
                  inversion error max |f⁻¹(f(x)) − x|, and for toys with a closed-form entropy H the gap NLL − H.
                  --toy NAME: the toy's test sample of the Compare view (%,d points drawn with seed %d, which no
                  training run uses); --size N draws N points with --seed instead.
                  --timing true also times the density on a 200×200 grid (2-D flows) and both directions for
                  1000 points (MAF: density 1 pass, sampling D; IAF the other way round).
                %s
                """.formatted(TestSet.TOY_SIZE, TestSet.TOY_SEED, MadeData.columnsHelp("  "));
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Map<String, String> o = Options.parse(args, "data", "toy", "noise", "size", "seed", "timing", "columns", "label", "resize", "invert");
        String file = Options.positional(o, "MODEL file");
        if (o.containsKey("data") == o.containsKey("toy")) throw new UsageException("give the data: --data FILE or --toy NAME");
        long seed = Options.integer(o, "seed", 7, Long.MIN_VALUE, Long.MAX_VALUE);
        boolean timing = Options.flag(o, "timing");
        MadeData.columns(o, "data");                       // --columns/--label need --data
        Dataset data = o.containsKey("data") ? MadeData.read(o, "data", out) : FlowData.testToy(o, seed);
        FlowModel m = load(file);
        if (data.dimension() != m.dimension()) {
            throw new CliException(data.source() + ": " + data.dimension() + " columns, the flow models " + m.dimension());
        }
        Figure nll = Figures.of(() -> Evaluator.flow(m, data.x(), file, data.source()));
        double inverseError = Finite.figure(FlowDiagnostics.inverseError(m, data.x()), "the inversion error max |f⁻¹(f(x)) − x|", file);
        out.printf(Locale.ROOT, "model %s%ndata %s%n", m, data);
        out.printf(Locale.ROOT, "NLL %s nats; max |f⁻¹(f(x)) − x| = %.2g%n", nll.formatted(), inverseError);
        double h = FlowData.entropy(o, null);
        if (!Double.isNaN(h)) out.printf(Locale.ROOT, "entropy H = %.4f nats (closed form); gap NLL − H = %.4f%n", h, nll.value() - h);
        if (timing) {
            if (m.dimension() == 2) {
                Grid2D g = new Grid2D(-4, 4, -4, 4, 200, 200);
                m.densityGrid(g);
                long t0 = System.nanoTime();
                int reps = 5;
                for (int r = 0; r < reps; r++) m.densityGrid(g);
                out.printf(Locale.ROOT, "density on a 200×200 grid through %d layers: %.1f ms%n", m.layers().size(),
                        (System.nanoTime() - t0) / 1e6 / reps);
            }
            DirectionTiming t = DirectionTiming.measure(m, 1000, 5, seed);
            out.printf(Locale.ROOT, "1000 points: density %.2f ms (%d MADE passes), sampling %.2f ms (%d MADE passes); sampling/density %.2f%n",
                    1e3 * t.densitySeconds(), t.densityPasses(), 1e3 * t.samplingSeconds(), t.samplingPasses(), t.samplingOverDensity());
        }
        return 0;
    }

    static FlowModel load(String file) throws CliException {
        return CliFiles.model(file, FlowFile::load);
    }
}
