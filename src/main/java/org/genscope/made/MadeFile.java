package org.genscope.made;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genscope.Quoted;
import org.genscope.io.Metadata;
import org.genscope.io.ModelFile;
import org.genscope.io.ModelFileException;
import org.genscope.io.ParamTensors;
import org.genscope.io.TensorSource;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;

/**
 * A MADE as a safetensors model file ({@code docs/model-files.md}, "MADE"): the parameters and the mask buffers
 * under their names, and the configuration as {@code made.*} metadata, so {@link #load} rebuilds the identical
 * model. Checkpoints of a {@link MadeTrainable} job hold the same tensors and keys, so they load here too.
 */
public final class MadeFile {
    static final String INPUTS = "made.inputs";
    static final String HIDDEN = "made.hidden";
    static final String ORDERING = "made.ordering_kind";
    static final String RULE = "made.degree_rule";
    static final String SOFTMAX_L = "made.softmax_l";
    static final String DIRECT = "made.direct";
    static final String MASKS = "made.masks";
    static final String ORDER_AGNOSTIC = "made.order_agnostic";
    static final String CONDITIONAL = "made.conditional";
    static final String COMPONENTS = "made.components";
    static final String ACTIVATION = "made.activation";
    static final String SEED = "made.seed";
    /** Optional image shape "rows×cols" of the data, for sample grids. */
    public static final String IMAGE = "made.image";

    private MadeFile() {}

    /** The metadata describing a configuration (model kind, architecture and every {@code made.*} key). */
    public static Map<String, String> metadata(MadeConfig c) {
        return Metadata.builder().model("made").architecture(c.architecture())
                .put(INPUTS, Integer.toString(c.inputs()))
                .put(HIDDEN, join(c.hidden()))
                .put(ORDERING, c.ordering().name().toLowerCase(Locale.ROOT))
                .put(RULE, c.rule().name().toLowerCase(Locale.ROOT))
                .put(SOFTMAX_L, Double.toString(c.softmaxL()))
                .put(DIRECT, Boolean.toString(c.directConnections()))
                .put(MASKS, Integer.toString(c.numMasks()))
                .put(ORDER_AGNOSTIC, Boolean.toString(c.orderAgnostic()))
                .put(CONDITIONAL, c.conditional().name().toLowerCase(Locale.ROOT))
                .put(COMPONENTS, Integer.toString(c.components()))
                .put(ACTIVATION, c.activation())
                .put(SEED, Long.toString(c.seed()))
                .build();
    }

    /** Writes the model (atomically) with its metadata plus {@code extra} (which wins on equal keys). */
    public static void save(Path file, Made made, Map<String, String> extra) throws IOException {
        List<Param> all = new ArrayList<>(made.params());
        all.addAll(made.buffers());
        Map<String, TensorSource> tensors = ParamTensors.sources(all);
        Map<String, String> meta = new LinkedHashMap<>(metadata(made.config()));
        meta.put(Metadata.FILE_KIND, Metadata.MODEL_FILE);
        meta.putAll(extra);
        ModelFile.write(file, tensors, meta);
    }

    /** Reads a MADE model file (or checkpoint); every problem is a {@link ModelFileException} naming the file. */
    public static Made load(Path file) throws IOException {
        return load(ModelFile.read(file));
    }

    public static Made load(ModelFile f) throws ModelFileException {
        String kind = f.meta(Metadata.MODEL).orElse("none");
        if (!kind.equals("made")) throw new ModelFileException(f.path(), "holds a " + Quoted.of(kind) + " model, not a MADE");
        MadeConfig c = config(f);
        Made made;
        try {
            made = new Made(c, provisionalMasks(c), new Rng(0));
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(f.path(), "has an invalid MADE description: " + e.getMessage());
        }
        requireMaskBuffers(f, c);
        List<String> names = new ArrayList<>();
        for (Param p : made.params()) names.add(p.name);
        for (Param p : made.buffers()) names.add(p.name);
        f.requireNoOtherTensors(names, "a MADE with this metadata (" + c.architecture() + ", " + c.numMasks() + " mask"
                + (c.numMasks() == 1 ? "" : "s") + (c.directConnections() ? ", direct connections" : "") + ")");
        ParamTensors.load(f, made.buffers());
        try {
            made.reloadMasks();
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(f.path(), "has invalid masks: " + e.getMessage());
        }
        ParamTensors.load(f, made.params());
        return made;
    }

    /** The configuration in a file's metadata (the custom ordering, if any, is mask 0's). */
    public static MadeConfig config(ModelFile f) throws ModelFileException {
        int d = f.metaInt(INPUTS, 2, MadeConfig.MAX_INPUTS);
        int[] hidden = f.metaInts(HIDDEN, 1, MadeConfig.MAX_WIDTH);
        OrderingKind ordering = f.metaChoice(ORDERING, OrderingKind.class);
        int[] custom = ordering == OrderingKind.CUSTOM ? firstOrdering(f, d) : null;
        DegreeRule rule = f.metaChoice(RULE, DegreeRule.class);
        double softmaxL = f.metaDouble(SOFTMAX_L);
        boolean direct = f.metaBool(DIRECT);
        int masks = f.metaInt(MASKS, 1, MadeConfig.MAX_MASKS);
        boolean orderAgnostic = f.metaBool(ORDER_AGNOSTIC);
        Conditional conditional = f.metaChoice(CONDITIONAL, Conditional.class);
        int components = f.metaInt(COMPONENTS, 1, MadeConfig.MAX_COMPONENTS);
        String activation = f.requireMeta(ACTIVATION);
        long seed = f.metaLong(SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        try {
            return new MadeConfig(d, hidden, ordering, custom, rule, softmaxL, direct, masks, orderAgnostic, conditional,
                    components, activation, seed);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(f.path(), "has an invalid MADE description: " + e.getMessage());
        }
    }

    /** The mask tensors must hold made.masks rows of the widths made.inputs and made.hidden declare. */
    private static void requireMaskBuffers(ModelFile f, MadeConfig c) throws ModelFileException {
        List<Param> buffers = MaskBuffers.create(c);
        for (int l = 0; l < buffers.size(); l++) {
            Param b = buffers.get(l);
            long[] shape = f.tensor(b.name).shape();
            String declared = l == 0 ? INPUTS + " = " + c.inputs() : HIDDEN + " = " + join(c.hidden());
            if (shape.length != 2 || shape[0] != c.numMasks() || shape[1] != b.value.numCols) {
                throw new ModelFileException(f.path(), "tensor '" + b.name + "' has shape " + Arrays.toString(shape)
                        + ", but " + MASKS + " = " + c.numMasks() + " and " + declared + " need ["
                        + c.numMasks() + ", " + b.value.numCols + "]");
            }
        }
    }

    /** Row 0 of the ordering buffer: mask 0's m⁰. */
    private static int[] firstOrdering(ModelFile f, int d) throws ModelFileException {
        float[] all = f.tensor(MaskBuffers.ORDERING).toFloats();
        if (all.length < d) throw new ModelFileException(f.path(), "tensor '" + MaskBuffers.ORDERING + "' is too short");
        int[] m0 = new int[d];
        for (int j = 0; j < d; j++) {
            if (all[j] != (int) all[j]) {
                throw new ModelFileException(f.path(), "tensor '" + MaskBuffers.ORDERING + "' holds " + all[j]
                        + " at index " + j + ", not a position 1.." + d);
            }
            m0[j] = (int) all[j];
        }
        return m0;
    }

    /** Natural-order masks of the right sizes, replaced by the file's buffers. */
    private static List<Connectivity> provisionalMasks(MadeConfig c) {
        int[] hidden = c.hidden();
        int[][] deg = new int[hidden.length][];
        for (int l = 0; l < hidden.length; l++) {
            deg[l] = new int[hidden[l]];
            Arrays.fill(deg[l], 1);
        }
        Connectivity one = Connectivity.of(Orderings.natural(c.inputs()), deg);
        List<Connectivity> list = new ArrayList<>();
        for (int k = 0; k < c.numMasks(); k++) list.add(one);
        return list;
    }

    private static String join(int[] a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length; i++) sb.append(i == 0 ? "" : ",").append(a[i]);
        return sb.toString();
    }
}
