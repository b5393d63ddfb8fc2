package org.genscope.ui.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an animated GIF the way a browser shows it: each frame drawn at its position over what the previous
 * frames left (transparent pixels keep what is there; disposal "restoreToBackgroundColor" clears the frame's
 * rectangle afterwards), so the result is the sequence of full pictures a viewer sees, as opaque RGB.
 */
public final class GifFrames {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private GifFrames() {}

    /** The composited frames, in order. */
    public static List<BufferedImage> read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in);
                IIOMetadataNode stream = (IIOMetadataNode) reader.getStreamMetadata().getAsTree("javax_imageio_gif_stream_1.0");
                IIOMetadataNode screen = child(stream, "LogicalScreenDescriptor");
                int w = Integer.parseInt(screen.getAttribute("logicalScreenWidth"));
                int h = Integer.parseInt(screen.getAttribute("logicalScreenHeight"));
                int[] canvas = new int[w * h];
                List<BufferedImage> out = new ArrayList<>();
                int n = reader.getNumImages(true);
                for (int i = 0; i < n; i++) {
                    BufferedImage img = reader.read(i);
                    IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree(FORMAT);
                    IIOMetadataNode desc = child(root, "ImageDescriptor");
                    int x0 = Integer.parseInt(desc.getAttribute("imageLeftPosition"));
                    int y0 = Integer.parseInt(desc.getAttribute("imageTopPosition"));
                    for (int y = 0; y < img.getHeight(); y++) {
                        for (int x = 0; x < img.getWidth(); x++) {
                            int argb = img.getRGB(x, y);
                            if ((argb >>> 24) != 0) canvas[(y0 + y) * w + x0 + x] = argb | 0xFF000000;
                        }
                    }
                    BufferedImage shown = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                    shown.setRGB(0, 0, w, h, canvas, 0, w);
                    out.add(shown);
                    IIOMetadataNode gce = child(root, "GraphicControlExtension");
                    if (gce != null && "restoreToBackgroundColor".equals(gce.getAttribute("disposalMethod"))) {
                        for (int y = 0; y < img.getHeight(); y++) {
                            for (int x = 0; x < img.getWidth(); x++) canvas[(y0 + y) * w + x0 + x] = 0;
                        }
                    }
                }
                return out;
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * How far {@code shown} is from {@code expected}, per pixel the largest difference of one channel (0..255):
     * its maximum, its 99.9th percentile, and the mean difference over all pixels and channels.
     */
    public record Error(int max, int p999, double mean) {
        public static Error between(BufferedImage expected, BufferedImage shown) {
            int[] histogram = new int[256];
            long sum = 0;
            int n = expected.getWidth() * expected.getHeight();
            for (int y = 0; y < expected.getHeight(); y++) {
                for (int x = 0; x < expected.getWidth(); x++) {
                    int a = expected.getRGB(x, y);
                    int b = shown.getRGB(x, y);
                    int worst = 0;
                    for (int s = 0; s <= 16; s += 8) {
                        int d = Math.abs(((a >> s) & 255) - ((b >> s) & 255));
                        worst = Math.max(worst, d);
                        sum += d;
                    }
                    histogram[worst]++;
                }
            }
            int max = 255;
            while (max > 0 && histogram[max] == 0) max--;
            int p = 255;
            for (long above = 0; p > 0 && (above += histogram[p]) <= n / 1000; ) p--;
            return new Error(max, p, sum / (3.0 * n));
        }

        /** The worse of two errors, figure by figure. */
        public Error worst(Error o) {
            return new Error(Math.max(max, o.max), Math.max(p999, o.p999), Math.max(mean, o.mean));
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equals(name)) return (IIOMetadataNode) parent.item(i);
        }
        return null;
    }
}
