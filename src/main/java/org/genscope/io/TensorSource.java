package org.genscope.io;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Something the model-file writer can store as one safetensors tensor: an element type, a shape and the raw
 * little-endian bytes, produced only when the writer asks (so a model's live parameters are written without an
 * intermediate copy, see {@link ParamTensors#sources}). {@link Tensor} is the immutable in-memory implementation.
 */
public interface TensorSource {
    DType dtype();

    /** Dimensions, outermost first; {@code []} is a scalar. Implementations return a copy. */
    long[] shape();

    /**
     * Puts exactly {@link #byteSize()} bytes, the elements in row-major order, into {@code out} (which is in
     * little-endian order and has room for them).
     */
    void writeTo(ByteBuffer out);

    /** Number of elements: the product of the dimensions (1 for a scalar). */
    default long numel() {
        return numel(shape());
    }

    default long byteSize() {
        return Math.multiplyExact(numel(), dtype().size);
    }

    /** Product of the dimensions; throws IllegalArgumentException on a negative or overflowing dimension. */
    static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has too many elements", e);
            }
        }
        return n;
    }
}
