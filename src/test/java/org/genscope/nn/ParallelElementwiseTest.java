package org.genscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With a Java GEMM backend, large optimizer steps, masks and Bernoulli losses are split over the worker team;
 * the split results must equal a single-threaded computation exactly.
 */
class ParallelElementwiseTest {
    private Gemm before;

    @BeforeEach
    void useTheJavaKernel() {
        before = GemmBackends.selected();
        GemmBackends.use(GemmBackends.byKey("java").orElseThrow());
    }

    @AfterEach
    void restore() {
        GemmBackends.use(before);
    }

    @Test
    void splitAdamStepEqualsTheTextbookFormulaOnEveryElement() {
        Rng rng = new Rng(1);
        Param p = new Param("big", 300, 300);                 // 90,000 > the parallel threshold
        FMatrixRMaj g = TestMatrices.gaussian(300, 300, rng);
        System.arraycopy(TestMatrices.gaussian(300, 300, rng).data, 0, p.value.data, 0, p.size());
        float[] w0 = p.value.data.clone();
        System.arraycopy(g.data, 0, p.grad.data, 0, p.size());
        new Adam(List.of(p), 0.01).step();
        for (int i = 0; i < p.size(); i++) {
            // step 1: m̂ = g, v̂ = g²  →  w − lr·g/(|g| + ε)
            double want = w0[i] - 0.01 * g.data[i] / (Math.abs(g.data[i]) + 1e-8);
            assertEquals(want, p.value.data[i], 1e-6, "element " + i);
        }
    }

    @Test
    void splitMaskingKeepsMaskedGradientsZero() {
        Rng rng = new Rng(2);
        MaskedLinear l = new MaskedLinear("m", 400, 300, rng);
        FMatrixRMaj mask = TestMatrices.bits(400, 300, rng);
        l.setMask(mask);
        l.forward(TestMatrices.gaussian(8, 400, rng));
        l.backward(TestMatrices.gaussian(8, 300, rng));
        for (int i = 0; i < mask.getNumElements(); i++) {
            if (mask.data[i] == 0f) assertEquals(0.0, Math.abs(l.weight.grad.data[i]), "masked weight " + i);
        }
    }

    @Test
    void splitBernoulliLossEqualsTheSerialKernel() {
        Rng rng = new Rng(3);
        FMatrixRMaj logits = TestMatrices.gaussian(40, 600, rng);
        FMatrixRMaj x = TestMatrices.bits(40, 600, rng);
        BernoulliLogitsLoss loss = new BernoulliLogitsLoss();
        double mean = loss.forward(logits, x);
        float[] grad = new float[40 * 600];
        double total = 0;
        for (int n = 0; n < 40; n++) {
            double row = Elementwise.get().bernoulliNll(logits.data, x.data, grad, n * 600, (n + 1) * 600, 1f / 40);
            assertEquals(row, loss.perExample()[n], 0.0, "example " + n);
            total += row;
        }
        assertEquals(total / 40, mean, 1e-12);
        assertArrayEquals(grad, loss.grad().data);
    }
}
