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
    private static FMatrixRMaj random(int rows, int cols, Rng rng) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) m.data[i] = (float) rng.nextGaussian();
        return m;
    }

    private static FMatrixRMaj randomMask(int rows, int cols, Rng rng) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) m.data[i] = rng.nextInt(2);
        return m;
    }

    @Test
    void linearForwardIsXTimesWPlusB() {
        Rng rng = new Rng(1);
        Linear l = new Linear("fc", 33, 17, rng);
        FMatrixRMaj x = random(9, 33, rng);
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
        FMatrixRMaj mask = randomMask(12, 10, rng);
        l.setMask(mask);
        FMatrixRMaj x = random(5, 12, rng);
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
            l.backward(random(5, 10, rng));
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
        l.setMask(randomMask(4, 3, rng));
        l.forward(random(2, 4, rng));
        l.setMask(randomMask(4, 3, rng));
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
        net.forward(random(3, 6, rng));
        assertNull(net.backward(random(3, 2, rng)));
        assertNotEquals(0.0, GradClip.norm(first.params()), "weight gradients are still accumulated");
    }

    @Test
    void badShapesAreRejectedWithTheLayerName() {
        Linear l = new Linear("enc", 4, 3, new Rng(5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.forward(new FMatrixRMaj(2, 5)));
        assertEquals(true, e.getMessage().contains("enc"), e.getMessage());
    }

    @Test
    void sameSeedTrainsBitForBit() {
        assertArrayEquals(train(99), train(99));
        assertNotEquals(train(99)[0], train(100)[0]);
    }

    /** 20 Adam steps of a small MADE-like net on random bits; returns every parameter value. */
    private static float[] train(long seed) {
        Rng rng = new Rng(seed);
        MaskedLinear in = new MaskedLinear("h", 40, 64, rng);
        in.setMask(randomMask(40, 64, rng));
        in.setInputGradient(false);
        MaskedLinear out = new MaskedLinear("o", 64, 40, rng);
        out.setMask(randomMask(64, 40, rng));
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
