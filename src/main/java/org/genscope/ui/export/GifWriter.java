package org.genscope.ui.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntUnaryOperator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes animated GIFs with the JDK's own GIF writer (javax.imageio, no extra library): one Graphic Control
 * Extension per frame carries its delay (in hundredths of a second, GIF89a §23), and a NETSCAPE2.0 application
 * extension on the first frame makes it loop forever (loop count 0). RGB frames are reduced to a 256-colour
 * palette each by the writer. Frames are pulled one at a time, so a long animation never sits in memory whole.
 * Written atomically (temporary file, then rename). Any thread; the frames' source decides where they come from.
 */
public final class GifWriter {
    /** Browsers slow down shorter delays (≤ 1 cs) to 10 cs; this is the shortest delay written. */
    public static final int MIN_DELAY_MS = 20;
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    /** Supplies frame {@code index} (0-based) when the writer needs it. */
    @FunctionalInterface
    public interface FrameSource {
        BufferedImage frame(int index) throws IOException;
    }

    private GifWriter() {}

    /** Writes these frames, each shown for {@code delayMillis}, looping forever. */
    public static void write(Path file, List<BufferedImage> frames, int delayMillis) throws IOException {
        write(file, frames.size(), frames::get, i -> delayMillis, true);
    }

    /**
     * Writes {@code count} frames of one size.
     *
     * @param delayMillis how long frame i is shown (rounded to hundredths, at least {@value #MIN_DELAY_MS} ms)
     * @param loop        repeat forever; otherwise play once
     * @throws IOException if a frame cannot be made or written, or differs in size from the first
     */
    public static void write(Path file, int count, FrameSource frames, IntUnaryOperator delayMillis, boolean loop) throws IOException {
        if (count < 1) throw new IllegalArgumentException("an animated GIF needs at least one frame, got " + count);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) throw new IOException("no GIF writer available in this Java runtime");
        ImageWriter writer = writers.next();
        try {
            ViewExporter.writeAtomically(file, out -> {
                try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                    writer.setOutput(ios);
                    writer.prepareWriteSequence(null);
                    ImageWriteParam param = writer.getDefaultWriteParam();
                    int width = -1;
                    int height = -1;
                    for (int i = 0; i < count; i++) {
                        BufferedImage img = frames.frame(i);
                        if (i == 0) {
                            width = img.getWidth();
                            height = img.getHeight();
                        } else if (img.getWidth() != width || img.getHeight() != height) {
                            throw new IOException(file.getFileName() + ": frame " + i + " is " + img.getWidth() + "×" + img.getHeight()
                                    + ", the first was " + width + "×" + height);
                        }
                        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
                        configure(meta, delayMillis.applyAsInt(i), i == 0 && loop);
                        writer.writeToSequence(new IIOImage(img, null, meta), param);
                    }
                    writer.endWriteSequence();
                }
            });
        } finally {
            writer.dispose();
        }
    }

    private static void configure(IIOMetadata meta, int delayMillis, boolean loopExtension) throws IOException {
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("transparentColorIndex", "0");
        gce.setAttribute("delayTime", Integer.toString(Math.round(Math.max(MIN_DELAY_MS, delayMillis) / 10f)));
        if (loopExtension) {
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            // sub-block 1, loop count 0 (little-endian) = forever
            app.setUserObject(new byte[] {1, 0, 0});
            child(root, "ApplicationExtensions").appendChild(app);
        }
        meta.setFromTree(FORMAT, root);
    }

    /** The child element of that name, created if missing. */
    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) parent.item(i);
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        parent.appendChild(n);
        return n;
    }
}
