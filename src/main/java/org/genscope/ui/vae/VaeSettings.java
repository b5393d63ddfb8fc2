package org.genscope.ui.vae;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.genscope.nn.OptimizerKind;
import org.genscope.vae.DecoderKind;
import org.genscope.vae.VaeConfig;

/**
 * The side panel's settings, parsed and checked before anything trains. Every refusal is one sentence for the error
 * line saying what to change; the model's own limits (latent size, widths, β, samples, parameter count) are
 * {@link VaeConfig}'s, so the app and {@code genscope train vae} refuse the same things in the same words.
 *
 * @param encoderHidden the encoder's hidden widths
 * @param decoderHidden the decoder's
 */
record VaeSettings(int[] encoderHidden, int[] decoderHidden, String activation, int latent, int samples, double beta,
                   long warmup, OptimizerKind optimizer, double learningRate, int epochs, int batch, long seed) {
    static final int MAX_EPOCHS = 10_000;
    static final int MAX_BATCH = 10_000;

    /** Reads the fields as typed; throws {@link IllegalArgumentException} with the sentence for the error line. */
    static VaeSettings parse(String hidden, String activation, int latent, int samples, String beta, int warmup,
                             OptimizerKind optimizer, String learningRate, int epochs, int batch, long seed) {
        int[][] w = widths(hidden);
        double b = number("β", beta, "a number from 0 to " + (int) VaeConfig.MAX_BETA + " (1 is the ELBO itself)");
        double lr = number("Learning rate", learningRate, "a number in (0, 1], e.g. 0.001");
        if (!(lr > 0 && lr <= 1)) throw new IllegalArgumentException("Learning rate: a number in (0, 1], e.g. 0.001.");
        if (epochs < 1 || epochs > MAX_EPOCHS) throw new IllegalArgumentException("Epochs: 1 to " + MAX_EPOCHS + ".");
        if (batch < 1 || batch > MAX_BATCH) throw new IllegalArgumentException("Batch: 1 to " + MAX_BATCH + " examples per step.");
        VaeSettings s = new VaeSettings(w[0], w[1], activation, latent, samples, b, warmup, optimizer, lr, epochs, batch, seed);
        s.config(2, DecoderKind.GAUSSIAN);              // the model's own limits, before the data is known
        return s;
    }

    /** The model for data of dimension {@code inputs}; refusals as sentences. */
    VaeConfig config(int inputs, DecoderKind decoder) {
        try {
            return new VaeConfig(inputs, encoderHidden, activation, latent, decoderHidden, activation, decoder, samples,
                    beta, warmup, seed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(sentence(e.getMessage()), e);
        }
    }

    /**
     * Hidden widths as typed: {@code 200, 200} for both networks (the decoder mirrors the encoder), {@code 400 / 200,
     * 100} for encoder / decoder, {@code none} for no hidden layer; returns {encoder, decoder}.
     */
    static int[][] widths(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) throw new IllegalArgumentException("Hidden sizes: give widths such as 200, 200 (or none).");
        String[] sides = t.split("/", -1);
        if (sides.length > 2) throw new IllegalArgumentException("Hidden sizes: at most one '/' (encoder / decoder), e.g. 400 / 200, 200.");
        int[] encoder = side(sides[0]);
        int[] decoder = sides.length == 2 ? side(sides[1]) : reversed(encoder);
        return new int[][] {encoder, decoder};
    }

    /** The text {@link #widths} reads back to these networks. */
    static String widthsText(int[] encoder, int[] decoder) {
        return Arrays.equals(decoder, reversed(encoder)) ? join(encoder) : join(encoder) + " / " + join(decoder);
    }

    private static int[] side(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("none")) return new int[0];
        List<Integer> w = new ArrayList<>();
        for (String part : t.split("[,\\s]+")) {
            if (part.isEmpty()) continue;
            try {
                w.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Hidden sizes: '" + part + "' is not a whole number of units (e.g. 200, 200).");
            }
        }
        if (w.isEmpty()) throw new IllegalArgumentException("Hidden sizes: give widths such as 200, 200 (or none).");
        return w.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] reversed(int[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[a.length - 1 - i];
        return r;
    }

    private static String join(int[] w) {
        return w.length == 0 ? "none" : Arrays.stream(w).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    }

    private static double number(String what, String text, String expected) {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException | NullPointerException e) {
            // the sentence below
        }
        throw new IllegalArgumentException(what + ": '" + text + "' is not " + expected + ".");
    }

    /** A model message as a sentence: capital first letter, full stop. */
    static String sentence(String m) {
        char first = m.charAt(0);
        String s = first >= 'a' && first <= 'z' ? Character.toUpperCase(first) + m.substring(1) : m;   // not β
        return s.endsWith(".") ? s : s + ".";
    }
}
