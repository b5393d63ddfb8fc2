package org.genscope.flow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.GradCheck;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole model's NLL gradient (every layer's backward pass and the base) against centred differences. */
class FlowGradCheckTest {
    @ParameterizedTest
    @EnumSource(LayerKind.class)
    void nllGradientMatchesFiniteDifferences(LayerKind kind) {
        // two layers of the kind (alternating masks/orderings) on 3 variables, learnable base
        FlowModel m = TestFlows.randomModel(List.of(LayerSpec.of(kind, 6, 5), LayerSpec.of(kind, 6)), 3, true, 0.3, 21);
        check(m, kind.toString());
    }

    @Test
    void mixedStackGradientMatchesFiniteDifferences() {
        FlowModel m = TestFlows.randomModel(FlowSpec.parseLayers("actnorm,nice:6,realnvp:6,linear,maf:6,reverse,iaf:6,glow:5,scale"),
                2, true, 0.2, 22);
        check(m, "mixed");
    }

    private static void check(FlowModel m, String what) {
        FMatrixRMaj x = TestFlows.gaussian(9, m.dimension(), 1.0, new Rng(8));
        GradCheck.Problem problem = new GradCheck.Problem() {
            @Override
            public double loss() {
                return m.nll(x);
            }

            @Override
            public FMatrixRMaj backward() {
                return dataGradient(m, x);
            }
        };
        List<Param> params = m.params();
        GradCheck.Report report = GradCheck.check(problem, params, x, 1e-2, 40, 5);
        assertTrue(report.maxRelError() < 1e-2, what + "\n" + report);
    }

    /** lossAndGradients, and ∂L/∂x from a second pass whose parameter gradients are discarded. */
    private static FMatrixRMaj dataGradient(FlowModel m, FMatrixRMaj x) {
        m.lossAndGradients(x);
        float[][] saved = new float[m.params().size()][];
        for (int i = 0; i < saved.length; i++) saved[i] = m.params().get(i).grad.data.clone();
        int b = x.numRows;
        Mapped z = m.flow().forward(x);
        double[] g = new double[b];
        java.util.Arrays.fill(g, -1.0 / b);
        FMatrixRMaj gx = m.flow().backward(m.base().backward(z.points(), g), g);
        for (int i = 0; i < saved.length; i++) System.arraycopy(saved[i], 0, m.params().get(i).grad.data, 0, saved[i].length);
        return gx;
    }
}
