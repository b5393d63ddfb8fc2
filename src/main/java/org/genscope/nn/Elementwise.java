package org.genscope.nn;

/**
 * Element-wise kernels that need exp/log (activations, the Bernoulli likelihood). This class is the portable
 * version, plain loops on {@link Math}; {@link #get()} returns a subclass on the JDK Vector API when the
 * {@code jdk.incubator.vector} module is present, whose EXP/LOG1P/TANH are SIMD (Intel SVML in JDK 17), about 20×
 * faster. Loops without transcendental functions (masking, the ReLU itself, the optimizers) stay plain Java in their
 * classes: C2 auto-vectorizes them; the ReLU's gradient, a select C2 does not vectorize, is here too.
 *
 * <p>The activations work on elements [0, n) of their arrays, {@link #bernoulliNll} on [from, to); input and
 * output may be the same array.
 */
public class Elementwise {
    private static final class Holder {
        static final Elementwise INSTANCE = load();
    }

    protected Elementwise() {}

    /** The fastest implementation available in this JVM. */
    public static Elementwise get() {
        return Holder.INSTANCE;
    }

    /** The portable implementation (for tests comparing the two). */
    static Elementwise portable() {
        return new Elementwise();
    }

    private static Elementwise load() {
        if (!GemmBackends.vectorApiPresent()) return new Elementwise();
        try {
            // by name, so the Vector API classes are never resolved when the module is absent
            return (Elementwise) Class.forName("org.genscope.nn.VectorElementwise").getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new Elementwise();
        }
    }

    /** out = σ(x) = 1 / (1 + e^(−x)), evaluated without overflow for either sign. */
    public void sigmoid(float[] x, float[] out, int n) {
        sigmoidRange(x, out, 0, n);
    }

    /** out = tanh(x). */
    public void tanh(float[] x, float[] out, int n) {
        tanhRange(x, out, 0, n);
    }

    /** out = softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^(−|x|)). */
    public void softplus(float[] x, float[] out, int n) {
        softplusRange(x, out, 0, n);
    }

    /** out = x for x &gt; 0, alpha·(e^x − 1) otherwise (Clevert et al. 2016). */
    public void elu(float[] x, float[] out, int n, float alpha) {
        eluRange(x, out, 0, n, alpha);
    }

    /**
     * dx = dy where y &gt; 0, else 0: the ReLU's backward pass given its output y. A plain loop here; C2 compiles
     * its select as a branch, which on half-positive activations mispredicts about every other element.
     */
    public void reluGrad(float[] y, float[] dy, float[] dx, int n) {
        reluGradRange(y, dy, dx, 0, n);
    }

    /**
     * Bernoulli negative log-likelihood from logits l and targets t in [0, 1] over [from, to):
     * returns Σ softplus(l) − t·l = Σ −log p(t | l), and writes grad = scale · (σ(l) − t).
     */
    public double bernoulliNll(float[] logits, float[] target, float[] grad, int from, int to, float scale) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            float l = logits[i];
            float t = target[i];
            double e = Math.exp(-Math.abs(l));                     // e^(−|l|) in (0, 1]: never overflows
            double sig = l >= 0 ? 1 / (1 + e) : e / (1 + e);
            sum += Math.max(l, 0f) + log1pSmall(e) - (double) t * l;
            grad[i] = (float) (scale * (sig - t));
        }
        return sum;
    }

    /**
     * log(1 + e) for e in [0, 1], about 3× faster than {@link Math#log1p} (which HotSpot does not intrinsify):
     * Math.log(1 + e) is exact to ~1e-16 absolute, i.e. ≤ 1e-12 relative for e ≥ 1e-4; below that the series
     * e − e²/2 + e³/3 has truncation error e⁴/4 &lt; 3e-17.
     */
    static double log1pSmall(double e) {
        return e >= 1e-4 ? Math.log(1 + e) : e * (1 - e * (0.5 - e / 3));
    }

    static void reluGradRange(float[] y, float[] dy, float[] dx, int from, int to) {
        for (int i = from; i < to; i++) dx[i] = y[i] > 0f ? dy[i] : 0f;
    }

    static void sigmoidRange(float[] x, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            double e = Math.exp(-Math.abs(x[i]));
            out[i] = (float) (x[i] >= 0 ? 1 / (1 + e) : e / (1 + e));
        }
    }

    static void tanhRange(float[] x, float[] out, int from, int to) {
        for (int i = from; i < to; i++) out[i] = (float) Math.tanh(x[i]);
    }

    static void softplusRange(float[] x, float[] out, int from, int to) {
        for (int i = from; i < to; i++) out[i] = (float) (Math.max(x[i], 0f) + log1pSmall(Math.exp(-Math.abs(x[i]))));
    }

    static void eluRange(float[] x, float[] out, int from, int to, float alpha) {
        for (int i = from; i < to; i++) out[i] = x[i] > 0 ? x[i] : (float) (alpha * Math.expm1(x[i]));
    }
}
