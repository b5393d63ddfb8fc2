package org.genscope.made;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.GradCheck;
import org.genscope.nn.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole model's gradient (network and conditionals) against centred differences, for every family. */
class MadeGradCheckTest {
    @ParameterizedTest
    @EnumSource(Conditional.class)
    void modelGradientMatchesFiniteDifferences(Conditional kind) {
        int d = 4;
        int k = kind == Conditional.MIXTURE ? 3 : 1;
        MadeConfig c = new MadeConfig(d, new int[] {6, 5}, OrderingKind.RANDOM, null, DegreeRule.UNIFORM, 0, true, 1, false,
                kind, k, "tanh", 17);
        Made made = new Made(c);
        Rng rng = new Rng(3);
        FMatrixRMaj x = new FMatrixRMaj(7, d);
        for (int i = 0; i < x.getNumElements(); i++) {
            x.data[i] = kind == Conditional.BERNOULLI ? rng.nextInt(2) : (float) rng.nextGaussian();
        }
        GradCheck.Problem problem = new GradCheck.Problem() {
            @Override
            public double loss() {
                return made.nll(x);
            }

            @Override
            public FMatrixRMaj backward() {
                made.lossAndGradients(x);
                return null;
            }
        };
        GradCheck.Report report = GradCheck.check(problem, made.params(), null, 1e-2, 40, 5);
        assertTrue(report.maxRelError() < 1e-2, kind + "\n" + report);
    }

    @ParameterizedTest
    @EnumSource(Conditional.class)
    void networkInputGradientMatchesFiniteDifferences(Conditional kind) {
        MadeConfig c = new MadeConfig(5, new int[] {8}, OrderingKind.NATURAL, null, DegreeRule.UNIFORM, 0, true, 1, false,
                kind, kind == Conditional.MIXTURE ? 2 : 1, "tanh", 4);
        MadeNet net = new Made(c).network();
        Rng rng = new Rng(6);
        FMatrixRMaj x = new FMatrixRMaj(3, 5);
        for (int i = 0; i < x.getNumElements(); i++) x.data[i] = (float) rng.nextGaussian();
        GradCheck.Report report = GradCheck.check(GradCheck.probe(net, x, rng), net.params(), x);
        assertTrue(report.maxRelError() < 1e-2, report.toString());
    }
}
