package org.genscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrainConfigTest {
    @Test
    void builderKeepsUnsetFieldsAtTheirDefaults() {
        TrainConfig c = TrainConfig.builder().batchSize(32).build();
        assertEquals(32, c.batchSize());
        assertEquals(TrainConfig.defaults().epochs(), c.epochs());
        assertEquals(Duration.ofMillis(33), c.snapshotInterval());
        assertEquals(c, c.toBuilder().build());
    }

    @Test
    void choosingEpochsClearsAStepLimit() {
        TrainConfig c = TrainConfig.builder().maxSteps(50).epochs(3).build();
        assertEquals(0, c.maxSteps());
        assertEquals(3, c.epochs());
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.builder().batchSize(0).build());
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.builder().epochs(0).build());
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.builder().backupEvery(0).build());
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.builder().historyCapacity(7).build());
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.builder().checkpoints(10, null).build());
        assertThrows(IllegalArgumentException.class,
                () -> TrainConfig.builder().snapshotInterval(Duration.ofMillis(-1)).build());
    }
}
