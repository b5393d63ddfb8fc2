package org.genscope.ui.export;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;

/**
 * Writes animated GIFs (GIF89a), small at the same look:
 * <ul>
 *   <li>one global colour table for the whole animation, chosen from up to {@value #PALETTE_SAMPLES} frames spread
 *       over it ({@link GifPalette}: every colour when there are at most 255, else median cut refined by k-means;
 *       no dithering, whose noise would change every pixel of every frame);</li>
 *   <li>frame differencing and lossy LZW ({@link GifFrameEncoder}): each frame is drawn over the last (disposal
 *       "doNotDispose"), pixels that already show their colour may be transparent, and a pixel at an edge may be
 *       written as any table colour within half the edge's step (at most {@value #TOLERANCE} of 255) of its own,
 *       any other pixel as one at most {@value #QUIET} further than its nearest table colour.</li>
 * </ul>
 * One Graphic Control Extension per frame carries its delay (in hundredths of a second, GIF89a §23), and a
 * NETSCAPE2.0 application extension before the first frame makes it loop forever (loop count 0). Frames are pulled
 * one at a time (the sampled ones twice), so a long animation never sits in memory whole. Written atomically
 * (temporary file, then rename). Any thread; the frames' source decides where they come from.
 */
public final class GifWriter {
    /** Browsers slow down shorter delays (≤ 1 cs) to 10 cs; this is the shortest delay written. */
    public static final int MIN_DELAY_MS = 20;
    /** Frames the colour table is chosen from (evenly spread, the first and last included). */
    static final int PALETTE_SAMPLES = 16;
    /**
     * How far (largest channel difference, 0..255) a written pixel may be from its frame's colour where contrast
     * masks it (see {@link GifFrameEncoder}); measured on the warp export: 8.5 MB instead of 12.1 MB lossless,
     * no visible difference.
     */
    public static final int TOLERANCE = 32;
    /**
     * How much further (largest channel difference, 0..255) than its nearest table colour any pixel may be written,
     * smooth areas included: enough that a pixel whose colour moved by a level or two (the density's sub-pixel
     * glide, anti-aliasing) can stay as shown, too little to see. Measured on the warp export: 7.6 MB instead of
     * 8.3 MB with 0 (light theme).
     */
    static final int QUIET = 4;

    /** Supplies frame {@code index} (0-based) when the writer needs it. */
    @FunctionalInterface
    public interface FrameSource {
        BufferedImage frame(int index) throws IOException;
    }

    private GifWriter() {}

    /** Writes these frames, each shown for {@code delayMillis}, looping forever. */
    public static void write(Path file, List<BufferedImage> frames, int delayMillis) throws IOException {
        write(file, frames.size(), frames::get, i -> delayMillis, true, i -> { });
    }

    /** Writes {@code count} frames of one size (see the next method), reporting no progress. */
    public static void write(Path file, int count, FrameSource frames, IntUnaryOperator delayMillis, boolean loop) throws IOException {
        write(file, count, frames, delayMillis, loop, i -> { });
    }

    /**
     * Writes {@code count} frames of one size.
     *
     * @param delayMillis how long frame i is shown (rounded to hundredths, at least {@value #MIN_DELAY_MS} ms)
     * @param loop        repeat forever; otherwise play once
     * @param progress    hears the number of frames written (1..count) after each
     * @throws IOException if a frame cannot be made or written, or differs in size from the first
     */
    public static void write(Path file, int count, FrameSource frames, IntUnaryOperator delayMillis, boolean loop,
                             IntConsumer progress) throws IOException {
        if (count < 1) throw new IllegalArgumentException("an animated GIF needs at least one frame, got " + count);
        FrameReader reader = new FrameReader(file, frames);
        GifPalette palette = GifPalette.of(sample(reader, count));
        int tableBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(palette.size()));   // room for the transparent index
        GifFrameEncoder encoder = new GifFrameEncoder(palette, reader.width, 1 << tableBits, TOLERANCE, QUIET);
        ViewExporter.writeAtomically(file, raw -> {
            OutputStream out = new BufferedOutputStream(raw, 1 << 16);
            header(out, reader.width, reader.height, palette, tableBits, loop);
            for (int i = 0; i < count; i++) {
                int[] rgb = reader.pixels(i);
                int delay = Math.round(Math.max(MIN_DELAY_MS, delayMillis.applyAsInt(i)) / 10f);
                // Graphic Control Extension: disposal 1 (do not dispose), transparency after the first frame
                out.write(new byte[] {0x21, (byte) 0xF9, 4, (byte) (1 << 2 | (i > 0 ? 1 : 0)),
                        (byte) delay, (byte) (delay >> 8), (byte) palette.size(), 0});
                // Image Descriptor: the whole logical screen, no local table, not interlaced
                out.write(0x2C);
                short16(out, 0);
                short16(out, 0);
                short16(out, reader.width);
                short16(out, reader.height);
                out.write(0);
                out.write(encoder.encode(rgb));
                progress.accept(i + 1);
            }
            out.write(0x3B);
            out.flush();
        });
    }

    /** Signature, Logical Screen Descriptor, Global Color Table and, for a loop, the NETSCAPE2.0 extension. */
    private static void header(OutputStream out, int width, int height, GifPalette palette, int tableBits, boolean loop) throws IOException {
        out.write("GIF89a".getBytes(StandardCharsets.US_ASCII));
        short16(out, width);
        short16(out, height);
        out.write(0x80 | 7 << 4 | (tableBits - 1));        // global table, 8 bits per primary, 2^tableBits entries
        out.write(0);                                        // background colour index
        out.write(0);                                        // square pixels
        for (int i = 0; i < 1 << tableBits; i++) {
            int c = i < palette.size() ? palette.rgb(i) : 0;
            out.write(c >> 16);
            out.write(c >> 8);
            out.write(c);
        }
        if (loop) {
            out.write(new byte[] {0x21, (byte) 0xFF, 11});
            out.write("NETSCAPE2.0".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {3, 1, 0, 0, 0});           // sub-block 1, loop count 0 (little-endian) = forever
        }
    }

    private static void short16(OutputStream out, int v) throws IOException {
        out.write(v & 255);
        out.write((v >> 8) & 255);
    }

    /** Pulls frames and checks that they all have the first one's size. */
    private static final class FrameReader {
        private final Path file;
        private final FrameSource frames;
        int width = -1;
        int height = -1;

        FrameReader(Path file, FrameSource frames) {
            this.file = file;
            this.frames = frames;
        }

        int[] pixels(int i) throws IOException {
            BufferedImage img = frames.frame(i);
            if (width < 0) {
                width = img.getWidth();
                height = img.getHeight();
            } else if (img.getWidth() != width || img.getHeight() != height) {
                throw new IOException(file.getFileName() + ": frame " + i + " is " + img.getWidth() + "×" + img.getHeight()
                        + ", the first was " + width + "×" + height);
            }
            return img.getRGB(0, 0, width, height, null, 0, width);
        }
    }

    /** The pixels of up to PALETTE_SAMPLES frames spread evenly from the first to the last. */
    private static List<int[]> sample(FrameReader reader, int count) throws IOException {
        int n = Math.min(count, PALETTE_SAMPLES);
        List<int[]> samples = new ArrayList<>(n);
        int last = -1;
        for (int j = 0; j < n; j++) {
            int i = n == 1 ? 0 : (int) Math.round((double) j * (count - 1) / (n - 1));
            if (i != last) samples.add(reader.pixels(i));
            last = i;
        }
        return samples;
    }
}
