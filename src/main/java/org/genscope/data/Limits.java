package org.genscope.data;

import java.nio.file.Path;

/**
 * Sanity caps checked against what a file's header claims BEFORE anything is allocated, so a corrupt or hostile
 * header (say 2^31 images) gives a clear error instead of an {@link OutOfMemoryError}.
 */
final class Limits {
    /** Largest Java array we allocate (JVMs refuse slightly below {@code Integer.MAX_VALUE}). */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 16;
    /** Decompressed gzip data beyond this is refused (4 GiB). */
    static final long MAX_DECOMPRESSED_BYTES = 1L << 32;

    /** {@link #volume} saturates here, far above anything allocatable, so products of many dims cannot overflow. */
    static final long SATURATED = 1L << 40;

    private Limits() {}

    /** The number of elements of an array with these dimensions, saturating at {@link #SATURATED}. */
    static long volume(long[] dims) {
        long n = 1;
        for (long d : dims) n = d != 0 && n > SATURATED / d ? SATURATED : n * d;
        return n;
    }

    /** Dimensions as text, e.g. {@code 50000×28×28}. */
    static String shapeText(long[] dims) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.length; i++) sb.append(i == 0 ? "" : "×").append(dims[i]);
        return sb.toString();
    }

    /** Dimensions already checked by {@link #allocate} (so each fits an int). */
    static int[] toInt(long[] dims) {
        int[] s = new int[dims.length];
        for (int i = 0; i < dims.length; i++) s[i] = Math.toIntExact(dims[i]);
        return s;
    }

    /**
     * Allocates {@code elements} floats after checking them against the array limit and the maximum heap; an
     * allocation that still fails (heap full of live data) is reported as a {@link DataFormatException} too.
     *
     * @param what e.g. "header claims 50000×28×28"
     */
    static float[] allocate(Path file, long elements, String what) throws DataFormatException {
        if (elements < 0 || elements > MAX_ELEMENTS) {
            throw new DataFormatException(file, what + " = " + elements + " values, more than the limit of "
                    + MAX_ELEMENTS);
        }
        long need = 4 * elements;
        long max = Runtime.getRuntime().maxMemory();
        if (need > max) {
            throw new DataFormatException(file, what + " needs " + (need >> 20) + " MiB, more than the whole heap ("
                    + (max >> 20) + " MiB; raise -Xmx)");
        }
        try {
            return new float[(int) elements];
        } catch (OutOfMemoryError e) {
            throw new DataFormatException(file, what + " needs " + (need >> 20)
                    + " MiB and the heap is full (raise -Xmx)");
        }
    }
}
