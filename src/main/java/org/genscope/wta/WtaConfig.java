package org.genscope.wta;

import java.util.Arrays;
import java.util.Locale;
import org.genscope.PlainNumber;
import org.genscope.nn.ImageShape;

/**
 * Everything that defines a winner-take-all autoencoder before training, validated on construction with messages a
 * user can act on.
 *
 * @param kind          {@link WtaKind#FC} or {@link WtaKind#CONV}
 * @param height        image height H (grey images, one channel)
 * @param width         image width W
 * @param hidden        FC: the widths of the ReLU encoder layers (e.g. {2000}); conv: the feature maps of each 5×5
 *                      ReLU convolution (e.g. {128, 128}); each ≥ 1
 * @param encoderKernel conv: the encoder's filter size K (odd, "same" padding (K − 1)/2); FC: 0
 * @param decoderKernel conv: the transposed convolution's filter size (odd; the paper's 11); FC: 0
 * @param kPercent      lifetime sparsity k in (0, 100]: per unit (FC) or feature map (conv), the percentage of the
 *                      mini-batch that keeps its activation; 100 keeps all (no lifetime sparsity)
 * @param spatial       conv: spatial sparsity on (one winner per feature map per image); FC: false
 * @param seed          seeds the initial weights
 */
public record WtaConfig(WtaKind kind, int height, int width, int[] hidden, int encoderKernel, int decoderKernel,
                        double kPercent, boolean spatial, long seed) {
    public static final int MAX_WIDTH = 100_000;
    public static final int MAX_LAYERS = 4;
    public static final int MAX_IMAGE = 512;
    /** At most this many parameters (400 MB of float32). */
    public static final long MAX_PARAMETERS = 100_000_000L;

    public WtaConfig {
        if (kind == null) throw new IllegalArgumentException("choose fc or conv");
        if (height < 1 || width < 1 || height > MAX_IMAGE || width > MAX_IMAGE) {
            throw new IllegalArgumentException("images must be 1×1 to " + MAX_IMAGE + "×" + MAX_IMAGE + " pixels, got "
                    + height + "×" + width);
        }
        if (hidden == null || hidden.length == 0) {
            throw new IllegalArgumentException(kind == WtaKind.FC ? "an FC-WTA needs at least one hidden layer (e.g. 2000)"
                    : "a Conv-WTA needs at least one convolution (e.g. 128,128 maps)");
        }
        hidden = hidden.clone();
        if (hidden.length > MAX_LAYERS) throw new IllegalArgumentException("at most " + MAX_LAYERS + " encoder layers, got " + hidden.length);
        for (int l = 0; l < hidden.length; l++) {
            if (hidden[l] < 1 || hidden[l] > MAX_WIDTH) {
                throw new IllegalArgumentException((kind == WtaKind.FC ? "hidden layer " + (l + 1) + " needs 1.." + MAX_WIDTH + " units"
                        : "convolution " + (l + 1) + " needs 1.." + MAX_WIDTH + " feature maps") + ", got " + hidden[l]);
            }
        }
        if (!(kPercent > 0 && kPercent <= 100)) {
            throw new IllegalArgumentException("lifetime sparsity k must be a percentage in (0, 100], got " + kPercent
                    + " (5 keeps each unit's top 5% of a mini-batch; 100 turns it off)");
        }
        if (kind == WtaKind.FC) {
            if (spatial) throw new IllegalArgumentException("spatial sparsity acts on feature maps; an FC-WTA has none (use kind conv)");
            if (encoderKernel != 0 || decoderKernel != 0) throw new IllegalArgumentException("an FC-WTA has no filter sizes");
        } else {
            checkKernel("encoder", encoderKernel, height, width);
            checkKernel("decoder", decoderKernel, height, width);
        }
        long p = parameterCount(kind, height * width, hidden, encoderKernel, decoderKernel);
        if (p > MAX_PARAMETERS) throw new IllegalArgumentException("this autoencoder would have " + p + " parameters; the limit is " + MAX_PARAMETERS);
    }

    private static void checkKernel(String which, int k, int h, int w) {
        if (k < 1 || k % 2 == 0) {
            throw new IllegalArgumentException("the " + which + " filter size must be odd (for same padding), got " + k);
        }
        if (k > Math.min(h, w)) {
            throw new IllegalArgumentException("a " + k + "×" + k + " " + which + " filter is larger than the " + h + "×" + w
                    + " image; use at most " + (Math.min(h, w) % 2 == 1 ? Math.min(h, w) : Math.min(h, w) - 1));
        }
    }

    /** FC-WTA on H×W images: ReLU layers of the given widths, lifetime sparsity k%. */
    public static WtaConfig fc(int height, int width, double kPercent, long seed, int... widths) {
        return new WtaConfig(WtaKind.FC, height, width, widths, 0, 0, kPercent, false, seed);
    }

    /** Conv-WTA on H×W images: 5×5 convolutions of the given maps, an 11×11 decoder, sparsity as given. */
    public static WtaConfig conv(int height, int width, double kPercent, boolean spatial, long seed, int... maps) {
        return new WtaConfig(WtaKind.CONV, height, width, maps, 5, 11, kPercent, spatial, seed);
    }

    /** The image the autoencoder reconstructs (one channel). */
    public ImageShape image() {
        return ImageShape.grey(height, width);
    }

    /** Pixels per image, H·W. */
    public int inputs() {
        return height * width;
    }

    /** The code the sparsity acts on: units of the last FC layer, or feature maps of the last convolution. */
    public int codeUnits() {
        return hidden[hidden.length - 1];
    }

    /** Whether any sparsity rule is on (a plain autoencoder otherwise). */
    public boolean sparse() {
        return kPercent < 100 || spatial;
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    public long parameterCount() {
        return parameterCount(kind, inputs(), hidden, encoderKernel, decoderKernel);
    }

    private static long parameterCount(WtaKind kind, int d, int[] hidden, int ek, int dk) {
        long total = 0;
        long below = kind == WtaKind.FC ? d : 1;
        for (int h : hidden) {
            total += kind == WtaKind.FC ? below * h + h : below * ek * ek * h + h;
            below = h;
        }
        return total + (kind == WtaKind.FC ? below * d + d : below * dk * dk + 1);
    }

    /** The paper's notation: "784-2000-784 (FC-WTA, k 5%)" or "128conv5-128conv5-128deconv11 (spatial, k 5%)". */
    public String architecture() {
        StringBuilder sb = new StringBuilder();
        if (kind == WtaKind.FC) {
            sb.append(inputs());
            for (int h : hidden) sb.append('-').append(h);
            sb.append('-').append(inputs());
        } else {
            for (int h : hidden) sb.append(h).append("conv").append(encoderKernel).append('-');
            sb.append(codeUnits()).append("deconv").append(decoderKernel);
        }
        return sb.toString();
    }

    /** "lifetime 5%, spatial" / "no sparsity". */
    public String sparsity() {
        if (!sparse()) return "no sparsity";
        String k = kPercent < 100 ? "lifetime " + percent(kPercent) + "%" : "";
        if (!spatial) return k;
        return k.isEmpty() ? "spatial" : "spatial + " + k;
    }

    static String percent(double k) {
        return PlainNumber.of(k);
    }

    public WtaConfig withKPercent(double k) {
        return new WtaConfig(kind, height, width, hidden, encoderKernel, decoderKernel, k, spatial, seed);
    }

    public WtaConfig withSpatial(boolean on) {
        return new WtaConfig(kind, height, width, hidden, encoderKernel, decoderKernel, kPercent, on, seed);
    }

    public WtaConfig withSeed(long s) {
        return new WtaConfig(kind, height, width, hidden, encoderKernel, decoderKernel, kPercent, spatial, s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WtaConfig c && kind == c.kind && height == c.height && width == c.width
                && Arrays.equals(hidden, c.hidden) && encoderKernel == c.encoderKernel && decoderKernel == c.decoderKernel
                && Double.compare(kPercent, c.kPercent) == 0 && spatial == c.spatial && seed == c.seed;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {kind, height, width, Arrays.hashCode(hidden), encoderKernel, decoderKernel,
                kPercent, spatial, seed});
    }

    @Override
    public String toString() {
        return "WtaConfig[" + kind.name().toLowerCase(Locale.ROOT) + " " + architecture() + ", " + sparsity() + ", seed=" + seed + "]";
    }
}
