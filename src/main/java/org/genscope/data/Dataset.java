package org.genscope.data;

import java.util.Arrays;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Mat;

/**
 * A set of examples: an N × D float matrix (one example per row), optional integer labels, the image shape when
 * the examples are images (rows·cols = D), a name and where it came from.
 *
 * <p>The matrix is shared, not copied, for speed with 50,000 × 784 data: treat {@link #x()} as read-only.
 * Transformations ({@link Binarization}, {@link Normalization}, {@link #subset}) return new datasets.
 */
public final class Dataset {
    private final String name;
    private final String source;
    private final FMatrixRMaj x;
    private final int[] labels;
    private final int imageRows;
    private final int imageCols;

    /**
     * @param labels    one class per row, or {@code null}
     * @param imageRows image height, or 0 when the examples are not images (then {@code imageCols} is 0 too)
     */
    public Dataset(String name, String source, FMatrixRMaj x, int[] labels, int imageRows, int imageCols) {
        if (labels != null && labels.length != x.numRows) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels for " + x.numRows + " examples");
        }
        if ((imageRows != 0 || imageCols != 0) && (long) imageRows * imageCols != x.numCols) {
            throw new IllegalArgumentException(name + ": image shape " + imageRows + "×" + imageCols + " does not match "
                    + x.numCols + " features");
        }
        this.name = name;
        this.source = source;
        this.x = x;
        this.labels = labels;
        this.imageRows = imageRows;
        this.imageCols = imageCols;
    }

    /** An unlabelled dataset from a read array; a 3-D array (N × rows × cols) keeps its image shape. */
    public static Dataset of(ArrayData a, String name) {
        boolean image = a.shape().length == 3;
        return new Dataset(name, a.source().toString(), a.toMatrix(), null, image ? a.shape()[1] : 0,
                image ? a.shape()[2] : 0);
    }

    public String name() {
        return name;
    }

    /** A file path, or a description of the generator that made the data. */
    public String source() {
        return source;
    }

    /** The N × D data, shared (do not modify). */
    public FMatrixRMaj x() {
        return x;
    }

    /** Number of examples N. */
    public int size() {
        return x.numRows;
    }

    /** Features per example D. */
    public int dimension() {
        return x.numCols;
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /** The labels, shared (do not modify), or {@code null} when unlabelled. */
    public int[] labels() {
        return labels;
    }

    public boolean isImage() {
        return imageRows > 0;
    }

    public int imageRows() {
        return imageRows;
    }

    public int imageCols() {
        return imageCols;
    }

    /** The examples at the given indices, in that order (copied), with their labels. */
    public Dataset subset(int[] indices, String newName) {
        FMatrixRMaj s = rows(indices, null);
        int[] l = labels == null ? null : new int[indices.length];
        for (int i = 0; l != null && i < indices.length; i++) l[i] = labels[indices[i]];
        return new Dataset(newName, source, s, l, imageRows, imageCols);
    }

    /** The examples at {@code indices} gathered into {@code into}: {@link #rows(int[], int, int, FMatrixRMaj)} of all. */
    public FMatrixRMaj rows(int[] indices, FMatrixRMaj into) {
        return rows(indices, 0, indices.length, into);
    }

    /**
     * Gathers examples by index into a reusable matrix, e.g. a minibatch: row i of the result is example
     * {@code indices[from + i]}, for i &lt; n. {@code into} is reshaped to n × D, keeping its array when it is
     * large enough ({@link Mat#reuse}), or allocated when null; the result is returned. No allocation per batch.
     */
    public FMatrixRMaj rows(int[] indices, int from, int n, FMatrixRMaj into) {
        int d = x.numCols;
        FMatrixRMaj out = Mat.reuse(into, n, d);
        for (int i = 0; i < n; i++) System.arraycopy(x.data, indices[from + i] * d, out.data, i * d, d);
        return out;
    }

    /** The first {@code n} examples (copied), e.g. for a quick run. */
    public Dataset head(int n) {
        int[] idx = new int[Math.min(n, size())];
        Arrays.setAll(idx, i -> i);
        return subset(idx, name + "[:" + idx.length + "]");
    }

    /** Same labels, shape and source with new values of the same size (after a transformation). */
    public Dataset withX(FMatrixRMaj newX, String newName) {
        if (newX.numRows != x.numRows || newX.numCols != x.numCols) {
            throw new IllegalArgumentException("withX: " + newX.numRows + "×" + newX.numCols + " differs from "
                    + x.numRows + "×" + x.numCols);
        }
        return new Dataset(newName, source, newX, labels, imageRows, imageCols);
    }

    /** The same examples with labels attached. */
    public Dataset withLabels(int[] newLabels) {
        return new Dataset(name, source, x, newLabels, imageRows, imageCols);
    }

    @Override
    public String toString() {
        return name + " (" + size() + "×" + dimension() + (isImage() ? ", images " + imageRows + "×" + imageCols : "")
                + (hasLabels() ? ", labelled" : "") + ")";
    }
}
