package org.genscope.ui.wta;

import org.genscope.wta.WtaConfig;
import org.genscope.wta.WtaKind;

/**
 * The WTA workspace's settings as typed, checked before anything trains: the autoencoder ({@link WtaConfig}, whose
 * own checks refuse k ≤ 0 or &gt; 100, a filter larger than the image and 0 units or maps) and the run (Adam's
 * learning rate, decoupled weight decay λ, batch, epochs). Every refusal is a sentence for the error line.
 */
record WtaSettings(WtaConfig config, double learningRate, double weightDecay, int batch, int epochs) {
    static final int MAX_BATCH = 10_000;
    static final int MAX_EPOCHS = 10_000;

    WtaSettings {
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("Learning rate: a number in (0, 1], e.g. 0.001.");
        }
        if (!(weightDecay >= 0) || learningRate * weightDecay >= 1) {
            throw new IllegalArgumentException("Weight decay λ: a number ≥ 0 with learning rate × λ below 1 (each step keeps "
                    + "1 − learning rate × λ of every weight), e.g. 0 or 10.");
        }
        if (batch < 1 || batch > MAX_BATCH) throw new IllegalArgumentException("Batch: 1.." + MAX_BATCH + " images per step.");
        if (epochs < 1 || epochs > MAX_EPOCHS) throw new IllegalArgumentException("Epochs: 1.." + MAX_EPOCHS + ".");
    }

    /**
     * @param units   FC: hidden widths, e.g. "2000" or "1000,500"; conv: feature maps per convolution, e.g. "32,32"
     * @param kernels conv: {encoder filter, decoder filter} sizes, e.g. {5, 11}; ignored for FC
     */
    static WtaSettings parse(WtaKind kind, int height, int width, String units, int[] kernels, double kPercent,
                             boolean spatial, long seed, String learningRate, String weightDecay, int batch,
                             int epochs) {
        int[] hidden = widths(kind, units);
        boolean conv = kind == WtaKind.CONV;
        WtaConfig config;
        try {
            config = new WtaConfig(kind, height, width, hidden, conv ? kernels[0] : 0, conv ? kernels[1] : 0, kPercent,
                    conv && spatial, seed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(sentence(e.getMessage()));
        }
        return new WtaSettings(config, number("Learning rate", learningRate, "0.001"),
                number("Weight decay λ", weightDecay, "0 or 10"), batch, epochs);
    }

    private static int[] widths(WtaKind kind, String text) {
        String what = kind == WtaKind.FC ? "Hidden units" : "Feature maps";
        String example = kind == WtaKind.FC ? "2000" : "32,32";
        String[] parts = text == null ? new String[0] : text.trim().split("\\s*[,\\-]\\s*");
        if (parts.length == 0 || parts[0].isEmpty()) {
            throw new IllegalArgumentException(what + ": give at least one layer, e.g. " + example + ".");
        }
        int[] w = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                w[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + ": '" + parts[i] + "' is not a whole number (e.g. " + example + ").");
            }
            if (w[i] < 1) {
                throw new IllegalArgumentException(what + ": every layer needs at least 1 " + (kind == WtaKind.FC ? "unit"
                        : "feature map") + ", got " + w[i] + ".");
            }
        }
        return w;
    }

    private static double number(String what, String text, String example) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(what + ": '" + text + "' is not a number (e.g. " + example + ").");
        }
    }


    /** The configuration's message as a sentence: capitalised, ending in a full stop. */
    private static String sentence(String m) {
        String s = Character.toUpperCase(m.charAt(0)) + m.substring(1);
        return s.endsWith(".") || s.endsWith(")") ? s : s + ".";
    }
}
