package org.genscope.data;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the {@code sample-data/} folder shipped with Genscope and opens its standard files (see
 * {@code sample-data/README.md} for provenance and licence).
 *
 * <p>Search order: the system property {@code genscope.data} (a folder; when set it is the only place looked at,
 * so an explicit choice is never silently overridden), then {@code ./sample-data} in the working directory, then
 * {@code sample-data/} next to the Genscope jar (or its parent folder, as in {@code app/lib/genscope.jar} with
 * {@code app/sample-data/}).
 */
public final class SampleData {
    public static final String PROPERTY = "genscope.data";
    public static final String FOLDER = "sample-data";

    /** Binarized MNIST (Salakhutdinov &amp; Murray 2008), 50,000 training images, values 0/1. */
    public static final String BINARIZED_MNIST_TRAIN = "binarized-mnist/binarized-mnist-train-images-idx3-ubyte.gz";
    /** Binarized MNIST, 10,000 validation images. */
    public static final String BINARIZED_MNIST_VALID = "binarized-mnist/binarized-mnist-valid-images-idx3-ubyte.gz";
    /** Binarized MNIST, 10,000 test images (report results here). */
    public static final String BINARIZED_MNIST_TEST = "binarized-mnist/binarized-mnist-test-images-idx3-ubyte.gz";
    /** 10,000 grayscale MNIST training digits (0..255), about 1,000 per class. */
    public static final String MNIST_SAMPLE_IMAGES = "mnist/mnist-sample10k-images-idx3-ubyte.gz";
    /** Their labels 0..9. */
    public static final String MNIST_SAMPLE_LABELS = "mnist/mnist-sample10k-labels-idx1-ubyte.gz";
    /** The MNIST test set, 10,000 grayscale digits (0..255). */
    public static final String MNIST_TEST_IMAGES = "mnist/t10k-images-idx3-ubyte.gz";
    /** Its labels 0..9. */
    public static final String MNIST_TEST_LABELS = "mnist/t10k-labels-idx1-ubyte.gz";

    private SampleData() {}

    /** The {@code sample-data/} folder, or an error listing where it was looked for. */
    public static Path root() throws DataFormatException {
        return locate(System.getProperty(PROPERTY), Path.of("").toAbsolutePath(), jarFolder());
    }

    /** A standard file by its name relative to {@code sample-data/}, e.g. {@link #BINARIZED_MNIST_TRAIN}. */
    public static Path file(String name) throws DataFormatException {
        Path root = root();
        Path p = root.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new DataFormatException(p, "sample file missing from " + root
                    + " (reinstall Genscope or copy sample-data/ from the source tree)");
        }
        return p;
    }

    /** The binarized MNIST benchmark as its standard 50k/10k/10k splits (28×28 images, values 0/1). */
    public static DataSplits binarizedMnist() throws DataFormatException {
        return new DataSplits(image(BINARIZED_MNIST_TRAIN, "binarized-mnist-train"),
                image(BINARIZED_MNIST_VALID, "binarized-mnist-valid"),
                image(BINARIZED_MNIST_TEST, "binarized-mnist-test"));
    }

    /** The labelled 10k grayscale MNIST sample (values 0..255; see {@link Normalization#scaleToUnit}). */
    public static Dataset mnistSample10k() throws DataFormatException {
        return labelled(MNIST_SAMPLE_IMAGES, MNIST_SAMPLE_LABELS, "mnist-sample10k");
    }

    /** The labelled MNIST test set t10k (values 0..255). */
    public static Dataset mnistTest() throws DataFormatException {
        return labelled(MNIST_TEST_IMAGES, MNIST_TEST_LABELS, "mnist-t10k");
    }

    private static Dataset labelled(String imageFile, String labelFile, String name) throws DataFormatException {
        Path images = file(imageFile);
        Dataset d = Dataset.of(IdxReader.requireImages(IdxReader.read(images)), name);
        int[] y = IdxReader.readLabels(file(labelFile));
        if (y.length != d.size()) {
            throw new DataFormatException(images, d.size() + " images but " + y.length + " labels");
        }
        return d.withLabels(y);
    }

    private static Dataset image(String name, String datasetName) throws DataFormatException {
        return Dataset.of(IdxReader.requireImages(IdxReader.read(file(name))), datasetName);
    }

    /** The search itself, with its inputs explicit for tests. */
    static Path locate(String property, Path workingDir, Path jarFolder) throws DataFormatException {
        if (property != null && !property.isBlank()) {
            Path p = Path.of(property);
            if (Files.isDirectory(p)) return p;
            throw new DataFormatException(p, "no such folder (set by -D" + PROPERTY + ")");
        }
        List<Path> tried = new ArrayList<>();
        tried.add(workingDir.resolve(FOLDER));
        if (jarFolder != null) {
            tried.add(jarFolder.resolve(FOLDER));
            if (jarFolder.getParent() != null) tried.add(jarFolder.getParent().resolve(FOLDER));
        }
        for (Path p : tried) {
            if (Files.isDirectory(p)) return p;
        }
        throw new DataFormatException(Path.of(FOLDER), "sample data not found; looked in " + tried
                + "; run Genscope from its folder or pass -D" + PROPERTY + "=DIR");
    }

    /** The folder holding the jar (or the classes folder) this class was loaded from, or null. */
    private static Path jarFolder() {
        try {
            var src = SampleData.class.getProtectionDomain().getCodeSource();
            return src == null ? null : Path.of(src.getLocation().toURI()).getParent();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
