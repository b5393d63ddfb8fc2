package org.genscope.wta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Settings out of range are refused with a message that says what to do; the presets are the paper's models. */
class WtaConfigTest {
    private static String refusal(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void kOutsideZeroToHundredIsRefused() {
        assertTrue(refusal(() -> WtaConfig.fc(28, 28, 0, 1, 100)).contains("(0, 100]"));
        assertTrue(refusal(() -> WtaConfig.fc(28, 28, -3, 1, 100)).contains("(0, 100]"));
        assertTrue(refusal(() -> WtaConfig.conv(28, 28, 100.1, true, 1, 8)).contains("(0, 100]"));
    }

    @Test
    void aFilterLargerThanTheImageIsRefused() {
        String m = refusal(() -> WtaConfig.conv(8, 8, 5, true, 1, 4));
        assertTrue(m.contains("11×11 decoder filter is larger than the 8×8 image") && m.contains("at most 7"), m);
        assertTrue(refusal(() -> new WtaConfig(WtaKind.CONV, 28, 28, new int[] {4}, 4, 11, 5, true, 1)).contains("odd"));
    }

    @Test
    void zeroMapsOrUnitsAreRefused() {
        assertTrue(refusal(() -> WtaConfig.conv(28, 28, 5, true, 1, 0)).contains("feature maps, got 0"));
        assertTrue(refusal(() -> WtaConfig.fc(28, 28, 5, 1, 0)).contains("units, got 0"));
        assertTrue(refusal(() -> WtaConfig.fc(28, 28, 5, 1)).contains("at least one hidden layer"));
    }

    @Test
    void spatialSparsityNeedsFeatureMaps() {
        assertTrue(refusal(() -> new WtaConfig(WtaKind.FC, 28, 28, new int[] {10}, 0, 0, 5, true, 1)).contains("feature maps"));
    }

    @Test
    void thePresetsAreThePapersModels() {
        assertEquals("784-2000-784", WtaPreset.FC_5.config.architecture());
        assertEquals("128conv5-128conv5-128deconv11", WtaPreset.CONV_128.config.architecture());
        assertEquals("spatial + lifetime 5%", WtaPreset.CONV_128.config.sparsity());
        assertEquals("no sparsity", WtaPreset.CONV_PLAIN.config.sparsity());
        assertEquals(WtaPreset.FC_20, WtaPreset.byKey("fc-20"));
        // 1·25·128 + 128 + 128·25·128 + 128 + 128·121 + 1
        assertEquals(3328 + 409728 + 15489, WtaPreset.CONV_128.config.parameterCount());
        assertEquals(WtaPreset.CONV_128.config.parameterCount(),
                WtaAutoencoder.create(WtaPreset.CONV_128.config).params().stream().mapToLong(p -> p.size()).sum());
    }
}
