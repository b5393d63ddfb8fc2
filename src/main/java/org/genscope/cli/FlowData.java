package org.genscope.cli;

import java.io.PrintStream;
import java.util.Map;
import org.genscope.compare.TestSet;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.data.Toy2D;
import org.genscope.flow.FlowPreset;

/** Data for the flow commands: a 2-D toy density ({@code --toy}) or data files ({@code --train}/{@code --data}). */
final class FlowData {
    private FlowData() {}

    /** Train/validation/test splits: files (missing splits cut from --train), else the toy (preset's or --toy), 80/10/10. */
    static DataSplits splits(Map<String, String> o, FlowPreset preset, long seed, PrintStream out) throws UsageException, CliException {
        if (o.containsKey("train")) return MadeData.splits(o, seed, out);
        if (o.containsKey("valid") || o.containsKey("test")) throw new UsageException("--valid and --test need --train");
        Dataset all = toy(o, preset, seed);
        double[] held = MadeData.heldOut(o);
        return DataSplits.random(all, held[0], held[1], seed);
    }

    /** {@code --toy NAME [--noise S] [--size N]} (defaults from the preset, else moons, 0.05, 20000). */
    static Dataset toy(Map<String, String> o, FlowPreset preset, long seed) throws UsageException {
        int size = (int) Options.integer(o, "size", preset != null ? preset.size() : 20_000, 10, 10_000_000);
        return toyOf(o, preset).generate(size, noise(o, preset), seed);
    }

    /**
     * The data of {@code eval --toy NAME [--noise S]}: the toy's fixed test sample, where the Compare view measures
     * every model of that density ({@link TestSet#toy}); with {@code --size N}, N points drawn with {@code seed}.
     */
    static Dataset testToy(Map<String, String> o, long seed) throws UsageException {
        if (o.containsKey("size")) return toy(o, null, seed);
        return TestSet.toy(toyOf(o, null), noise(o, null)).data();
    }

    private static Toy2D toyOf(Map<String, String> o, FlowPreset preset) throws UsageException {
        try {
            return Toy2D.byName(o.getOrDefault("toy", preset != null ? preset.dataset() : "moons"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static double noise(Map<String, String> o, FlowPreset preset) throws UsageException {
        return Options.number(o, "noise", preset != null ? preset.noise() : 0.05, 0, 10);
    }

    /** The closed-form entropy of the toy the options name, or NaN (files, or toys without one). */
    static double entropy(Map<String, String> o, FlowPreset preset) throws UsageException {
        if (o.containsKey("train") || o.containsKey("data")) return Double.NaN;
        return toyOf(o, preset).entropy(noise(o, preset)).orElse(Double.NaN);
    }
}
