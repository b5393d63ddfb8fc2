package org.genscope.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.genscope.nn.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every layer type with random parameters: exact inverse, and log|det J| against a numerical Jacobian. */
class FlowLayersTest {
    @ParameterizedTest
    @EnumSource(LayerKind.class)
    void inverseUndoesForward(LayerKind kind) {
        for (int d : new int[] {2, 3}) {
            FlowLayer layer = TestFlows.randomModel(kind, d, 7).layers().get(0);
            FMatrixRMaj x = TestFlows.gaussian(64, d, 1.5, new Rng(1));
            Mapped fwd = layer.forward(x);
            Mapped back = layer.inverse(fwd.points());
            assertTrue(TestFlows.maxAbsDiff(back.points(), x) < 1e-5, kind + " D=" + d + ": |f⁻¹(f(x)) − x| = " + TestFlows.maxAbsDiff(back.points(), x));
            for (int i = 0; i < x.numRows; i++) {
                assertEquals(-fwd.logDet()[i], back.logDet()[i], 1e-5, kind + ": log|det J⁻¹| = −log|det J| at row " + i);
            }
            // and the other way round: f(f⁻¹(z)) = z
            Mapped gen = layer.inverse(x);
            assertTrue(TestFlows.maxAbsDiff(layer.forward(gen.points()).points(), x) < 1e-5, kind + " D=" + d + ": f(f⁻¹(z)) ≠ z");
        }
    }

    @ParameterizedTest
    @EnumSource(LayerKind.class)
    void logDetEqualsNumericalJacobian(LayerKind kind) {
        for (int d : new int[] {2, 3}) {
            FlowLayer layer = TestFlows.randomModel(kind, d, 11).layers().get(0);
            FMatrixRMaj x = TestFlows.gaussian(5, d, 1.0, new Rng(2));
            double[] analytic = layer.forward(x).logDet();
            for (int n = 0; n < x.numRows; n++) {
                double numeric = logAbsDetNumeric(layer, x, n, d);
                assertEquals(numeric, analytic[n], 2e-3, kind + " D=" + d + " point " + n);
            }
        }
    }

    @Test
    void sequenceLogDetIsTheSumAndInverts() {
        FlowModel m = TestFlows.randomModel(List.of(LayerSpec.of(LayerKind.GLOW_STEP, 8), LayerSpec.of(LayerKind.MAF, 8),
                LayerSpec.of(LayerKind.IAF, 8), LayerSpec.of(LayerKind.AFFINE_COUPLING, 8), LayerSpec.of(LayerKind.SCALING)), 3, true, 0.3, 5);
        FMatrixRMaj x = TestFlows.gaussian(40, 3, 1.0, new Rng(3));
        Mapped all = m.flow().forward(x);
        double[] sum = new double[x.numRows];
        FMatrixRMaj h = x;
        for (FlowLayer l : m.layers()) {
            Mapped s = l.forward(h);
            FlowSequence.add(sum, s.logDet());
            h = s.points();
        }
        for (int i = 0; i < sum.length; i++) assertEquals(sum[i], all.logDet()[i], 1e-9);
        assertTrue(TestFlows.maxAbsDiff(m.flow().inverse(all.points()).points(), x) < 1e-5);
        for (int n = 0; n < 3; n++) assertEquals(logAbsDetNumeric(m.flow(), x, n, 3), all.logDet()[n], 3e-3);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void actNormStandardisesItsFirstBatch(int d) {
        ActNorm a = new ActNorm("a.", d);
        Rng rng = new Rng(4);
        FMatrixRMaj x = TestFlows.gaussian(500, d, 3.0, rng);
        for (int i = 0; i < x.numRows; i++) x.data[i * d] += 5;       // shifted first variable
        a.initialize(x);
        FMatrixRMaj z = a.forward(x).points();
        for (int j = 0; j < d; j++) {
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < z.numRows; i++) {
                mean += z.get(i, j);
                sq += z.get(i, j) * z.get(i, j);
            }
            mean /= z.numRows;
            assertEquals(0, mean, 1e-5);
            assertEquals(1, sq / z.numRows - mean * mean, 1e-4);
        }
        float[] before = a.params().get(0).value.data.clone();
        a.initialize(TestFlows.gaussian(500, d, 0.1, rng));               // already initialised: no change
        assertEquals(before[0], a.params().get(0).value.data[0]);
    }

    /** log|det| of the numerical Jacobian ∂f(x_n)/∂x_n, centred differences (h = 1e-3 on float32), EJML's det. */
    static double logAbsDetNumeric(FlowLayer layer, FMatrixRMaj x, int n, int d) {
        double h = 1e-3;
        DMatrixRMaj j = new DMatrixRMaj(d, d);
        for (int c = 0; c < d; c++) {
            FMatrixRMaj up = row(x, n);
            FMatrixRMaj down = row(x, n);
            up.data[c] += (float) h;
            down.data[c] -= (float) h;
            double step = (double) up.data[c] - down.data[c];
            FMatrixRMaj zu = layer.forward(up).points();
            FMatrixRMaj zd = layer.forward(down).points();
            for (int r = 0; r < d; r++) j.set(r, c, (zu.data[r] - (double) zd.data[r]) / step);
        }
        return Math.log(Math.abs(CommonOps_DDRM.det(j)));
    }

    private static FMatrixRMaj row(FMatrixRMaj x, int n) {
        FMatrixRMaj r = new FMatrixRMaj(1, x.numCols);
        System.arraycopy(x.data, n * x.numCols, r.data, 0, x.numCols);
        return r;
    }
}
