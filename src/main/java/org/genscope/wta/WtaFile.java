package org.genscope.wta;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genscope.Quoted;
import org.genscope.io.Metadata;
import org.genscope.io.ModelFile;
import org.genscope.io.ModelFileException;
import org.genscope.io.ParamTensors;
import org.genscope.nn.Param;

/**
 * A winner-take-all autoencoder as a safetensors model file ({@code docs/model-files.md}, "Winner-take-all
 * autoencoders"): the parameters under their names and the configuration as {@code wta.*} metadata, so
 * {@link #load} rebuilds the identical model. Checkpoints of a {@link WtaTrainable} job hold the same tensors and
 * keys, so they load here too.
 */
public final class WtaFile {
    static final String KIND = "wta.kind";
    static final String IMAGE = "wta.image";
    static final String HIDDEN = "wta.hidden";
    static final String ENCODER_KERNEL = "wta.encoder_kernel";
    static final String DECODER_KERNEL = "wta.decoder_kernel";
    static final String K_PERCENT = "wta.k_percent";
    static final String SPATIAL = "wta.spatial";
    static final String SEED = "wta.seed";

    private WtaFile() {}

    /** The metadata describing a configuration (model kind, architecture and every {@code wta.*} key). */
    public static Map<String, String> metadata(WtaConfig c) {
        StringBuilder hidden = new StringBuilder();
        for (int h : c.hidden()) hidden.append(hidden.length() == 0 ? "" : ",").append(h);
        return Metadata.builder().model("wta").architecture(c.architecture())
                .put(KIND, c.kind().name().toLowerCase(Locale.ROOT))
                .put(IMAGE, c.height() + "x" + c.width())
                .put(HIDDEN, hidden.toString())
                .put(ENCODER_KERNEL, Integer.toString(c.encoderKernel()))
                .put(DECODER_KERNEL, Integer.toString(c.decoderKernel()))
                .put(K_PERCENT, Double.toString(c.kPercent()))
                .put(SPATIAL, Boolean.toString(c.spatial()))
                .put(SEED, Long.toString(c.seed()))
                .build();
    }

    /** Writes the model (atomically) with its metadata plus {@code extra} (which wins on equal keys). */
    public static void save(Path file, WtaAutoencoder model, Map<String, String> extra) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>(metadata(model.config()));
        meta.put(Metadata.FILE_KIND, Metadata.MODEL_FILE);
        meta.putAll(extra);
        ModelFile.write(file, ParamTensors.sources(model.params()), meta);
    }

    /** Reads a WTA model file (or checkpoint); every problem is a {@link ModelFileException} naming the file. */
    public static WtaAutoencoder load(Path file) throws IOException {
        return load(ModelFile.read(file));
    }

    public static WtaAutoencoder load(ModelFile f) throws ModelFileException {
        String kind = f.meta(Metadata.MODEL).orElse("none");
        if (!kind.equals("wta")) {
            throw new ModelFileException(f.path(), "holds a " + Quoted.of(kind) + " model, not a winner-take-all autoencoder");
        }
        WtaConfig c = config(f);
        WtaAutoencoder model = WtaAutoencoder.create(c);
        List<String> names = new ArrayList<>();
        for (Param p : model.params()) names.add(p.name);
        f.requireNoOtherTensors(names, "a winner-take-all autoencoder with this metadata (" + c.architecture() + ")");
        ParamTensors.load(f, model.params());
        return model;
    }

    /** The configuration in a file's metadata. */
    public static WtaConfig config(ModelFile f) throws ModelFileException {
        WtaKind kind = f.metaChoice(KIND, WtaKind.class);
        String image = f.requireMeta(IMAGE);
        int[] hw = parseImage(image);
        if (hw == null) throw f.badMeta(IMAGE, image, "HEIGHTxWIDTH, e.g. 28x28, each 1.." + WtaConfig.MAX_IMAGE);
        int[] hidden = f.metaInts(HIDDEN, 1, WtaConfig.MAX_WIDTH);
        int ek = f.metaInt(ENCODER_KERNEL, 0, WtaConfig.MAX_IMAGE);
        int dk = f.metaInt(DECODER_KERNEL, 0, WtaConfig.MAX_IMAGE);
        double k = f.metaDouble(K_PERCENT);
        if (!(k > 0 && k <= 100)) throw f.badMeta(K_PERCENT, f.requireMeta(K_PERCENT), "a percentage in (0, 100]");
        boolean spatial = f.metaBool(SPATIAL);
        long seed = f.metaLong(SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        try {
            return new WtaConfig(kind, hw[0], hw[1], hidden, ek, dk, k, spatial, seed);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(f.path(), "has an invalid winner-take-all description: " + e.getMessage());
        }
    }

    /** {height, width} of "HxW" within 1..MAX_IMAGE, or null. */
    static int[] parseImage(String v) {
        String[] parts = v.toLowerCase(Locale.ROOT).split("x", -1);
        if (parts.length != 2) return null;
        try {
            int h = Integer.parseInt(parts[0].trim());
            int w = Integer.parseInt(parts[1].trim());
            return h >= 1 && w >= 1 && h <= WtaConfig.MAX_IMAGE && w <= WtaConfig.MAX_IMAGE ? new int[] {h, w} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
