package org.genscope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlainNumberTest {
    @Test
    void wholeNumbersLoseTheirPointAndOthersReadBack() {
        assertEquals("8", PlainNumber.of(8));
        assertEquals("-3", PlainNumber.of(-3));
        assertEquals("0.001", PlainNumber.of(0.001));
        assertEquals("1.0E20", PlainNumber.of(1e20));
        assertEquals("NaN", PlainNumber.of(Double.NaN));
        for (double v : new double[] {0.1, 1 / 3.0, 123456.789, -2.5e-7}) assertEquals(v, Double.parseDouble(PlainNumber.of(v)));
    }
}
