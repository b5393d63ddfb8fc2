package org.genscope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParamTensorsTest {
    @TempDir
    Path dir;

    private static Param param(String name, int rows, int cols, long seed) {
        Param p = new Param(name, rows, cols);
        Rng rng = new Rng(seed);
        for (int i = 0; i < p.size(); i++) p.value.data[i] = (float) rng.nextGaussian();
        return p;
    }

    @Test
    void paramsSavedAndLoadedByNameAreIdentical() throws IOException {
        List<Param> saved = List.of(param("W1", 4, 3, 1), param("b1", 1, 3, 2));
        Path file = dir.resolve("p.safetensors");
        ModelFile.write(file, ParamTensors.sources(saved), Map.of());

        List<Param> loaded = List.of(new Param("b1", 1, 3), new Param("W1", 4, 3));
        ParamTensors.load(ModelFile.read(file), loaded);

        assertArrayEquals(saved.get(0).value.data, loaded.get(1).value.data);
        assertArrayEquals(saved.get(1).value.data, loaded.get(0).value.data);
        assertArrayEquals(new long[] {4, 3}, ModelFile.read(file).tensor("W1").shape());
    }

    @Test
    void aShapeMismatchChangesNoParameter() throws IOException {
        Path file = dir.resolve("p.safetensors");
        ModelFile.write(file, ParamTensors.sources(List.of(param("a", 2, 2, 3), param("b", 2, 2, 4))), Map.of());
        Param a = param("a", 2, 2, 5);
        Param b = param("b", 2, 3, 6);
        float[] aBefore = a.value.data.clone();

        String msg = assertThrows(ModelFileException.class, () -> ParamTensors.load(ModelFile.read(file), List.of(a, b)))
                .getMessage();

        assertTrue(msg.contains("'b'") && msg.contains("[2, 2]") && msg.contains("[2, 3]"), msg);
        assertArrayEquals(aBefore, a.value.data);
    }

    @Test
    void integerTensorsAreNotParameters() throws IOException {
        Path file = dir.resolve("i.safetensors");
        ModelFile.write(file, Map.of("w", Tensor.of(new long[] {1, 2}, new int[] {1, 2})), Map.of());
        assertThrows(ModelFileException.class, () -> ParamTensors.load(ModelFile.read(file), List.of(new Param("w", 1, 2))));
    }

    @Test
    void duplicateNamesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ParamTensors.sources(List.of(new Param("w", 1, 1), new Param("w", 1, 1))));
    }
}
