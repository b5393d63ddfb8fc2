package org.genscope.made;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        if (!kind.equals("made")) throw new ModelFileException(f.path(), "holds a '" + kind + "' model, not a MADE");
        MadeConfig c = config(f);
        try {
            Made made = new Made(c, provisionalMasks(c), new Rng(0));
            ParamTensors.load(f, made.buffers());
            made.reloadMasks();
            ParamTensors.load(f, made.params());
            return made;
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(f.path(), "has invalid masks: " + e.getMessage());
        }
    }

    /** The configuration in a file's metadata (the custom ordering, if any, is mask 0's). */
    public static MadeConfig config(ModelFile f) throws ModelFileException {
        try {
            int d = Integer.parseInt(f.requireMeta(INPUTS));
            String h = f.requireMeta(HIDDEN);
            int[] hidden = h.isEmpty() ? new int[0] : Arrays.stream(h.split(",")).mapToInt(Integer::parseInt).toArray();
            OrderingKind ordering = OrderingKind.valueOf(f.requireMeta(ORDERING).toUpperCase(Locale.ROOT));
            int[] custom = ordering == OrderingKind.CUSTOM ? firstOrdering(f, d) : null;
            return new MadeConfig(d, hidden, ordering, custom,
                    DegreeRule.valueOf(f.requireMeta(RULE).toUpperCase(Locale.ROOT)),
                    Double.parseDouble(f.requireMeta(SOFTMAX_L)), bool(f, DIRECT),
                    Integer.parseInt(f.requireMeta(MASKS)), bool(f, ORDER_AGNOSTIC),
                    Conditional.valueOf(f.requireMeta(CONDITIONAL).toUpperCase(Locale.ROOT)),
                    Integer.parseInt(f.requireMeta(COMPONENTS)), f.requireMeta(ACTIVATION),
                    Long.parseLong(f.requireMeta(SEED)));
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(f.path(), "has an invalid MADE description: " + e.getMessage());
        }
    }

    /** Row 0 of the ordering buffer: mask 0's m⁰. */
    private static int[] firstOrdering(ModelFile f, int d) throws ModelFileException {
        float[] all = f.tensor(MaskBuffers.ORDERING).toFloats();
        if (all.length < d) throw new ModelFileException(f.path(), "tensor '" + MaskBuffers.ORDERING + "' is too short");
        int[] m0 = new int[d];
        for (int j = 0; j < d; j++) m0[j] = (int) all[j];
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

    private static boolean bool(ModelFile f, String key) throws ModelFileException {
        String v = f.requireMeta(key);
        if (!v.equals("true") && !v.equals("false")) throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
        return v.equals("true");
    }

    private static String join(int[] a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length; i++) sb.append(i == 0 ? "" : ",").append(a[i]);
        return sb.toString();
    }
}
