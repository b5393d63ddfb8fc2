package org.genscope.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ejml.data.FMatrixRMaj;

/**
 * A folder of pictures (PNG, JPEG, GIF, BMP) as a dataset of grey images, each resized to {@code size}×{@code size}
 * with intensities in [0, 1]. Two layouts: pictures directly in the folder (no labels), or one sub-folder per class
 * (the sub-folders' names, sorted, are classes 0, 1, …; pictures directly beside them are then left out and counted).
 * Files are taken in name order, hidden files and other extensions are ignored, and a picture that cannot be read
 * is listed in {@link Result#unreadable} instead of failing the whole folder.
 *
 * <p>Grey level = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601 luma) of the picture composited over white (so a
 * transparent background reads as paper); {@link #inverted} gives 1 − grey, for dark strokes on a light background
 * (MNIST's digits are light on dark). Resizing stretches to the square by area averaging (see {@link #grey}).
 */
public final class ImageFolder {
    /** File name endings read as pictures (case-insensitive). */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp");
    /** The smallest and largest side a picture is resized to. */
    public static final int MIN_SIZE = 4;
    public static final int MAX_SIZE = 256;
    /** At most this many pictures are read (a guard against a home folder picked by mistake). */
    public static final int MAX_IMAGES = 200_000;

    /** The intensity at which {@link Options#binarize} thresholds ({@link Binarization#threshold}). */
    public static final float BINARIZE_AT = 0.5f;

    /**
     * How the pictures become examples: resized to {@code size}×{@code size}, then optionally {@link #inverted} and
     * thresholded at {@link #BINARIZE_AT} (in that order, {@link #prepared}).
     */
    public record Options(int size, boolean invert, boolean binarize) {
        public Options {
            if (size < MIN_SIZE || size > MAX_SIZE) {
                throw new IllegalArgumentException("the image size must be " + MIN_SIZE + " to " + MAX_SIZE + " pixels, not " + size);
            }
        }

        /** Resized only. */
        public Options(int size) {
            this(size, false, false);
        }
    }

    /** A picture that could not be read, and why, in words. */
    public record Unreadable(Path file, String reason) {
        @Override
        public String toString() {
            return file.getFileName() + ": " + reason;
        }
    }

    /**
     * The dataset (labelled when the folder has class sub-folders), the class names (empty without sub-folders),
     * the pictures that could not be read and how many files beside the class sub-folders were left out.
     */
    public record Result(Dataset dataset, List<String> classes, List<Unreadable> unreadable, int leftOut) {}

    private ImageFolder() {}

    /**
     * Reads every picture of {@code folder} as {@code options} say; fails only when none can be read (naming the
     * folder and why).
     */
    public static Result read(Path folder, Options options) throws DataFormatException {
        Result r = decoded(folder, options.size());
        return new Result(prepared(r.dataset(), options), r.classes(), r.unreadable(), r.leftOut());
    }

    /** The pictures as decoded and resized to {@code size} (before inversion and binarization). */
    public static Result decoded(Path folder, int size) throws DataFormatException {
        Options options = new Options(size);
        List<Path> direct = pictures(folder);
        List<Path> classDirs = subFolders(folder);
        List<String> classes = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int leftOut = 0;
        for (Path dir : classDirs) {
            List<Path> in = pictures(dir);
            if (in.isEmpty()) continue;
            int label = classes.size();
            classes.add(dir.getFileName().toString());
            for (Path p : in) {
                files.add(p);
                labels.add(label);
            }
        }
        if (classes.isEmpty()) {
            files.addAll(direct);
        } else {
            leftOut = direct.size();
        }
        if (files.isEmpty()) {
            throw new DataFormatException(folder, "holds no pictures (" + String.join(", ", EXTENSIONS.stream().sorted().toList())
                    + "), neither directly nor in sub-folders");
        }
        if (files.size() > MAX_IMAGES) {
            throw new DataFormatException(folder, "holds " + files.size() + " pictures, more than the " + MAX_IMAGES + " Genscope reads");
        }
        int s = options.size();
        float[] pixels = new float[files.size() * s * s];
        List<Unreadable> bad = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            try {
                BufferedImage img = decode(f);
                grey(img, s, pixels, n * s * s);
                kept.add(labels.isEmpty() ? 0 : labels.get(i));
                n++;
            } catch (IOException | RuntimeException e) {
                bad.add(new Unreadable(f, reason(e)));
            }
        }
        if (n == 0) {
            throw new DataFormatException(folder, "none of its " + files.size() + " pictures could be read (first: " + bad.get(0) + ")");
        }
        FMatrixRMaj x = new FMatrixRMaj(n, s * s);
        System.arraycopy(pixels, 0, x.data, 0, n * s * s);
        int[] y = classes.isEmpty() ? null : kept.stream().mapToInt(Integer::intValue).toArray();
        String name = folder.toAbsolutePath().normalize().getFileName() + "-" + s + "px";
        return new Result(new Dataset(name, folder.toString(), x, y, s, s), List.copyOf(classes), List.copyOf(bad), leftOut);
    }

    /** The picture in {@code f}, or an exception saying why it cannot be read. */
    private static BufferedImage decode(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            BufferedImage img = ImageIO.read(in);
            if (img == null) throw new IOException("not a PNG, JPEG, GIF or BMP picture that can be decoded");
            if (img.getWidth() < 1 || img.getHeight() < 1) throw new IOException("empty picture");
            return img;
        }
    }

    /**
     * Grey levels over white, g = α·luma + (1 − α), then an s×s box (area-average) resampling: output pixel (r, c)
     * averages the source pixels under its square [r·H/s, (r+1)·H/s) × [c·W/s, (c+1)·W/s), weighting the edge pixels
     * by the fraction they cover. Written at {@code at}.
     */
    private static void grey(BufferedImage img, int s, float[] out, int at) {
        int w = img.getWidth();
        int h = img.getHeight();
        double[] g = new double[w * h];
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < g.length; i++) {
            int p = argb[i];
            double alpha = ((p >>> 24) & 0xFF) / 255.0;
            double luma = (0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF)) / 255.0;
            g[i] = alpha * luma + (1 - alpha);
        }
        double sy = (double) h / s;
        double sx = (double) w / s;
        for (int r = 0; r < s; r++) {
            double y0 = r * sy;
            double y1 = y0 + sy;
            for (int c = 0; c < s; c++) {
                double x0 = c * sx;
                double x1 = x0 + sx;
                double sum = 0;
                double area = 0;
                for (int y = (int) y0; y < Math.min(h, Math.ceil(y1)); y++) {
                    double wy = Math.min(y + 1, y1) - Math.max(y, y0);
                    for (int x = (int) x0; x < Math.min(w, Math.ceil(x1)); x++) {
                        double wxy = wy * (Math.min(x + 1, x1) - Math.max(x, x0));
                        sum += wxy * g[y * w + x];
                        area += wxy;
                    }
                }
                double v = area > 0 ? sum / area : 1;
                out[at + r * s + c] = (float) v;
            }
        }
    }

    /** Decoded pictures ({@link #decoded}) inverted and binarized as {@code options} say. */
    public static Dataset prepared(Dataset decoded, Options options) {
        Dataset d = options.invert() ? inverted(decoded) : decoded;
        return options.binarize() ? Binarization.threshold(d, BINARIZE_AT) : d;
    }

    /** 1 − x of every value of grey images in [0, 1]: dark writing on white paper becomes bright strokes on black. */
    public static Dataset inverted(Dataset d) {
        FMatrixRMaj y = new FMatrixRMaj(d.size(), d.dimension());
        float[] x = d.x().data;
        for (int i = 0; i < y.data.length; i++) y.data[i] = 1f - x[i];
        return d.withX(y, d.name() + "-inverted");
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) return "cannot be decoded (" + e.getClass().getSimpleName().replace("Exception", "").toLowerCase(Locale.ROOT) + ")";
        return m.length() > 80 ? m.substring(0, 80) + "…" : m;
    }

    /** The pictures directly in {@code dir}, by name. */
    private static List<Path> pictures(Path dir) throws DataFormatException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !hidden(p) && Files.isRegularFile(p) && EXTENSIONS.contains(extension(p))).sorted().toList();
        } catch (IOException e) {
            throw new DataFormatException(dir, "cannot list the folder: " + e.getMessage());
        }
    }

    /** The visible sub-folders of {@code dir}, by name. */
    private static List<Path> subFolders(Path dir) throws DataFormatException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, p -> !hidden(p) && Files.isDirectory(p))) {
            for (Path p : s) out.add(p);
        } catch (IOException e) {
            throw new DataFormatException(dir, "cannot list the folder: " + e.getMessage());
        }
        out.sort(null);
        return out;
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
