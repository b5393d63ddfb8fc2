package org.genscope.cli;

import java.util.Map;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.data.Toy2D;
import org.genscope.flow.FlowPreset;

/** Data for the flow commands: a 2-D toy density ({@code --toy}) or data files ({@code --train}/{@code --data}). */
final class FlowData {
    private FlowData() {}

    /** Train/validation/test splits: files (missing splits cut from --train), else the toy (preset's or --toy), 80/10/10. */
    static DataSplits splits(Map<String, String> o, FlowPreset preset, long seed) throws UsageException, CliException {
        if (o.containsKey("train")) {
            if (o.containsKey("toy")) throw new UsageException("give either --toy or --train, not both");
            return MadeData.splits(o, seed);
        }
        if (o.containsKey("valid") || o.containsKey("test")) throw new UsageException("--valid and --test need --train");
        Dataset all = toy(o, preset, seed);
        return DataSplits.random(all, 0.1, 0.1, seed);
    }

    /** {@code --toy NAME [--noise S] [--size N]} (defaults from the preset, else moons, 0.05, 20000). */
    static Dataset toy(Map<String, String> o, FlowPreset preset, long seed) throws UsageException {
        Toy2D toy;
        try {
            toy = Toy2D.byName(o.getOrDefault("toy", preset != null ? preset.dataset() : "moons"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        double noise = Options.number(o, "noise", preset != null ? preset.noise() : 0.05, 0, 10);
        int size = (int) Options.integer(o, "size", preset != null ? preset.size() : 20_000, 10, 10_000_000);
        return toy.generate(size, noise, seed);
    }

    /** The closed-form entropy of the toy the options name, or NaN (files, or toys without one). */
    static double entropy(Map<String, String> o, FlowPreset preset) throws UsageException {
        if (o.containsKey("train") || o.containsKey("data")) return Double.NaN;
        String name = o.getOrDefault("toy", preset != null ? preset.dataset() : "moons");
        double noise = Options.number(o, "noise", preset != null ? preset.noise() : 0.05, 0, 10);
        return Toy2D.byName(name).entropy(noise).orElse(Double.NaN);
    }
}
