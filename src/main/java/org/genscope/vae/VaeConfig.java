package org.genscope.vae;

import java.util.Arrays;
import org.genscope.nn.Activations;

/**
 * Everything that defines a variational autoencoder before training (Kingma &amp; Welling 2014): the two networks, the
 * latent size, the observation model and the training objective. Validated on construction; each refusal is one
 * sentence saying what to change.
 *
 * @param inputs            D, the data dimension
 * @param encoderHidden     widths of the encoder's hidden layers (empty: q's parameters are an affine map of x)
 * @param encoderActivation the encoder's hidden nonlinearity, one of {@link Activations#NAMES}
 * @param latent            L, the number of latent variables, 1..{@value #MAX_LATENT}
 * @param decoderHidden     widths of the decoder's hidden layers
 * @param decoderActivation the decoder's hidden nonlinearity
 * @param decoder           Bernoulli logits (binary data) or a diagonal Gaussian (continuous data)
 * @param samples           S, draws of z per data point in each training step (eq. 7's L; 1 in the paper's MNIST runs)
 * @param beta              β ≥ 0, the weight of the KL term in the training objective (1: the ELBO; β &gt; 1: β-VAE)
 * @param warmupSteps       KL warm-up: β rises linearly from 0 over this many steps (0: no warm-up)
 * @param seed              seeds the initial weights
 */
public record VaeConfig(int inputs, int[] encoderHidden, String encoderActivation, int latent, int[] decoderHidden,
                        String decoderActivation, DecoderKind decoder, int samples, double beta, long warmupSteps,
                        long seed) {

    public static final int MAX_INPUTS = 100_000;
    public static final int MAX_LATENT = 100;
    public static final int MAX_WIDTH = 100_000;
    public static final int MAX_LAYERS = 16;
    public static final int MAX_SAMPLES = 256;
    public static final double MAX_BETA = 1000;
    /** At most this many parameters (400 MB of float32). */
    public static final long MAX_PARAMETERS = 100_000_000L;

    public VaeConfig {
        if (inputs < 1 || inputs > MAX_INPUTS) throw new IllegalArgumentException("the data dimension must be 1 to " + MAX_INPUTS + ", got " + inputs);
        encoderHidden = checkedWidths("encoder", encoderHidden);
        decoderHidden = checkedWidths("decoder", decoderHidden);
        encoderActivation = Activations.check(encoderActivation);
        decoderActivation = Activations.check(decoderActivation);
        if (latent < 1 || latent > MAX_LATENT) throw new IllegalArgumentException("the latent size must be 1 to " + MAX_LATENT + ", got " + latent);
        if (decoder == null) throw new IllegalArgumentException("choose a decoder: bernoulli for binary data, gaussian for continuous data");
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples per data point must be 1 to " + MAX_SAMPLES + ", got " + samples);
        }
        if (!(beta >= 0 && beta <= MAX_BETA)) throw new IllegalArgumentException("β must be a number from 0 to " + (int) MAX_BETA + ", got " + beta);
        if (warmupSteps < 0) throw new IllegalArgumentException("the KL warm-up must be 0 (off) or a positive number of steps, got " + warmupSteps);
        long p = parameterCount(inputs, encoderHidden, latent, decoderHidden, decoder);
        if (p > MAX_PARAMETERS) {
            throw new IllegalArgumentException("this VAE would have " + p + " parameters, more than the limit of " + MAX_PARAMETERS + "; use narrower layers");
        }
    }

    /**
     * The IWAE paper's one-stochastic-layer model for D ≥ 64 (Burda et al. 2016: 200-200 tanh each side, 50 latent
     * units, Bernoulli decoder), else a 2-D-latent model with 64-64 tanh and a Gaussian decoder for points; β = 1,
     * one sample, no warm-up, seed 42.
     */
    public static VaeConfig defaults(int inputs) {
        boolean images = inputs >= 64;
        int[] h = images ? new int[] {200, 200} : new int[] {64, 64};
        return new VaeConfig(inputs, h, "tanh", images ? 50 : 2, h, "tanh", images ? DecoderKind.BERNOULLI : DecoderKind.GAUSSIAN,
                1, 1, 0, 42);
    }

    private static int[] checkedWidths(String side, int[] widths) {
        if (widths == null) throw new IllegalArgumentException("the " + side + "'s hidden sizes are missing (use none for no hidden layer)");
        int[] w = widths.clone();
        if (w.length > MAX_LAYERS) throw new IllegalArgumentException("the " + side + " may have at most " + MAX_LAYERS + " hidden layers, got " + w.length);
        for (int l = 0; l < w.length; l++) {
            if (w[l] < 1 || w[l] > MAX_WIDTH) {
                throw new IllegalArgumentException("hidden layer " + (l + 1) + " of the " + side + " must have 1 to " + MAX_WIDTH + " units, got " + w[l]);
            }
        }
        return w;
    }

    /** The weight of the KL term at training step t (steps completed before it): β·min(1, t / warm-up). */
    public double betaAt(long step) {
        if (warmupSteps == 0 || step >= warmupSteps) return beta;
        return beta * Math.max(0, step) / warmupSteps;
    }

    /** Number of trainable parameters of both networks. */
    public long parameterCount() {
        return parameterCount(inputs, encoderHidden, latent, decoderHidden, decoder);
    }

    private static long parameterCount(int d, int[] enc, int l, int[] dec, DecoderKind kind) {
        return mlp(d, enc, 2L * l) + mlp(l, dec, (long) kind.paramsPerDimension * d);
    }

    private static long mlp(long in, int[] hidden, long out) {
        long total = 0;
        long below = in;
        for (int h : hidden) {
            total += below * h + h;
            below = h;
        }
        return total + below * out + out;
    }

    /** "784-200-200-(50)-200-200-784": data, encoder widths, latent size, decoder widths, data. */
    public String architecture() {
        StringBuilder sb = new StringBuilder().append(inputs);
        for (int h : encoderHidden) sb.append('-').append(h);
        sb.append("-(").append(latent).append(')');
        for (int h : decoderHidden) sb.append('-').append(h);
        return sb.append('-').append(inputs).toString();
    }

    @Override
    public int[] encoderHidden() {
        return encoderHidden.clone();
    }

    @Override
    public int[] decoderHidden() {
        return decoderHidden.clone();
    }

    public VaeConfig withHidden(int[] encoder, int[] decoder) {
        return new VaeConfig(inputs, encoder, encoderActivation, latent, decoder, decoderActivation, this.decoder, samples, beta, warmupSteps, seed);
    }

    public VaeConfig withActivations(String encoder, String decoder) {
        return new VaeConfig(inputs, encoderHidden, encoder, latent, decoderHidden, decoder, this.decoder, samples, beta, warmupSteps, seed);
    }

    public VaeConfig withLatent(int l) {
        return new VaeConfig(inputs, encoderHidden, encoderActivation, l, decoderHidden, decoderActivation, decoder, samples, beta, warmupSteps, seed);
    }

    public VaeConfig withDecoder(DecoderKind kind) {
        return new VaeConfig(inputs, encoderHidden, encoderActivation, latent, decoderHidden, decoderActivation, kind, samples, beta, warmupSteps, seed);
    }

    public VaeConfig withSamples(int s) {
        return new VaeConfig(inputs, encoderHidden, encoderActivation, latent, decoderHidden, decoderActivation, decoder, s, beta, warmupSteps, seed);
    }

    /** β and its warm-up (0 steps: none). */
    public VaeConfig withBeta(double b, long warmup) {
        return new VaeConfig(inputs, encoderHidden, encoderActivation, latent, decoderHidden, decoderActivation, decoder, samples, b, warmup, seed);
    }

    public VaeConfig withSeed(long s) {
        return new VaeConfig(inputs, encoderHidden, encoderActivation, latent, decoderHidden, decoderActivation, decoder, samples, beta, warmupSteps, s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VaeConfig c && inputs == c.inputs && Arrays.equals(encoderHidden, c.encoderHidden)
                && encoderActivation.equals(c.encoderActivation) && latent == c.latent
                && Arrays.equals(decoderHidden, c.decoderHidden) && decoderActivation.equals(c.decoderActivation)
                && decoder == c.decoder && samples == c.samples && Double.compare(beta, c.beta) == 0
                && warmupSteps == c.warmupSteps && seed == c.seed;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {inputs, Arrays.hashCode(encoderHidden), encoderActivation, latent,
                Arrays.hashCode(decoderHidden), decoderActivation, decoder, samples, beta, warmupSteps, seed});
    }

    @Override
    public String toString() {
        return "VaeConfig[" + architecture() + ", " + encoderActivation + "/" + decoderActivation + ", " + decoder + ", S="
                + samples + ", β=" + beta + (warmupSteps > 0 ? " (warm-up " + warmupSteps + " steps)" : "") + ", seed=" + seed + "]";
    }
}
