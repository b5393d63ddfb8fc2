package org.genscope.io;

import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code __metadata__} keys of Genscope files (all values are strings, as the safetensors spec requires) and a
 * builder for them. Numbers are written with {@link Double#toString}/{@link Long#toString}, which read back exactly.
 * See {@code docs/model-files.md} for the table of keys.
 */
public final class Metadata {
    /** Genscope version that wrote the file ({@code org.genscope.Genscope.version()}); added by the writer. */
    public static final String VERSION = "genscope.version";
    /** {@value #MODEL_FILE} or {@value #CHECKPOINT_FILE}. */
    public static final String FILE_KIND = "genscope.file";
    public static final String MODEL_FILE = "model";
    public static final String CHECKPOINT_FILE = "checkpoint";
    /** Model family: made, flow, vae, wta. */
    public static final String MODEL = "model.kind";
    /** Model-specific description of the architecture, e.g. "784-500-784"; enough to rebuild the tensors' shapes. */
    public static final String ARCHITECTURE = "model.architecture";
    public static final String DATASET = "data.name";
    public static final String SEED = "train.seed";
    /** Prefix of hyperparameters: {@code hparam.learning_rate}, {@code hparam.batch_size}, ... */
    public static final String HPARAM = "hparam.";
    /** Prefix of metrics: {@code metric.test_nll}, ... */
    public static final String METRIC = "metric.";

    private final Map<String, String> map = new TreeMap<>();

    public static Metadata builder() {
        return new Metadata();
    }

    public Metadata put(String key, String value) {
        if (key == null || value == null) throw new IllegalArgumentException("metadata key and value must not be null");
        map.put(key, value);
        return this;
    }

    public Metadata model(String kind) {
        return put(MODEL, kind);
    }

    public Metadata architecture(String description) {
        return put(ARCHITECTURE, description);
    }

    public Metadata dataset(String name) {
        return put(DATASET, name);
    }

    public Metadata seed(long seed) {
        return put(SEED, Long.toString(seed));
    }

    public Metadata hyperparameter(String name, String value) {
        return put(HPARAM + name, value);
    }

    public Metadata hyperparameter(String name, double value) {
        return put(HPARAM + name, Double.toString(value));
    }

    public Metadata metric(String name, double value) {
        return put(METRIC + name, Double.toString(value));
    }

    public Metadata putAll(Map<String, String> entries) {
        entries.forEach(this::put);
        return this;
    }

    /** An unmodifiable sorted copy. */
    public Map<String, String> build() {
        return Map.copyOf(new TreeMap<>(map));
    }

    /** The entries whose key starts with {@code prefix}, with the prefix removed (e.g. all hyperparameters). */
    public static Map<String, String> withPrefix(Map<String, String> metadata, String prefix) {
        Map<String, String> out = new TreeMap<>();
        metadata.forEach((k, v) -> {
            if (k.startsWith(prefix)) out.put(k.substring(prefix.length()), v);
        });
        return out;
    }
}
