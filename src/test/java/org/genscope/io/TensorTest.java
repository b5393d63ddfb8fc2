package org.genscope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TensorTest {
    @Test
    void conversionsBetweenTypesAreExactWhereRepresentable() {
        assertArrayEquals(new float[] {0, 255, 17}, Tensor.ofU8(new long[] {3}, new byte[] {0, (byte) 255, 17}).toFloats());
        assertArrayEquals(new float[] {(float) Math.PI, -1}, Tensor.of(new long[] {2}, new double[] {Math.PI, -1}).toFloats());
        assertArrayEquals(new double[] {-7, 16777217}, Tensor.of(new long[] {2}, new int[] {-7, 16777217}).toDoubles());
        assertArrayEquals(new long[] {-7, 3}, Tensor.of(new long[] {2}, new int[] {-7, 3}).toLongs());
        assertArrayEquals(new int[] {5}, Tensor.of(new long[] {1}, new long[] {5}).toInts());
    }

    @Test
    void lossyIntegerReadsAreRefused() {
        assertThrows(IllegalStateException.class, () -> Tensor.of(new long[] {1}, new float[] {1}).toLongs());
        assertThrows(IllegalStateException.class, () -> Tensor.of(new long[] {1}, new long[] {1L << 40}).toInts());
    }

    @Test
    void shapeMustMatchTheData() {
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new long[] {2, 2}, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new long[] {-1}, new float[0]));
        assertEquals(1, Tensor.of(new long[] {}, new float[] {3}).numel());
    }

    @Test
    void tensorsAreImmutable() {
        float[] data = {1, 2};
        long[] shape = {2};
        Tensor t = Tensor.of(shape, data);
        data[0] = 9;
        shape[0] = 7;
        t.shape()[0] = 5;
        t.toFloats()[1] = 8;
        assertArrayEquals(new float[] {1, 2}, t.toFloats());
        assertArrayEquals(new long[] {2}, t.shape());
    }

    @Test
    void nonFiniteValuesAreCounted() {
        assertEquals(2, Tensor.of(new long[] {3}, new float[] {Float.NaN, 0, Float.NEGATIVE_INFINITY}).nonFiniteCount());
        assertEquals(0, Tensor.of(new long[] {1}, new int[] {1}).nonFiniteCount());
    }
}
