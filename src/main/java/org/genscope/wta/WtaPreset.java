package org.genscope.wta;

/**
 * Ready-made winner-take-all autoencoders on 28×28 images, for the workspace's preset list and
 * {@code genscope train wta --preset}: the paper's two MNIST models and the demonstrations its figures make
 * (Makhzani &amp; Frey 2015, Fig. 1: sparsity moves FC filters from local to global; Fig. 2/3: without sparsity a
 * convolutional autoencoder learns delta functions, with it edges and strokes).
 */
public enum WtaPreset {
    FC_5("FC-WTA 5%", WtaConfig.fc(28, 28, 5, 42, 2000), 1e-3, 0),
    FC_20("FC-WTA 20% (local)", WtaConfig.fc(28, 28, 20, 42, 2000), 1e-3, 0),
    CONV_32("Conv-WTA 32 maps", WtaConfig.conv(28, 28, 20, true, 42, 32, 32), 1e-3, 0),
    CONV_128("Conv-WTA 128 (paper)", WtaConfig.conv(28, 28, 5, true, 42, 128, 128), 5e-4, 0),
    /*
     * Without sparsity an overcomplete conv AE can copy its input through any basis of filters, so the filters it
     * ends at depend on the start: from small random weights they stay noise. Weight decay picks, among the
     * filters that copy, the ones of least norm; a copy through one map costs least when the encoder and decoder
     * filters are single pixels, so the delta functions of the paper's Fig. 2 appear.
     */
    CONV_PLAIN("plain conv AE (delta filters)", WtaConfig.conv(28, 28, 100, false, 42, 32, 32), 1e-3, 10);

    /** What the workspace lists. */
    public final String title;
    public final WtaConfig config;
    /** An Adam learning rate that trains it. */
    public final double learningRate;
    /** λ of the decoupled weight decay w ← w·(1 − lr·λ) per step; 0 = none. */
    public final double weightDecay;

    WtaPreset(String title, WtaConfig config, double learningRate, double weightDecay) {
        this.title = title;
        this.config = config;
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
    }

    /** The command-line name: fc-5, fc-20, conv-32, conv-128, conv-plain. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** By {@link #key()}. */
    public static WtaPreset byKey(String key) {
        for (WtaPreset p : values()) if (p.key().equals(key)) return p;
        StringBuilder names = new StringBuilder();
        for (WtaPreset p : values()) names.append(names.length() == 0 ? "" : ", ").append(p.key());
        throw new IllegalArgumentException("unknown preset '" + key + "'; choose one of " + names);
    }
}
