package org.genscope.nn;

/**
 * The shape of one example of a batch of images: C channels of H×W pixels. The one place that fixes the image
 * layout of Genscope's convolutions: a batch is a B × (C·H·W) row-major matrix, each row one image in
 * <b>NCHW</b> order, pixel (c, y, x) at column (c·H + y)·W + x. This is the layout the datasets already have (a
 * grey image is its 784 pixels), and with it the im2col GEMM of {@link Conv2d} writes each image's output maps
 * straight in place (rows = output channels, columns = pixels), so no layer ever transposes a batch. NHWC would
 * need a transpose where the network meets the data; the GEMMs are nearly all of a convolution's time either way
 * (README, "Performance"). Inside a layer, work buffers may hold an image in another order: the 128-map layers'
 * {@link ShiftedConvolution} keeps each image row-unfolded (for channel c and horizontal filter offset v, a plane of
 * the padded image shifted left by v: C·K planes of (H + 2p) × OW, see its comment); nothing outside it sees that.
 *
 * @param channels C ≥ 1
 * @param height   H ≥ 1
 * @param width    W ≥ 1
 */
public record ImageShape(int channels, int height, int width) {
    public ImageShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("an image needs at least 1 channel and 1×1 pixels, got " + channels
                    + "×" + height + "×" + width);
        }
        if ((long) channels * height * width > Integer.MAX_VALUE / 8) {
            throw new IllegalArgumentException("image " + channels + "×" + height + "×" + width + " is too large");
        }
    }

    /** A one-channel (grey) image. */
    public static ImageShape grey(int height, int width) {
        return new ImageShape(1, height, width);
    }

    /** H·W, the pixels of one channel (one feature map). */
    public int pixels() {
        return height * width;
    }

    /** C·H·W, the columns one image takes in a batch. */
    public int size() {
        return channels * height * width;
    }

    /** The same H×W with another number of channels. */
    public ImageShape withChannels(int c) {
        return new ImageShape(c, height, width);
    }

    /**
     * The output size of a convolution along one axis: ⌊(in + 2·padding − kernel) / stride⌋ + 1. Throws with a
     * message a user can act on when the filter does not fit.
     */
    public static int convOutput(int in, int kernel, int stride, int padding) {
        if (kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("filter size and stride must be ≥ 1 and padding ≥ 0, got filter "
                    + kernel + ", stride " + stride + ", padding " + padding);
        }
        if (kernel > in + 2 * padding) {
            throw new IllegalArgumentException("a " + kernel + "×" + kernel + " filter is larger than the " + in
                    + "-pixel image" + (padding > 0 ? " with padding " + padding : "")
                    + "; use a filter of at most " + (in + 2 * padding));
        }
        return (in + 2 * padding - kernel) / stride + 1;
    }

    @Override
    public String toString() {
        return channels + "×" + height + "×" + width;
    }
}
