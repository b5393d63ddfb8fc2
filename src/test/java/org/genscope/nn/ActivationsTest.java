package org.genscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Every activation name builds the nonlinearity its formula says; an unknown name is refused with the valid ones. */
class ActivationsTest {
    private static final Map<String, DoubleUnaryOperator> FORMULAS = Map.of(
            "relu", x -> Math.max(0, x),
            "tanh", Math::tanh,
            "sigmoid", x -> 1 / (1 + Math.exp(-x)),
            "elu", x -> x > 0 ? x : Math.expm1(x),                        // α = 1
            "leakyrelu", x -> x > 0 ? x : 0.01 * x,
            "softplus", x -> Math.log1p(Math.exp(x)));

    @Test
    void eachNameComputesItsFormula() {
        assertEquals(FORMULAS.keySet(), Set.copyOf(Activations.NAMES));
        FMatrixRMaj x = new FMatrixRMaj(1, 5, true, -2f, -0.5f, 0f, 0.7f, 3f);
        for (String name : Activations.NAMES) {
            FMatrixRMaj y = Activations.byName(name.toUpperCase(Locale.ROOT)).forward(x);
            for (int i = 0; i < x.numCols; i++) {
                assertEquals(FORMULAS.get(name).applyAsDouble(x.data[i]), y.data[i], 1e-6, name + "(" + x.data[i] + ")");
            }
        }
    }

    @Test
    void eachCallGivesAFreshInstance() {
        assertNotSame(Activations.byName("relu"), Activations.byName("relu"), "layers must not share forward buffers");
    }

    @Test
    void anUnknownNameIsRefusedWithTheValidOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Activations.byName("Swish"));
        assertEquals("unknown activation 'swish'; choose one of relu, tanh, sigmoid, elu, leakyrelu, softplus", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Activations.check(null));
        assertEquals("tanh", Activations.check("TanH"));
    }
}
