package org.genscope.made;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MadeConfigTest {
    private static void refused(String expected, Supplier<MadeConfig> make) {
        var e = assertThrows(IllegalArgumentException.class, make::get);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should mention '" + expected + "'");
    }

    private static MadeConfig with(int d, int[] hidden, boolean direct, Conditional c, int k, String act) {
        return new MadeConfig(d, hidden, OrderingKind.NATURAL, null, DegreeRule.UNIFORM, 0, direct, 1, false, c, k, act, 1);
    }

    @Test
    void badConfigurationsAreRefusedWithAClearReason() {
        refused("at least 2 inputs", () -> with(1, new int[] {5}, false, Conditional.BERNOULLI, 1, "relu"));
        refused("hidden layer 2 must have", () -> with(4, new int[] {5, 0}, false, Conditional.BERNOULLI, 1, "relu"));
        refused("unknown activation 'swish'", () -> with(4, new int[] {5}, false, Conditional.BERNOULLI, 1, "swish"));
        refused("parameters; the limit", () -> with(50_000, new int[] {50_000}, false, Conditional.BERNOULLI, 1, "relu"));
        refused("mixture components", () -> with(4, new int[] {5}, false, Conditional.MIXTURE, 0, "relu"));
        refused("1 component", () -> with(4, new int[] {5}, false, Conditional.GAUSSIAN, 3, "relu"));
        refused("direct connection", () -> with(4, new int[0], true, Conditional.BERNOULLI, 1, "relu"));
        refused("permutation", () -> new MadeConfig(3, new int[] {4}, OrderingKind.CUSTOM, new int[] {1, 1, 2},
                DegreeRule.UNIFORM, 0, false, 1, false, Conditional.BERNOULLI, 1, "relu", 1));
        refused("number of masks", () -> MadeConfig.defaults(4).withMasks(0, false));
    }

    @Test
    void defaultsArchitectureAndParameterCount() {
        MadeConfig c = MadeConfig.defaults(784);
        assertEquals("784-500-784", c.architecture());
        assertEquals(784L * 500 + 500 + 500L * 784 + 784, c.parameterCount());
        assertEquals(c.parameterCount(), new Made(c).params().stream().mapToLong(p -> p.size()).sum());
        MadeConfig m = MadeConfig.defaults(2).withConditional(Conditional.MIXTURE, 4);
        assertEquals(12, m.paramsPerDimension());
        assertEquals("2-64-64-24", m.architecture());
        int[] h = c.hidden();
        h[0] = 7;
        assertEquals(500, c.hidden()[0], "the record keeps its own copy");
    }
}
