package org.genscope.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The run line's figures as a class reads them. */
class JobViewModelTest {
    @Test
    void slowRunsShowTheirRateNotZero() {
        assertEquals("85", JobViewModel.rate(85.4));
        assertEquals("10", JobViewModel.rate(10));
        assertEquals("4.2", JobViewModel.rate(4.24));
        assertEquals("0.38", JobViewModel.rate(0.384));
    }

    @Test
    void timeLeftIsInSecondsMinutesOrHours() {
        assertEquals("45 s", JobViewModel.duration(44.6));
        assertEquals("4 min 39 s", JobViewModel.duration(279));
        assertEquals("1 h 25 min", JobViewModel.duration(5100));
    }
}
