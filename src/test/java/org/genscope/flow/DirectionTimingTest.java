package org.genscope.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** MAF evaluates densities in one MADE pass per layer and samples in D; IAF the other way round, as counted. */
class DirectionTimingTest {
    @Test
    void mafAndIafSpendTheirPassesInOppositeDirections() {
        int d = 3;
        int layers = 4;
        DirectionTiming maf = DirectionTiming.measure(FlowSpec.parse("maf:16*" + layers).build(d), 500, 3, 1);
        DirectionTiming iaf = DirectionTiming.measure(FlowSpec.parse("iaf:16*" + layers).build(d), 500, 3, 1);
        assertEquals(layers, maf.densityPasses());
        assertEquals((long) layers * d, maf.samplingPasses());
        assertEquals((long) layers * d, iaf.densityPasses());
        assertEquals(layers, iaf.samplingPasses());
        assertTrue(maf.densitySeconds() > 0 && maf.samplingSeconds() > 0 && iaf.densitySeconds() > 0 && iaf.samplingSeconds() > 0);
        DirectionTiming couplings = DirectionTiming.measure(FlowSpec.parse("realnvp:16*4").build(d), 100, 1, 1);
        assertEquals(0, couplings.densityPasses() + couplings.samplingPasses());
    }
}
