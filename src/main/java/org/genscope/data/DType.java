package org.genscope.data;

import java.nio.ByteBuffer;

/** Element types a binary data file (IDX, NPY) may store; each decodes one value to float. */
enum DType {
    UINT8("uint8", 1), INT8("int8", 1), BOOL("bool", 1), INT16("int16", 2), UINT16("uint16", 2),
    INT32("int32", 4), UINT32("uint32", 4), INT64("int64", 8), FLOAT32("float32", 4), FLOAT64("float64", 8);

    final String label;
    final int size;

    DType(String label, int size) {
        this.label = label;
        this.size = size;
    }

    boolean isFloat() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** Reads one element at the buffer's position, in the buffer's byte order. */
    float get(ByteBuffer b) {
        return switch (this) {
            case UINT8, BOOL -> b.get() & 0xFF;
            case INT8 -> b.get();
            case INT16 -> b.getShort();
            case UINT16 -> b.getShort() & 0xFFFF;
            case INT32 -> b.getInt();
            case UINT32 -> b.getInt() & 0xFFFFFFFFL;
            case INT64 -> b.getLong();
            case FLOAT32 -> b.getFloat();
            case FLOAT64 -> (float) b.getDouble();
        };
    }
}
