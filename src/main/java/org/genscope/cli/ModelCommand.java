package org.genscope.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genscope.Quoted;

/**
 * {@code genscope train|eval|sample|filters MODEL [ARGS]}: one command per verb that dispatches on the model word,
 * so a new model family adds one line to each of {@link #train}, {@link #eval}, {@link #sample} (and
 * {@link #filters} for models with filters).
 */
final class ModelCommand implements Command {
    private final String name;
    private final String summary;
    private final Map<String, ModelVerb> models;

    private ModelCommand(String name, String summary, Map<String, ModelVerb> models) {
        this.name = name;
        this.summary = summary;
        this.models = models;
    }

    static ModelCommand train() {
        Map<String, ModelVerb> m = new LinkedHashMap<>();
        m.put("made", new MadeTrain());
        m.put("flow", new FlowTrain());
        m.put("vae", new VaeTrain());
        m.put("wta", new WtaTrain());
        return new ModelCommand("train", "train a model on a data file and save it", m);
    }

    static ModelCommand eval() {
        Map<String, ModelVerb> m = new LinkedHashMap<>();
        m.put("made", new MadeEval());
        m.put("flow", new FlowEval());
        m.put("vae", new VaeEval());
        m.put("wta", new WtaEval());
        return new ModelCommand("eval", "evaluate a saved model on a data file (NLL; VAE: ELBO and log-likelihood; WTA: reconstruction and classifier error)", m);
    }

    static ModelCommand sample() {
        Map<String, ModelVerb> m = new LinkedHashMap<>();
        m.put("made", new MadeSample());
        m.put("flow", new FlowSample());
        m.put("vae", new VaeSample());
        return new ModelCommand("sample", "draw samples from a saved model (PNG grid or CSV)", m);
    }

    static ModelCommand filters() {
        Map<String, ModelVerb> m = new LinkedHashMap<>();
        m.put("wta", new WtaFilters());
        return new ModelCommand("filters", "write a saved autoencoder's decoder filters as a PNG grid", m);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public String usage() {
        StringBuilder sb = new StringBuilder("usage: genscope " + name + " MODEL [ARGS]   (MODEL: " + String.join(", ", models.keySet()) + ")\n");
        for (ModelVerb v : models.values()) sb.append('\n').append(v.usage());
        return sb.toString();
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        if (args.isEmpty()) throw new UsageException("missing MODEL (one of " + String.join(", ", models.keySet()) + ")");
        ModelVerb v = models.get(args.get(0));
        if (v == null) {
            throw new UsageException("unknown model " + Quoted.of(args.get(0)) + " (one of " + String.join(", ", models.keySet()) + ")");
        }
        return v.run(args.subList(1, args.size()), out);
    }
}
