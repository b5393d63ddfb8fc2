package org.genscope.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed data file of the corpus is refused cleanly by the format-detecting reader, quickly. */
class MalformedDataCorpusTest {
    @TempDir
    Path dir;

    @Test
    void everyFileIsRefusedNamingItWithoutInternalsOrRunningOutOfMemory() {
        java.util.List<String> failures = new java.util.ArrayList<>();
        for (TestFiles.Bad bad : TestFiles.badDataFiles()) {
            try {
                refusedCleanly(bad);
            } catch (AssertionError e) {
                failures.add(bad.name() + ": " + e.getMessage());
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private void refusedCleanly(TestFiles.Bad bad) {
        {
            Path p = bad.writeTo(dir);
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                DataFormatException e = assertThrows(DataFormatException.class, () -> DataFiles.read(p), bad.name());
                TestFiles.assertClean(e.getMessage(), p);
                e = assertThrows(DataFormatException.class, () -> DataFiles.readDataset(p, null), bad.name());
                TestFiles.assertClean(e.getMessage(), p);
            }, bad.name());
        }
    }

    @Test
    void aModelFileOpenedAsDataIsNamedAsSuch() throws Exception {
        for (Path model : TestFiles.badModels(dir).subList(0, 2)) {
            String m = assertThrows(DataFormatException.class, () -> DataFiles.read(model)).getMessage();
            TestFiles.assertHas(TestFiles.assertClean(m, model), "is a safetensors model file, not data");
        }
    }
}
