package org.genscope.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Elementwise} on the JDK Vector API: the same formulas, a vector at a time, with the portable loop for
 * the tail. Loaded by name only when {@code jdk.incubator.vector} is present; no other class refers to it.
 * The loops stay straight-line (selects via {@code blend}, no branches on vectors) so C2 keeps every vector in a
 * register instead of boxing it.
 */
final class VectorElementwise extends Elementwise {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);

    @Override
    public void sigmoid(float[] x, float[] out, int n) {
        int i = 0;
        for (int upper = S.loopBound(n); i < upper; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            // σ(x) = 1/(1+e) for x ≥ 0 and e/(1+e) otherwise, e = e^(−|x|)
            FloatVector e = v.abs().neg().lanewise(VectorOperators.EXP);
            FloatVector r = ONE.div(e.add(1f));
            e.mul(r).blend(r, v.compare(VectorOperators.GE, 0f)).intoArray(out, i);
        }
        sigmoidRange(x, out, i, n);
    }

    @Override
    public void tanh(float[] x, float[] out, int n) {
        int i = 0;
        for (int upper = S.loopBound(n); i < upper; i += L) {
            FloatVector.fromArray(S, x, i).lanewise(VectorOperators.TANH).intoArray(out, i);
        }
        tanhRange(x, out, i, n);
    }

    @Override
    public void softplus(float[] x, float[] out, int n) {
        int i = 0;
        for (int upper = S.loopBound(n); i < upper; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            // max(x, 0) + log1p(e^(−|x|))
            FloatVector e = v.abs().neg().lanewise(VectorOperators.EXP);
            v.max(0f).add(e.lanewise(VectorOperators.LOG1P)).intoArray(out, i);
        }
        softplusRange(x, out, i, n);
    }

    @Override
    public void elu(float[] x, float[] out, int n, float alpha) {
        int i = 0;
        for (int upper = S.loopBound(n); i < upper; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            FloatVector neg = v.lanewise(VectorOperators.EXPM1).mul(alpha);
            neg.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(out, i);
        }
        eluRange(x, out, i, n, alpha);
    }

    @Override
    public void reluGrad(float[] y, float[] dy, float[] dx, int n) {
        int i = 0;
        for (int upper = S.loopBound(n); i < upper; i += L) {
            FloatVector d = FloatVector.fromArray(S, dy, i);
            VectorMask<Float> on = FloatVector.fromArray(S, y, i).compare(VectorOperators.GT, 0f);
            FloatVector.zero(S).blend(d, on).intoArray(dx, i);
        }
        reluGradRange(y, dy, dx, i, n);
    }

    /**
     * The sum is a scalar reduced from each vector, not a vector accumulator: a vector carried around the loop
     * is sometimes compiled by C2 (JDK 17) as a boxed object, which allocated about 870 KB per MADE step in one
     * run of three; a scalar cannot be boxed.
     */
    @Override
    public double bernoulliNll(float[] logits, float[] target, float[] grad, int from, int to, float scale) {
        double sum = 0;
        int i = from;
        for (int upper = from + S.loopBound(to - from); i < upper; i += L) {
            FloatVector l = FloatVector.fromArray(S, logits, i);
            FloatVector t = FloatVector.fromArray(S, target, i);
            FloatVector e = l.abs().neg().lanewise(VectorOperators.EXP);
            FloatVector r = ONE.div(e.add(1f));
            VectorMask<Float> pos = l.compare(VectorOperators.GE, 0f);
            // grad = scale·(σ(l) − t);   nll = max(l, 0) + log1p(e^(−|l|)) − t·l
            e.mul(r).blend(r, pos).sub(t).mul(scale).intoArray(grad, i);
            sum += l.max(0f).add(e.lanewise(VectorOperators.LOG1P)).sub(t.mul(l)).reduceLanes(VectorOperators.ADD);
        }
        return sum + super.bernoulliNll(logits, target, grad, i, to, scale);
    }
}
