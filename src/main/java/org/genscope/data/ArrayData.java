package org.genscope.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.FMatrixRMaj;

/**
 * An n-dimensional array as read from a file: its shape (C order, first axis = examples), the values as float32,
 * and the element type the file stored them in ({@code uint8}, {@code int8}, {@code int16}, {@code int32},
 * {@code int64}, {@code float32}, {@code float64}, {@code bool}, or {@code text} for CSV).
 * Values are not rescaled: MNIST pixels stay 0..255 (see {@link Normalization}).
 *
 * @param source the file it came from
 * @param format a short description of the container, e.g. {@code "IDX (gzip)"}, {@code "NPY v1.0"}, {@code "CSV"}
 * @param dtype  the element type in the file
 * @param shape  the dimensions, product equal to {@code data.length}
 * @param data   the values in C (row-major) order
 * @param columnNames the header of a table (a CSV's first line), one name per column, or empty when the file
 *                    names no columns
 */
public record ArrayData(Path source, String format, String dtype, int[] shape, float[] data, List<String> columnNames) {

    public ArrayData {
        long n = 1;
        for (int d : shape) n *= d;
        if (shape.length == 0 || n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + data.length
                    + " values");
        }
        columnNames = List.copyOf(columnNames);
        if (!columnNames.isEmpty() && (shape.length != 2 || columnNames.size() != shape[1])) {
            throw new IllegalArgumentException(columnNames.size() + " column names for shape " + Arrays.toString(shape));
        }
    }

    /** An array whose file names no columns. */
    public ArrayData(Path source, String format, String dtype, int[] shape, float[] data) {
        this(source, format, dtype, shape, data, List.of());
    }

    /** Number of examples: the first dimension. */
    public int count() {
        return shape[0];
    }

    /** Values per example: the product of all dimensions after the first (1 for a 1-D array). */
    public int featureSize() {
        return data.length / Math.max(1, shape[0]);
    }

    /** The data as a {@code count × featureSize} matrix sharing this array (no copy). */
    public FMatrixRMaj toMatrix() {
        return FMatrixRMaj.wrap(count(), featureSize(), data);
    }

    /** The shape as text, e.g. {@code 50000×28×28}. */
    public String shapeText() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append('×');
            sb.append(shape[i]);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "ArrayData[" + source + ", " + format + ", " + dtype + ", " + shapeText() + "]";
    }
}
