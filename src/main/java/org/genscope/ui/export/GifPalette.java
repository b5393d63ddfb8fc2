package org.genscope.ui.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One colour table for a whole animation, chosen from sample frames: every colour exactly when there are few
 * enough, otherwise variance-based median cut on the colour histogram (each split along the box's widest
 * channel, where it leaves the least squared error; Wu 1991 without the 3-D moments), refined by a few k-means
 * (Lloyd) passes. Pixels map to the nearest table colour, no dithering: dither noise would change pixels from
 * frame to frame and defeat frame differencing. The last index is reserved for transparency. Not thread-safe
 * (the lookup cache); one per GIF being written.
 */
final class GifPalette {
    /** Colours available to pixels (the 256th table entry is the transparent index). */
    static final int MAX_COLOURS = 255;
    private static final int LLOYD_PASSES = 3;
    private static final int CACHE_BITS = 20;

    private final int[] rgb;
    private final int[] keys = new int[1 << CACHE_BITS];
    private final byte[] values = new byte[1 << CACHE_BITS];
    private int cached;

    private GifPalette(int[] rgb) {
        this.rgb = rgb;
    }

    /** The table for pixels like these (0xRRGGBB, alpha ignored), at most {@value #MAX_COLOURS} colours. */
    static GifPalette of(List<int[]> samples) {
        int total = 0;
        for (int[] s : samples) total += s.length;
        int[] all = new int[total];
        int at = 0;
        for (int[] s : samples) {
            for (int p : s) all[at++] = p & 0xFFFFFF;
        }
        Arrays.sort(all);
        int distinct = 0;
        int[] counts = new int[all.length];
        for (int i = 0; i < all.length; i++) {
            if (distinct > 0 && all[distinct - 1] == all[i]) {
                counts[distinct - 1]++;
            } else {
                all[distinct] = all[i];
                counts[distinct++] = 1;
            }
        }
        int[] colours = Arrays.copyOf(all, distinct);
        counts = Arrays.copyOf(counts, distinct);
        if (distinct <= MAX_COLOURS) return new GifPalette(colours);
        return new GifPalette(lloyd(colours, counts, medianCut(colours, counts)));
    }

    /** Table entries in use (the transparent index is this number). */
    int size() {
        return rgb.length;
    }

    /** Colour i as 0xRRGGBB. */
    int rgb(int i) {
        return rgb[i];
    }

    /** The index of the table colour nearest to {@code colour} (0xRRGGBB; alpha ignored). */
    int index(int colour) {
        int key = (colour & 0xFFFFFF) + 1;          // 0 marks an empty slot
        int mask = keys.length - 1;
        int slot = (key * 0x9E3779B1) >>> (32 - CACHE_BITS);
        while (keys[slot] != 0) {
            if (keys[slot] == key) return values[slot] & 0xFF;
            slot = (slot + 1) & mask;
        }
        int best = nearest(rgb, rgb.length, colour);
        if (cached > keys.length * 3 / 4) {        // full: start over rather than probe long chains
            Arrays.fill(keys, 0);
            cached = 0;
            slot = (key * 0x9E3779B1) >>> (32 - CACHE_BITS);
        }
        keys[slot] = key;
        values[slot] = (byte) best;
        cached++;
        return best;
    }

    private static int nearest(int[] table, int n, int colour) {
        int r = (colour >> 16) & 255;
        int g = (colour >> 8) & 255;
        int b = colour & 255;
        int best = 0;
        int bestD = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            int dr = ((table[i] >> 16) & 255) - r;
            int dg = ((table[i] >> 8) & 255) - g;
            int db = (table[i] & 255) - b;
            int d = dr * dr + dg * dg + db * db;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** A box of the colour cube: entries lo..hi−1 of the (reordered) histogram and their squared error. */
    private record Box(int lo, int hi, double error) {}

    /** Splits the box with the largest squared error until there are MAX_COLOURS boxes; their means. */
    private static int[] medianCut(int[] colours, int[] counts) {
        List<Box> boxes = new ArrayList<>();
        boxes.add(box(colours, counts, 0, colours.length));
        while (boxes.size() < MAX_COLOURS) {
            int worst = 0;
            for (int i = 1; i < boxes.size(); i++) if (boxes.get(i).error() > boxes.get(worst).error()) worst = i;
            Box b = boxes.get(worst);
            if (b.error() <= 0) break;
            int cut = split(colours, counts, b);
            boxes.set(worst, box(colours, counts, b.lo(), cut));
            boxes.add(box(colours, counts, cut, b.hi()));
        }
        int[] means = new int[boxes.size()];
        for (int i = 0; i < means.length; i++) means[i] = mean(colours, counts, boxes.get(i).lo(), boxes.get(i).hi());
        return means;
    }

    private static Box box(int[] colours, int[] counts, int lo, int hi) {
        double error = 0;
        for (int shift = 0; shift <= 16; shift += 8) error += spread(colours, counts, lo, hi, shift);
        return new Box(lo, hi, hi - lo < 2 ? 0 : error);
    }

    /** Σ count·(c − mean)² of one channel over entries lo..hi−1. */
    private static double spread(int[] colours, int[] counts, int lo, int hi, int shift) {
        double n = 0;
        double s = 0;
        double s2 = 0;
        for (int i = lo; i < hi; i++) {
            int c = (colours[i] >> shift) & 255;
            n += counts[i];
            s += (double) counts[i] * c;
            s2 += (double) counts[i] * c * c;
        }
        return s2 - s * s / n;
    }

    /** Sorts the box along its widest channel and returns the cut that leaves the least squared error. */
    private static int split(int[] colours, int[] counts, Box b) {
        int shift = 0;
        double widest = -1;
        for (int s = 0; s <= 16; s += 8) {
            double v = spread(colours, counts, b.lo(), b.hi(), s);
            if (v > widest) {
                widest = v;
                shift = s;
            }
        }
        sortBy(colours, counts, b.lo(), b.hi(), shift);
        double n = 0;
        double s = 0;
        double totalN = 0;
        double totalS = 0;
        for (int i = b.lo(); i < b.hi(); i++) {
            totalN += counts[i];
            totalS += (double) counts[i] * ((colours[i] >> shift) & 255);
        }
        // minimise the two halves' error along the channel = maximise s²/n + (S − s)²/(N − n)
        int cut = b.lo() + 1;
        double best = -1;
        for (int i = b.lo(); i < b.hi() - 1; i++) {
            n += counts[i];
            s += (double) counts[i] * ((colours[i] >> shift) & 255);
            if (((colours[i] >> shift) & 255) == ((colours[i + 1] >> shift) & 255)) continue;
            double score = s * s / n + (totalS - s) * (totalS - s) / (totalN - n);
            if (score > best) {
                best = score;
                cut = i + 1;
            }
        }
        return cut;
    }

    private static void sortBy(int[] colours, int[] counts, int lo, int hi, int shift) {
        long[] keyed = new long[hi - lo];
        for (int i = lo; i < hi; i++) {
            keyed[i - lo] = ((long) ((colours[i] >> shift) & 255) << 56) | ((long) colours[i] << 32) | counts[i];
        }
        Arrays.sort(keyed);
        for (int i = lo; i < hi; i++) {
            colours[i] = (int) (keyed[i - lo] >>> 32) & 0xFFFFFF;
            counts[i] = (int) keyed[i - lo];
        }
    }

    private static int mean(int[] colours, int[] counts, int lo, int hi) {
        double n = 0;
        double r = 0;
        double g = 0;
        double b = 0;
        for (int i = lo; i < hi; i++) {
            n += counts[i];
            r += (double) counts[i] * ((colours[i] >> 16) & 255);
            g += (double) counts[i] * ((colours[i] >> 8) & 255);
            b += (double) counts[i] * (colours[i] & 255);
        }
        return (int) Math.round(r / n) << 16 | (int) Math.round(g / n) << 8 | (int) Math.round(b / n);
    }

    /** k-means passes from these centres: each colour to its nearest centre, each centre to its colours' mean. */
    private static int[] lloyd(int[] colours, int[] counts, int[] centres) {
        int k = centres.length;
        for (int pass = 0; pass < LLOYD_PASSES; pass++) {
            double[] n = new double[k];
            double[] r = new double[k];
            double[] g = new double[k];
            double[] b = new double[k];
            for (int i = 0; i < colours.length; i++) {
                int j = nearest(centres, k, colours[i]);
                n[j] += counts[i];
                r[j] += (double) counts[i] * ((colours[i] >> 16) & 255);
                g[j] += (double) counts[i] * ((colours[i] >> 8) & 255);
                b[j] += (double) counts[i] * (colours[i] & 255);
            }
            for (int j = 0; j < k; j++) {
                if (n[j] > 0) {
                    centres[j] = (int) Math.round(r[j] / n[j]) << 16 | (int) Math.round(g[j] / n[j]) << 8 | (int) Math.round(b[j] / n[j]);
                }
            }
        }
        return centres;
    }
}
