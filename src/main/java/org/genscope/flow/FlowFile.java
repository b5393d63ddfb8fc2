package org.genscope.flow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genscope.Quoted;
import org.genscope.io.Metadata;
import org.genscope.io.ModelFile;
import org.genscope.io.ModelFileException;
import org.genscope.io.ParamTensors;
import org.genscope.nn.Param;

/**
 * A flow as a safetensors model file ({@code docs/model-files.md}, "Flows"): parameters and buffers under their
 * names, and the {@link FlowSpec} plus the dimension as {@code flow.*} metadata, so {@link #load} rebuilds the
 * identical model. Checkpoints of a {@link FlowTrainable} job hold the same tensors and keys and load here too.
 */
public final class FlowFile {
    static final String DIMENSION = "flow.dimension";
    static final String LAYERS = "flow.layers";
    static final String LEARNABLE_BASE = "flow.learnable_base";
    static final String ACTIVATION = "flow.activation";
    static final String SCALE_BOUND = "flow.scale_bound";
    static final String SEED = "flow.seed";

    private FlowFile() {}

    /** Model kind, architecture and every {@code flow.*} key of a model. */
    public static Map<String, String> metadata(FlowModel m) {
        FlowSpec s = m.spec();
        return Metadata.builder().model("flow").architecture(m.dimension() + "D " + s.layersText())
                .put(DIMENSION, Integer.toString(m.dimension()))
                .put(LAYERS, s.layersText())
                .put(LEARNABLE_BASE, Boolean.toString(s.learnableBase()))
                .put(ACTIVATION, s.activation())
                .put(SCALE_BOUND, Double.toString(s.scaleBound()))
                .put(SEED, Long.toString(s.seed()))
                .build();
    }

    /** Writes the model atomically with its metadata plus {@code extra} (which wins on equal keys). */
    public static void save(Path file, FlowModel m, Map<String, String> extra) throws IOException {
        List<Param> all = new ArrayList<>(m.params());
        all.addAll(m.buffers());
        Map<String, String> meta = new LinkedHashMap<>(metadata(m));
        meta.put(Metadata.FILE_KIND, Metadata.MODEL_FILE);
        meta.putAll(extra);
        ModelFile.write(file, ParamTensors.sources(all), meta);
    }

    /** Reads a flow model file (or checkpoint); every problem is a {@link ModelFileException} naming the file. */
    public static FlowModel load(Path file) throws IOException {
        return load(ModelFile.read(file));
    }

    public static FlowModel load(ModelFile f) throws ModelFileException {
        String kind = f.meta(Metadata.MODEL).orElse("none");
        if (!kind.equals("flow")) throw new ModelFileException(f.path(), "holds a " + Quoted.of(kind) + " model, not a flow");
        int d = f.metaInt(DIMENSION, 1, 100_000);
        boolean learnableBase = f.metaBool(LEARNABLE_BASE);
        String layers = f.requireMeta(LAYERS);
        String activation = f.requireMeta(ACTIVATION);
        double bound = f.metaDouble(SCALE_BOUND);
        long seed = f.metaLong(SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        FlowModel m;
        try {
            m = new FlowSpec(FlowSpec.parseLayers(layers), learnableBase, activation, bound, seed).build(d);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(f.path(), "has an invalid flow description: " + e.getMessage());
        }
        if (!learnableBase) {
            for (String b : List.of("base.mean", "base.log_std")) {
                if (f.tensors().containsKey(b)) {
                    throw new ModelFileException(f.path(), "holds the base tensor '" + b + "' but says "
                            + LEARNABLE_BASE + " = false (a standard normal base has none)");
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (Param p : m.params()) names.add(p.name);
        for (Param p : m.buffers()) names.add(p.name);
        f.requireNoOtherTensors(names, "a flow with this metadata (" + d + "D " + Quoted.of(layers) + ")");
        ParamTensors.load(f, m.buffers());
        ParamTensors.load(f, m.params());
        try {
            m.toBase(new org.ejml.data.FMatrixRMaj(1, m.dimension()));     // checks the buffers (permutations, signs)
        } catch (IllegalStateException e) {
            throw new ModelFileException(f.path(), "has invalid buffers: " + e.getMessage());
        }
        return m;
    }
}
