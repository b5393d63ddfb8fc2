package org.genscope.train;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;

/**
 * Test-local model: y ≈ x·W + b with the squared error L = 1/(2B) Σ (x·W + b − (y + σε))², ε ~ N(0,1) drawn from
 * the batch generator (label noise, so the training generator matters). Hand-written gradient:
 * ∂L/∂W = (1/B) Σ r x, ∂L/∂b = (1/B) Σ r with residual r = x·W + b − y − σε. Faults can be injected at a step.
 */
final class LinearRegressionTask implements Trainable<LinearRegressionTask.Weights> {
    /** Immutable payload: a copy of the weights. */
    record Weights(List<Float> w) {}

    static final float[] TRUE_W = {1.5f, -2f, 0.5f};
    static final float TRUE_B = 0.25f;

    final Param w;
    final Param b = new Param("b", 1, 1);
    private final float[][] x;
    private final float[] y;
    private final float[][] xVal;
    private final float[] yVal;
    private final float noise;
    /** Fault injection: at this 1-based step, the loss is NaN / a gradient is Inf / a gradient is huge. */
    long nanLossAt = -1;
    long infGradAt = -1;
    long hugeGradAt = -1;
    /** Extra work per step: repeat the gradient computation (for timing tests with realistic step times). */
    int repeat = 1;
    /** Called at the start of every step (tests advance a fake clock with it). */
    Runnable onStep = () -> {};
    volatile double sink;

    LinearRegressionTask(int n, int d, long dataSeed, float noise) {
        this.w = new Param("W", d, 1);
        this.noise = noise;
        Rng rng = new Rng(dataSeed);
        x = new float[n][d];
        y = new float[n];
        xVal = new float[n / 4 + 1][d];
        yVal = new float[n / 4 + 1];
        fill(x, y, rng);
        fill(xVal, yVal, rng);
    }

    private static void fill(float[][] xs, float[] ys, Rng rng) {
        for (int i = 0; i < xs.length; i++) {
            float t = TRUE_B;
            for (int j = 0; j < xs[i].length; j++) {
                xs[i][j] = (float) rng.nextGaussian();
                t += xs[i][j] * TRUE_W[j % TRUE_W.length];
            }
            ys[i] = t + 0.01f * (float) rng.nextGaussian();
        }
    }

    @Override
    public List<Param> params() {
        return List.of(w, b);
    }

    @Override
    public int trainingSize() {
        return x.length;
    }

    private float predict(float[] xi) {
        float p = b.value.data[0];
        for (int j = 0; j < xi.length; j++) p += xi[j] * w.value.data[j];
        return p;
    }

    @Override
    public double lossAndGradients(Batch batch) {
        onStep.run();
        int[] idx = batch.indices();
        double extra = 0;
        for (int r = 1; r < repeat; r++) {
            for (int i : idx) extra += predict(x[i]);
        }
        sink = extra;
        double loss = 0;
        for (int i : idx) {
            float res = predict(x[i]) - y[i] - noise * (float) batch.rng().nextGaussian();
            loss += 0.5 * res * res / idx.length;
            for (int j = 0; j < x[i].length; j++) w.grad.data[j] += res * x[i][j] / idx.length;
            b.grad.data[0] += res / idx.length;
        }
        long number = batch.step() + 1;
        if (number == nanLossAt) return Double.NaN;
        if (number == infGradAt) w.grad.data[0] = Float.POSITIVE_INFINITY;
        if (number == hugeGradAt) w.grad.data[0] = 1e30f;
        return loss;
    }

    @Override
    public OptionalDouble validationLoss() {
        double loss = 0;
        for (int i = 0; i < xVal.length; i++) {
            double res = predict(xVal[i]) - yVal[i];
            loss += 0.5 * res * res / xVal.length;
        }
        return OptionalDouble.of(loss);
    }

    @Override
    public Weights payload() {
        Float[] copy = new Float[w.size()];
        for (int i = 0; i < copy.length; i++) copy[i] = w.value.data[i];
        return new Weights(List.of(copy));
    }

    /** Copies of W and b, for bitwise comparisons. */
    float[][] values() {
        return new float[][] {Arrays.copyOf(w.value.data, w.size()), b.value.data.clone()};
    }
}
