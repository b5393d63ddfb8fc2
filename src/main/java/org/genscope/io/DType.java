package org.genscope.io;

import java.util.Optional;

/**
 * The safetensors element types Genscope reads. Genscope writes F32 for weights and I32/I64/F64 for exact
 * training state (permutations, RNG words, loss sums); all values are little-endian.
 * Declared in the relative order of the reference implementation's {@code Dtype} enum, whose writer lays tensors
 * out by dtype descending, then by name (so 8-byte types come first and every tensor stays aligned).
 */
public enum DType {
    U8(1), I32(4), F32(4), F64(8), I64(8);

    /** Bytes per element. */
    public final int size;

    DType(int size) {
        this.size = size;
    }

    /** The dtype named exactly as in a safetensors header ("F32", ...), or empty if Genscope does not read it. */
    public static Optional<DType> parse(String name) {
        for (DType t : values()) {
            if (t.name().equals(name)) return Optional.of(t);
        }
        return Optional.empty();
    }

    public boolean isInteger() {
        return this == I32 || this == I64 || this == U8;
    }
}
