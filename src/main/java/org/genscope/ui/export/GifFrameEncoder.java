package org.genscope.ui.export;

import java.io.ByteArrayOutputStream;

/**
 * Turns each frame of an animation into GIF image data (LZW, GIF89a appendix F), drawn over the frames before it
 * (disposal "doNotDispose"), with two freedoms that keep the file small at the same look:
 * <ul>
 *   <li><b>frame differencing</b>: a pixel that already shows (within the tolerance) what the frame wants may be
 *       written as the transparent code, which keeps what is on screen;</li>
 *   <li><b>quiet error</b>: any pixel may be written a small step (the {@code quiet} allowance) further from its
 *       colour than its nearest table colour, so one that moved by a level or two (sub-pixel motion,
 *       anti-aliasing) can stay as shown and a string can run on;</li>
 *   <li><b>lossy LZW</b> (the idea of gifsicle's {@code --lossy}) where contrast hides it: a pixel may be written
 *       as any table colour within half the step to its most different neighbour (at most the tolerance) of its
 *       true colour, so the encoder can extend its current string with a code the dictionary already continues it
 *       with. Anti-aliased line and dot edges, which cost most of the bytes, get that freedom; smooth areas (a
 *       density's gradient) stay at their nearest colour, so no speckle appears.</li>
 * </ul>
 * Every pixel shown is thus within that allowance (largest channel difference, 0..255) of the frame's own colour,
 * or its nearest table colour's error plus the quiet step where that is farther. With tolerance and quiet step 0
 * the result is exactly the nearest-colour frame. A string starts with whichever acceptable code (transparent,
 * the nearest colour, the last string's last code) the dictionary carries furthest. The first frame is written
 * whole and opaque. Not thread-safe.
 */
final class GifFrameEncoder {
    private static final int MAX_CODES = 4096;

    private final GifPalette palette;
    private final int width;
    private final int tolerance;
    private final int quiet;
    private final int transparent;
    private final int minCodeSize;
    /** Palette index each pixel shows now (after the frames written so far); null before the first frame. */
    private int[] shown;
    // the LZW dictionary as a trie: each code's first child, next sibling and last symbol
    private final int[] firstChild = new int[MAX_CODES];
    private final int[] nextSibling = new int[MAX_CODES];
    private final int[] symbol = new int[MAX_CODES];

    /**
     * @param width     the frames' width in pixels (neighbours above and below are a width apart)
     * @param tableSize the colour table's size (a power of two above the palette, whose next index is transparent)
     * @param tolerance the largest error allowed where the frame's contrast masks it
     * @param quiet     how much further than its nearest table colour any pixel may be (0: none)
     */
    GifFrameEncoder(GifPalette palette, int width, int tableSize, int tolerance, int quiet) {
        this.palette = palette;
        this.width = width;
        this.tolerance = tolerance;
        this.quiet = quiet;
        this.transparent = palette.size();
        this.minCodeSize = Math.max(2, Integer.numberOfTrailingZeros(tableSize));
    }

    /**
     * The LZW data (minimum code size byte, sub-blocks, terminator) of the next frame, {@code rgb} as 0xRRGGBB
     * row-major; the frame is then on screen.
     */
    byte[] encode(int[] rgb) {
        int n = rgb.length;
        boolean first = shown == null;
        int[] nearest = new int[n];
        int[] error = new int[n];             // the error each pixel may have: its allowance, or its nearest colour's
        int[] keepError = new int[n];         // the error of keeping what is shown (transparent), or -1 if not allowed
        for (int p = 0; p < n; p++) {
            nearest[p] = palette.index(rgb[p]);
            int contrast = 0;
            int x = p % width;
            if (x > 0) contrast = Math.max(contrast, distance(rgb[p], rgb[p - 1]));
            if (x + 1 < width) contrast = Math.max(contrast, distance(rgb[p], rgb[p + 1]));
            if (p >= width) contrast = Math.max(contrast, distance(rgb[p], rgb[p - width]));
            if (p + width < n) contrast = Math.max(contrast, distance(rgb[p], rgb[p + width]));
            // contrast masks error: half the step to the nearest neighbour, up to the tolerance; anywhere else a
            // pixel may be a quiet step further than its nearest colour
            error[p] = Math.max(Math.min(tolerance, contrast / 2), distance(palette.rgb(nearest[p]), rgb[p]) + quiet);
            int keep = first ? Integer.MAX_VALUE : distance(palette.rgb(shown[p]), rgb[p]);
            keepError[p] = keep <= error[p] ? keep : -1;
        }
        // from the right: how far the run of the same nearest colour goes, and how far pixels may stay as shown
        int[] colourRun = new int[n];
        int[] keepRun = new int[n];
        for (int k = n - 1; k >= 0; k--) {
            colourRun[k] = k + 1 < n && nearest[k + 1] == nearest[k] ? colourRun[k + 1] + 1 : 1;
            keepRun[k] = keepError[k] >= 0 ? (k + 1 < n ? keepRun[k + 1] : 0) + 1 : 0;
        }
        if (first) shown = new int[n];

        Bits out = new Bits(minCodeSize);
        int clear = 1 << minCodeSize;
        int next = reset(clear);
        out.write(clear);
        int current = -1;
        int last = -1;
        for (int p = 0; p < n; p++) {
            int child = current < 0 ? -1 : extend(current, last, rgb, error, keepError, p);
            if (child >= 0) {
                current = child;
                last = symbol[child];
            } else {
                int start = start(p, last, nearest, colourRun, keepRun, rgb, error, keepError);
                if (current >= 0) {
                    out.write(current);
                    if (next < MAX_CODES) {
                        addChild(current, next, start);
                        next++;
                        out.grow(next);
                    } else {
                        out.write(clear);
                        next = reset(clear);
                    }
                }
                current = start;
                last = start;
            }
            if (last != transparent) shown[p] = last;
        }
        out.write(current);
        out.write(clear + 1);
        return out.finish();
    }

    /**
     * The code to start a string with at pixel p: of the acceptable ones among the transparent code, the nearest
     * colour and the last string's last code, the one the dictionary carries furthest; on a tie transparent when
     * unchanged pixels run on further than the nearest colour does, else the nearest colour.
     */
    private int start(int p, int last, int[] nearest, int[] colourRun, int[] keepRun, int[] rgb, int[] error, int[] keepError) {
        int best = keepError[p] >= 0 && keepRun[p] > colourRun[p] ? transparent : nearest[p];
        int reach = reach(best, rgb, error, keepError, p);
        int[] others = {transparent, nearest[p], last};
        for (int c : others) {
            if (c < 0 || c == best) continue;
            int e = error(c, rgb, keepError, p);
            if (e < 0 || e > error[p]) continue;
            int r = reach(c, rgb, error, keepError, p);
            if (r > reach) {
                best = c;
                reach = r;
            }
        }
        return best;
    }

    /** How many pixels from p on a string starting with code s would cover, extended greedily as the encoder does. */
    private int reach(int s, int[] rgb, int[] error, int[] keepError, int p) {
        int node = s;
        int q = p + 1;
        while (q < rgb.length) {
            int c = extend(node, symbol[node], rgb, error, keepError, q);
            if (c < 0) break;
            node = c;
            q++;
        }
        return q - p;
    }

    /**
     * The child of {@code node} to write for pixel p: of the acceptable ones, one that the dictionary can also
     * extend with pixel p + 1 (so the string grows further), then the closest, then the one repeating the
     * string's last code (runs stay runs); −1 if none is acceptable.
     */
    private int extend(int node, int last, int[] rgb, int[] allowed, int[] keepError, int p) {
        int best = -1;
        int bestScore = Integer.MAX_VALUE;
        for (int c = firstChild[node]; c >= 0; c = nextSibling[c]) {
            int e = error(symbol[c], rgb, keepError, p);
            if (e < 0 || e > allowed[p]) continue;
            boolean grows = false;
            if (p + 1 < rgb.length) {
                for (int g = firstChild[c]; g >= 0 && !grows; g = nextSibling[g]) {
                    int e2 = error(symbol[g], rgb, keepError, p + 1);
                    grows = e2 >= 0 && e2 <= allowed[p + 1];
                }
            }
            int score = (grows ? 0 : 1 << 20) + 2 * e + (symbol[c] == last ? 0 : 1);
            if (score < bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    /** How far pixel p would be from its colour if written as code s; −1 for a transparent pixel not allowed there. */
    private int error(int s, int[] rgb, int[] keepError, int p) {
        return s == transparent ? keepError[p] : distance(palette.rgb(s), rgb[p]);
    }

    private int reset(int clear) {
        for (int c = 0; c < MAX_CODES; c++) {
            firstChild[c] = -1;
            nextSibling[c] = -1;
            symbol[c] = c;
        }
        return clear + 2;
    }

    private void addChild(int parent, int code, int s) {
        symbol[code] = s;
        firstChild[code] = -1;
        nextSibling[code] = firstChild[parent];
        firstChild[parent] = code;
    }

    /** The largest channel difference of two 0xRRGGBB colours. */
    static int distance(int a, int b) {
        int dr = Math.abs(((a >> 16) & 255) - ((b >> 16) & 255));
        int dg = Math.abs(((a >> 8) & 255) - ((b >> 8) & 255));
        int db = Math.abs((a & 255) - (b & 255));
        return Math.max(dr, Math.max(dg, db));
    }

    /** Variable-width codes packed least significant bit first, then cut into sub-blocks of at most 255 bytes. */
    private static final class Bits {
        private final int minCodeSize;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int width;
        private long buffer;
        private int filled;

        Bits(int minCodeSize) {
            this.minCodeSize = minCodeSize;
            this.width = minCodeSize + 1;
        }

        void write(int code) {
            buffer |= (long) code << filled;
            filled += width;
            while (filled >= 8) {
                bytes.write((int) buffer & 255);
                buffer >>>= 8;
                filled -= 8;
            }
            if (code == (1 << minCodeSize)) width = minCodeSize + 1;       // a clear code starts over
        }

        /** After a code was added: the next code the decoder assigns needs one bit more once it reaches 2^width. */
        void grow(int next) {
            if (next > (1 << width) && width < 12) width++;
        }

        byte[] finish() {
            if (filled > 0) bytes.write((int) buffer & 255);
            byte[] data = bytes.toByteArray();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + data.length / 255 + 3);
            out.write(minCodeSize);
            for (int at = 0; at < data.length; at += 255) {
                int len = Math.min(255, data.length - at);
                out.write(len);
                out.write(data, at, len);
            }
            out.write(0);
            return out.toByteArray();
        }
    }
}
