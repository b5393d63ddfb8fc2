package org.genscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.junit.jupiter.api.Test;

/** Forward passes against EJML, the masking contract, and bit-for-bit reproducible training. */
class ModulesTest {
    @Test
    void linearForwardIsXTimesWPlusB() {
        Rng rng = new Rng(1);
        Linear l = new Linear("fc", 33, 17, rng);
        FMatrixRMaj x = TestMatrices.gaussian(9, 33, rng);
        FMatrixRMaj want = new FMatrixRMaj(9, 17);
        CommonOps_FDRM.mult(x, l.weight.value, want);
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 17; j++) want.add(i, j, l.bias.value.get(0, j));
        }
        assertArrayEquals(want.data, l.forward(x).data, 1e-4f);
    }

    @Test
    void maskedLinearUsesWTimesMaskAndKeepsMaskedGradientsZero() {
        Rng rng = new Rng(2);
        MaskedLinear l = new MaskedLinear("m", 12, 10, rng);
        FMatrixRMaj mask = TestMatrices.bits(12, 10, rng);
        l.setMask(mask);
        FMatrixRMaj x = TestMatrices.gaussian(5, 12, rng);
        FMatrixRMaj wm = new FMatrixRMaj(12, 10);
        CommonOps_FDRM.elementMult(l.weight.value, mask, wm);
        FMatrixRMaj want = new FMatrixRMaj(5, 10);
        CommonOps_FDRM.mult(x, wm, want);
        FMatrixRMaj y = l.forward(x);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 10; j++) assertEquals(want.get(i, j) + l.bias.value.get(0, j), y.get(i, j), 1e-4);
        }
        for (int rep = 0; rep < 2; rep++) {                 // accumulate twice
            l.forward(x);
            l.backward(TestMatrices.gaussian(5, 10, rng));
        }
        int masked = 0;
        for (int i = 0; i < mask.getNumElements(); i++) {
            if (mask.data[i] == 0f) {
                assertEquals(0.0, Math.abs(l.weight.grad.data[i]), "gradient of masked weight " + i);
                masked++;
            } else {
                assertNotEquals(0f, l.weight.grad.data[i]);
            }
        }
        assertNotEquals(0, masked);
    }

    @Test
    void resamplingTheMaskKeepsTheRawWeights() {
        Rng rng = new Rng(3);
        MaskedLinear l = new MaskedLinear("m", 4, 3, rng);
        float[] raw = l.weight.value.data.clone();
        l.setMask(TestMatrices.bits(4, 3, rng));
        l.forward(TestMatrices.gaussian(2, 4, rng));
        l.setMask(TestMatrices.bits(4, 3, rng));
        assertArrayEquals(raw, l.weight.value.data);
        FMatrixRMaj bad = new FMatrixRMaj(4, 3);
        bad.fill(0.5f);
        assertThrows(IllegalArgumentException.class, () -> l.setMask(bad));
        assertThrows(IllegalArgumentException.class, () -> l.setMask(new FMatrixRMaj(3, 4)));
    }

    @Test
    void firstLayerCanSkipItsInputGradient() {
        Rng rng = new Rng(4);
        Linear first = new Linear("a", 6, 5, rng);
        first.setInputGradient(false);
        Sequential net = new Sequential(first, new ReLU(), new Linear("b", 5, 2, rng));
        net.forward(TestMatrices.gaussian(3, 6, rng));
        assertNull(net.backward(TestMatrices.gaussian(3, 2, rng)));
        assertNotEquals(0.0, GradClip.norm(first.params()), "weight gradients are still accumulated");
    }

    @Test
    void badShapesAreRejectedWithTheLayerName() {
        Linear l = new Linear("enc", 4, 3, new Rng(5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.forward(new FMatrixRMaj(2, 5)));
        assertEquals(true, e.getMessage().contains("enc"), e.getMessage());
    }

    @Test
    void sameSeedTrainsBitForBitOnEveryBackend() {
        Gemm chosen = GemmBackends.selected();
        try {
            for (Gemm g : GemmBackends.available()) {
                GemmBackends.use(g);
                assertArrayEquals(train(99), train(99), g.name());
                assertNotEquals(train(99)[0], train(100)[0]);
            }
        } finally {
            GemmBackends.use(chosen);
        }
    }

    /** 20 Adam steps of a small MADE-like net on random bits; returns every parameter value. */
    private static float[] train(long seed) {
        Rng rng = new Rng(seed);
        MaskedLinear in = new MaskedLinear("h", 40, 64, rng);
        in.setMask(TestMatrices.bits(40, 64, rng));
        in.setInputGradient(false);
        MaskedLinear out = new MaskedLinear("o", 64, 40, rng);
        out.setMask(TestMatrices.bits(64, 40, rng));
        Sequential net = new Sequential(in, new ReLU(), out);
        Adam adam = new Adam(net.params(), 1e-2);
        BernoulliLogitsLoss loss = new BernoulliLogitsLoss();
        FMatrixRMaj x = new FMatrixRMaj(32, 40);
        for (int step = 0; step < 20; step++) {
            for (int i = 0; i < x.getNumElements(); i++) x.data[i] = rng.nextInt(2);
            loss.forward(net.forward(x), x);
            net.backward(loss.grad());
            adam.step();
        }
        List<Param> ps = net.params();
        int total = ps.stream().mapToInt(Param::size).sum();
        float[] all = new float[total];
        int o = 0;
        for (Param p : ps) {
            System.arraycopy(p.value.data, 0, all, o, p.size());
            o += p.size();
        }
        return all;
    }
}
