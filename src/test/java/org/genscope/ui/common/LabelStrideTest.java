package org.genscope.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LabelStrideTest {
    @Test
    void everyLabelWhenTheyFitOtherwiseOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(1, LabelStride.of(20, 14));
        assertEquals(2, LabelStride.of(10, 17.5));
        assertEquals(5, LabelStride.of(10, 21));
        assertEquals(10, LabelStride.of(3, 21));
        assertEquals(100, LabelStride.of(0.4, 30));       // 784 inputs in 300 px
        assertEquals(Integer.MAX_VALUE, LabelStride.of(0, 10));
    }

    @Test
    void labelsSitAtMultiplesOfTheStrideCountingFromOne() {
        assertTrue(LabelStride.shows(0, 1));
        assertFalse(LabelStride.shows(0, 5), "x1 gives way to x5, x10, …");
        assertTrue(LabelStride.shows(4, 5));
        assertTrue(LabelStride.shows(99, 100));
        assertFalse(LabelStride.shows(100, 100));
    }
}
