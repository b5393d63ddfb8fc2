package org.genscope.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An immutable tensor as stored in a safetensors file: dtype, shape and little-endian bytes. Build one from Java
 * arrays with {@code of(shape, data)}; read values back with {@link #toFloats()}, {@link #toDoubles()},
 * {@link #toLongs()} or {@link #toInts()}, which convert between types where the conversion is sensible.
 */
public final class Tensor implements TensorSource {
    private static final int MAX_BYTES = Integer.MAX_VALUE - 8;

    private final DType dtype;
    private final long[] shape;
    private final byte[] data;

    private Tensor(DType dtype, long[] shape, byte[] data) {
        this.dtype = dtype;
        this.shape = shape.clone();
        long bytes = Math.multiplyExact(TensorSource.numel(this.shape), dtype.size);
        if (bytes != data.length) {
            throw new IllegalArgumentException(dtype + " tensor of shape " + Arrays.toString(shape) + " needs "
                    + bytes + " bytes, got " + data.length);
        }
        this.data = data;
    }

    /** Wraps bytes the caller gives up (the reader's freshly read buffer); no copy. */
    static Tensor wrap(DType dtype, long[] shape, byte[] littleEndianBytes) {
        return new Tensor(dtype, shape, littleEndianBytes);
    }

    public static Tensor of(long[] shape, float[] values) {
        ByteBuffer b = allocate(values.length, DType.F32);
        b.asFloatBuffer().put(values);
        return new Tensor(DType.F32, shape, b.array());
    }

    public static Tensor of(long[] shape, double[] values) {
        ByteBuffer b = allocate(values.length, DType.F64);
        b.asDoubleBuffer().put(values);
        return new Tensor(DType.F64, shape, b.array());
    }

    public static Tensor of(long[] shape, int[] values) {
        ByteBuffer b = allocate(values.length, DType.I32);
        b.asIntBuffer().put(values);
        return new Tensor(DType.I32, shape, b.array());
    }

    public static Tensor of(long[] shape, long[] values) {
        ByteBuffer b = allocate(values.length, DType.I64);
        b.asLongBuffer().put(values);
        return new Tensor(DType.I64, shape, b.array());
    }

    /** Unsigned bytes (U8), e.g. binarized images. */
    public static Tensor ofU8(long[] shape, byte[] values) {
        return new Tensor(DType.U8, shape, values.clone());
    }

    private static ByteBuffer allocate(int n, DType t) {
        if ((long) n * t.size > MAX_BYTES) throw new IllegalArgumentException("tensor larger than 2 GB");
        return ByteBuffer.allocate(n * t.size).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public void writeTo(ByteBuffer out) {
        out.put(data);
    }

    /** A copy of the raw little-endian bytes. */
    public byte[] bytes() {
        return data.clone();
    }

    private ByteBuffer buffer() {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    private int count() {
        return data.length / dtype.size;
    }

    /** Values as float: exact for F32 and U8, rounded to nearest for F64, I32 and I64. */
    public float[] toFloats() {
        float[] out = new float[count()];
        ByteBuffer b = buffer();
        switch (dtype) {
            case F32 -> b.asFloatBuffer().get(out);
            default -> {
                double[] d = toDoubles();
                for (int i = 0; i < out.length; i++) out[i] = (float) d[i];
            }
        }
        return out;
    }

    /** Values as double: exact except I64 beyond ±2^53 (rounded to nearest). */
    public double[] toDoubles() {
        int n = count();
        double[] out = new double[n];
        ByteBuffer b = buffer();
        switch (dtype) {
            case F32 -> { for (int i = 0; i < n; i++) out[i] = b.getFloat(4 * i); }
            case F64 -> b.asDoubleBuffer().get(out);
            case I32 -> { for (int i = 0; i < n; i++) out[i] = b.getInt(4 * i); }
            case I64 -> { for (int i = 0; i < n; i++) out[i] = b.getLong(8 * i); }
            case U8 -> { for (int i = 0; i < n; i++) out[i] = data[i] & 0xFF; }
        }
        return out;
    }

    /** Values of an integer tensor (I32, I64, U8 unsigned) as long; float tensors are refused. */
    public long[] toLongs() {
        int n = count();
        long[] out = new long[n];
        ByteBuffer b = buffer();
        switch (dtype) {
            case I64 -> b.asLongBuffer().get(out);
            case I32 -> { for (int i = 0; i < n; i++) out[i] = b.getInt(4 * i); }
            case U8 -> { for (int i = 0; i < n; i++) out[i] = data[i] & 0xFF; }
            default -> throw new IllegalStateException(dtype + " tensor cannot be read as integers");
        }
        return out;
    }

    /** Values of an integer tensor as int; refuses float tensors and I64 values outside the int range. */
    public int[] toInts() {
        long[] l = toLongs();
        int[] out = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            if (l[i] != (int) l[i]) throw new IllegalStateException("value " + l[i] + " at index " + i + " exceeds int");
            out[i] = (int) l[i];
        }
        return out;
    }

    /** How many elements are NaN or ±Inf (always 0 for integer tensors). NaN weights are legal but worth flagging. */
    public long nonFiniteCount() {
        if (dtype.isInteger()) return 0;
        long bad = 0;
        ByteBuffer b = buffer();
        int n = count();
        for (int i = 0; i < n; i++) {
            double v = dtype == DType.F32 ? b.getFloat(4 * i) : b.getDouble(8 * i);
            if (!Double.isFinite(v)) bad++;
        }
        return bad;
    }

    /** Equal when dtype, shape and bytes are identical (so NaN payloads compare bit for bit). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && dtype == t.dtype && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return dtype + Arrays.toString(shape);
    }
}
