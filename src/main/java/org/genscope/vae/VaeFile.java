package org.genscope.vae;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genscope.Quoted;
import org.genscope.io.Metadata;
import org.genscope.io.ModelFile;
import org.genscope.io.ModelFileException;
import org.genscope.io.ParamTensors;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;

/**
 * A VAE as a safetensors model file ({@code docs/model-files.md}, "VAE"): both networks' parameters under their
 * names and the {@link VaeConfig} as {@code vae.*} metadata, so {@link #load} rebuilds the identical model.
 * Checkpoints of a {@link VaeTrainable} job hold the same tensors and keys and load here too. A file whose tensors
 * contradict its metadata, or that holds a non-finite value, is refused naming the tensor.
 */
public final class VaeFile {
    static final String INPUTS = "vae.inputs";
    static final String ENCODER_HIDDEN = "vae.encoder_hidden";
    static final String ENCODER_ACTIVATION = "vae.encoder_activation";
    static final String LATENT = "vae.latent";
    static final String DECODER_HIDDEN = "vae.decoder_hidden";
    static final String DECODER_ACTIVATION = "vae.decoder_activation";
    static final String DECODER = "vae.decoder";
    static final String SAMPLES = "vae.samples";
    static final String BETA = "vae.beta";
    static final String WARMUP = "vae.warmup_steps";
    static final String SEED = "vae.seed";
    /** Optional image shape "ROWSxCOLS" of the data, for sample grids and reconstructions. */
    public static final String IMAGE = "vae.image";

    private VaeFile() {}

    /** Model kind, architecture and every {@code vae.*} key of a configuration. */
    public static Map<String, String> metadata(VaeConfig c) {
        return Metadata.builder().model("vae").architecture(c.architecture())
                .put(INPUTS, Integer.toString(c.inputs()))
                .put(ENCODER_HIDDEN, join(c.encoderHidden()))
                .put(ENCODER_ACTIVATION, c.encoderActivation())
                .put(LATENT, Integer.toString(c.latent()))
                .put(DECODER_HIDDEN, join(c.decoderHidden()))
                .put(DECODER_ACTIVATION, c.decoderActivation())
                .put(DECODER, c.decoder().toString())
                .put(SAMPLES, Integer.toString(c.samples()))
                .put(BETA, Double.toString(c.beta()))
                .put(WARMUP, Long.toString(c.warmupSteps()))
                .put(SEED, Long.toString(c.seed()))
                .build();
    }

    /** Writes the model atomically with its metadata plus {@code extra} (which wins on equal keys). */
    public static void save(Path file, Vae vae, Map<String, String> extra) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>(metadata(vae.config()));
        meta.put(Metadata.FILE_KIND, Metadata.MODEL_FILE);
        meta.putAll(extra);
        ModelFile.write(file, ParamTensors.sources(vae.params()), meta);
    }

    /** Reads a VAE model file (or checkpoint); every problem is a {@link ModelFileException} naming the file. */
    public static Vae load(Path file) throws IOException {
        return load(ModelFile.read(file));
    }

    public static Vae load(ModelFile f) throws ModelFileException {
        VaeConfig c = config(f);
        Vae vae = new Vae(c, new Rng(0));
        requireOutputShape(f, "encoder.output.weight", 2 * c.latent(), LATENT + " = " + c.latent() + " (μ and log σ², 2·L columns)");
        requireOutputShape(f, "decoder.output.weight", c.decoder().paramsPerDimension * c.inputs(),
                INPUTS + " = " + c.inputs() + " and " + DECODER + " = " + c.decoder());
        List<String> names = new ArrayList<>();
        for (Param p : vae.params()) names.add(p.name);
        f.requireNoOtherTensors(names, "a VAE with this metadata (" + c.architecture() + ")");
        ParamTensors.load(f, vae.params());
        return vae;
    }

    /** The configuration in a file's {@code vae.*} metadata. */
    public static VaeConfig config(ModelFile f) throws ModelFileException {
        String kind = f.meta(Metadata.MODEL).orElse("none");
        if (!kind.equals("vae")) throw new ModelFileException(f.path(), "holds a " + Quoted.of(kind) + " model, not a VAE");
        int d = f.metaInt(INPUTS, 1, VaeConfig.MAX_INPUTS);
        int[] encoder = f.metaInts(ENCODER_HIDDEN, 1, VaeConfig.MAX_WIDTH);
        String encoderActivation = f.requireMeta(ENCODER_ACTIVATION);
        int latent = f.metaInt(LATENT, 1, VaeConfig.MAX_LATENT);
        int[] decoder = f.metaInts(DECODER_HIDDEN, 1, VaeConfig.MAX_WIDTH);
        String decoderActivation = f.requireMeta(DECODER_ACTIVATION);
        DecoderKind kind2 = f.metaChoice(DECODER, DecoderKind.class);
        int samples = f.metaInt(SAMPLES, 1, VaeConfig.MAX_SAMPLES);
        double beta = f.metaDouble(BETA);
        long warmup = f.metaLong(WARMUP, 0, Long.MAX_VALUE);
        long seed = f.metaLong(SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        try {
            return new VaeConfig(d, encoder, encoderActivation, latent, decoder, decoderActivation, kind2, samples, beta, warmup, seed);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(f.path(), "has an invalid VAE description: " + e.getMessage());
        }
    }

    /** The output layer's weight must have the columns the metadata implies; the message names the keys. */
    private static void requireOutputShape(ModelFile f, String name, int columns, String because) throws ModelFileException {
        long[] shape = f.tensor(name).shape();
        if (shape.length != 2 || shape[1] != columns) {
            throw new ModelFileException(f.path(), "tensor " + Quoted.of(name) + " has shape " + Arrays.toString(shape)
                    + ", but " + because + " need " + columns + " columns");
        }
    }

    private static String join(int[] a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length; i++) sb.append(i == 0 ? "" : ",").append(a[i]);
        return sb.toString();
    }
}
