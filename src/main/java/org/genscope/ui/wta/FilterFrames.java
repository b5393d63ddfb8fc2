package org.genscope.ui.wta;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.genscope.ui.common.ImageGrid;
import org.genscope.ui.export.GifWriter;

/**
 * The filter grid as it looked over a run, for the animated GIF of the filters forming: a frame at most every
 * {@code gap} (starting at {@value #FIRST_GAP_MS} ms); when {@value #MAX} are held, every other one is dropped and
 * the gap doubles, so the frames always span the whole run evenly and memory stays bounded.
 */
final class FilterFrames {
    static final int MAX = 120;
    static final long FIRST_GAP_MS = 500;
    /** Screen pixels per filter pixel in the GIF. */
    static final int SCALE = 3;
    static final int DELAY_MS = 120;

    private final List<ImageGrid.Tiles> frames = new ArrayList<>();
    private long gapNanos = FIRST_GAP_MS * 1_000_000;
    private long lastNanos;

    /**
     * Offers a frame taken at {@code nanos}, made only if the gap has passed (a grid of another size starts over).
     */
    void offer(Supplier<ImageGrid.Tiles> frame, long nanos) {
        if (!frames.isEmpty() && nanos - lastNanos < gapNanos) return;
        ImageGrid.Tiles t = frame.get();
        if (!frames.isEmpty()) {
            ImageGrid.Tiles first = frames.get(0);
            if (first.width() != t.width() || first.height() != t.height()) clear();
        }
        frames.add(t);
        lastNanos = nanos;
        if (frames.size() >= MAX) {
            for (int i = frames.size() - 2; i >= 1; i -= 2) frames.remove(i);      // keep the first and the newest
            gapNanos *= 2;
        }
    }

    /** The last frame (the grid as it is when a run pauses or ends) always goes in, even inside the gap. */
    void finish(Supplier<ImageGrid.Tiles> frame) {
        lastNanos = Long.MIN_VALUE / 2;
        offer(frame, 0);
    }

    void clear() {
        frames.clear();
        gapNanos = FIRST_GAP_MS * 1_000_000;
    }

    int size() {
        return frames.size();
    }

    /** A copy of the frames, for writing off the FX thread. */
    List<ImageGrid.Tiles> frames() {
        return List.copyOf(frames);
    }

    /** Writes frames as a looping GIF, each {@value #DELAY_MS} ms, the last one held for 1.5 s. */
    static void write(Path file, List<ImageGrid.Tiles> frames) throws IOException {
        int last = frames.size() - 1;
        GifWriter.write(file, frames.size(), i -> image(frames.get(i)), i -> i == last ? 1500 : DELAY_MS, true);
    }

    /** One frame enlarged {@value #SCALE}× with square pixels. */
    static BufferedImage image(ImageGrid.Tiles t) {
        BufferedImage img = new BufferedImage(t.width() * SCALE, t.height() * SCALE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) img.setRGB(x, y, t.argb()[(y / SCALE) * t.width() + x / SCALE]);
        }
        return img;
    }
}
