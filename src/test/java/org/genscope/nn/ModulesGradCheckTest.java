package org.genscope.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Every module's backward pass agrees with centred finite differences (see GradCheck for the tolerances). */
class ModulesGradCheckTest {
    private static final double TOL = 1e-2;

    private static void assertGradientsMatch(Module m, FMatrixRMaj x, long seed) {
        GradCheck.Report r = GradCheck.check(GradCheck.probe(m, x, new Rng(seed)), m.params(), x);
        assertTrue(r.maxRelError() < TOL, m.getClass().getSimpleName() + "\n" + r);
        assertTrue(r.groups().stream().anyMatch(g -> g.name().equals("input")), "input gradient was not checked");
    }

    @Test
    void linearGradientsMatchFiniteDifferences() {
        Rng rng = new Rng(1);
        Linear l = new Linear("fc", 7, 5, rng);
        assertGradientsMatch(l, TestMatrices.awayFromZero(4, 7, rng), 2);
        assertTrue(l.params().size() == 2);
    }

    @Test
    void maskedLinearGradientsMatchFiniteDifferences() {
        Rng rng = new Rng(3);
        MaskedLinear l = new MaskedLinear("made", 6, 8, rng);
        FMatrixRMaj mask = new FMatrixRMaj(6, 8);
        for (int i = 0; i < mask.getNumElements(); i++) mask.data[i] = rng.nextInt(2);
        l.setMask(mask);
        assertGradientsMatch(l, TestMatrices.awayFromZero(5, 6, rng), 4);
    }

    @Test
    void activationGradientsMatchFiniteDifferences() {
        Rng rng = new Rng(5);
        List<Module> acts = List.of(new ReLU(), new LeakyReLU(0.1f), new ELU(1f), new ELU(0.5f), new Tanh(),
                new Sigmoid(), new Softplus());
        for (Module a : acts) {
            // 3×37: more than two SIMD vectors plus a tail, so both code paths are checked
            assertGradientsMatch(a, TestMatrices.awayFromZero(3, 37, rng), rng.nextLong());
        }
    }

    @Test
    void sequentialGradientsMatchFiniteDifferences() {
        Rng rng = new Rng(7);
        Sequential net = new Sequential(new Linear("l1", 5, 9, rng), new Tanh(), new Linear("l2", 9, 4, rng),
                new Softplus(), new Linear("l3", 4, 3, rng));
        assertGradientsMatch(net, TestMatrices.awayFromZero(6, 5, rng), 8);
        assertTrue(net.params().size() == 6);
    }

    @Test
    void checkerCatchesAWrongBackward() {
        // Tanh forward with a backward that forgets the 1 − y² factor must fail the check
        Module wrong = new Activation() {
            @Override
            protected void apply(float[] x, float[] y, int n) {
                for (int i = 0; i < n; i++) y[i] = (float) Math.tanh(x[i]);
            }

            @Override
            protected void derivative(float[] x, float[] y, float[] dy, float[] dx, int n) {
                System.arraycopy(dy, 0, dx, 0, n);
            }
        };
        Rng rng = new Rng(9);
        FMatrixRMaj x = TestMatrices.awayFromZero(3, 10, rng);
        GradCheck.Report r = GradCheck.check(GradCheck.probe(wrong, x, rng), List.of(), x);
        assertTrue(r.maxRelError() > 0.1, r.toString());
    }
}
