package org.genscope.wta;

import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Adam;
import org.genscope.nn.Linear;
import org.genscope.nn.Optimizer;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;
import org.genscope.nn.SoftmaxCrossEntropy;

/**
 * A linear classifier on a representation: multinomial logistic regression (softmax regression),
 *
 * <pre>  p(y = c | f) = softmax(z)_c,   z = f̃·W + b,   f̃_j = (f_j − μ_j) / σ_j   (standardised on the training part)
 *  minimise  −(1/B) Σ log p(y_b | f_b)  with Adam and decoupled weight decay λ</pre>
 *
 * trained on the features of labelled examples and tested on others. A fraction of the labelled examples is held
 * out (by the seed) to pick the epoch: the weights of the lowest held-out error are the ones tested. Pure
 * computation on the calling thread; {@link Progress} reports each epoch and may stop the training.
 */
public final class LinearProbe {
    /**
     * @param epochs             passes over the training part (≥ 1)
     * @param learningRate       Adam's step size
     * @param weightDecay        λ of the decoupled weight decay (0 = none)
     * @param batchSize          examples per step
     * @param validationFraction labelled examples held out to choose the epoch, in [0, 0.5)
     * @param seed               the split, the order of the examples and the initial weights
     */
    public record Settings(int epochs, double learningRate, double weightDecay, int batchSize, double validationFraction,
                           long seed) {
        public Settings {
            if (epochs < 1) throw new IllegalArgumentException("the classifier needs at least 1 epoch, got " + epochs);
            if (!(learningRate > 0) || !(weightDecay >= 0) || batchSize < 1) {
                throw new IllegalArgumentException("learning rate must be > 0, weight decay ≥ 0 and batch ≥ 1");
            }
            if (!(validationFraction >= 0 && validationFraction < 0.5)) {
                throw new IllegalArgumentException("held-out fraction must be in [0, 0.5), got " + validationFraction);
            }
        }

        /** 30 epochs, Adam 1e-3, weight decay 1e-4, batches of 100, 10% held out, seed 1. */
        public static Settings defaults() {
            return new Settings(30, 1e-3, 1e-4, 100, 0.1, 1);
        }

        public Settings withEpochs(int e) {
            return new Settings(e, learningRate, weightDecay, batchSize, validationFraction, seed);
        }

        public Settings withWeightDecay(double d) {
            return new Settings(epochs, learningRate, d, batchSize, validationFraction, seed);
        }
    }

    /** Called after every epoch; return false to stop early (the best weights so far are tested). */
    @FunctionalInterface
    public interface Progress {
        boolean epoch(int done, int total, double trainLoss, double validationError);

        Progress NONE = (d, t, l, v) -> true;
    }

    private LinearProbe() {}

    /**
     * Fits the classifier on {@code trainX} (N × F) with classes {@code trainY} in [0, classes) and returns its error
     * and confusion matrix on {@code testX}/{@code testY}.
     */
    public static ProbeResult fit(FMatrixRMaj trainX, int[] trainY, FMatrixRMaj testX, int[] testY, int classes,
                                  Settings s, Progress progress) {
        if (trainX.numRows != trainY.length || testX.numRows != testY.length) {
            throw new IllegalArgumentException("features and labels differ in number: " + trainX.numRows + " vs "
                    + trainY.length + ", " + testX.numRows + " vs " + testY.length);
        }
        if (trainX.numCols != testX.numCols) {
            throw new IllegalArgumentException("training features have " + trainX.numCols + " dimensions, test features "
                    + testX.numCols);
        }
        if (classes < 2) throw new IllegalArgumentException("a classifier needs at least 2 classes");
        Rng rng = new Rng(s.seed());
        int n = trainX.numRows;
        int held = (int) Math.round(n * s.validationFraction());
        int[] order = rng.permutation(n);
        int[] fitIdx = java.util.Arrays.copyOfRange(order, held, n);
        int[] valIdx = java.util.Arrays.copyOfRange(order, 0, held);
        if (fitIdx.length < 1) throw new IllegalArgumentException("no labelled examples left to fit the classifier");
        int f = trainX.numCols;

        // f̃ = (f − μ) / σ from the fitted part; σ = 1 for a constant feature (a dead unit)
        float[] mean = new float[f];
        float[] inv = new float[f];
        standardiser(trainX, fitIdx, mean, inv);
        FMatrixRMaj fitX = standardised(trainX, fitIdx, mean, inv);
        int[] fitY = labels(trainY, fitIdx);
        FMatrixRMaj valX = standardised(trainX, valIdx, mean, inv);
        int[] valY = labels(trainY, valIdx);
        int[] all = new int[testX.numRows];
        java.util.Arrays.setAll(all, i -> i);
        FMatrixRMaj tX = standardised(testX, all, mean, inv);

        Linear layer = new Linear("probe", f, classes, rng);
        layer.setInputGradient(false);
        Optimizer opt = new Adam(layer.params(), s.learningRate(), 0.9, 0.999, 1e-8, s.weightDecay());
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        FMatrixRMaj batch = null;
        int[] batchY = new int[s.batchSize()];
        float[][] best = null;
        double bestVal = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int epochs = 0;
        int m = fitX.numRows;
        for (int e = 1; e <= s.epochs(); e++) {
            int[] perm = rng.permutation(m);
            double lossSum = 0;
            int steps = 0;
            for (int from = 0; from < m; from += s.batchSize()) {
                int b = Math.min(s.batchSize(), m - from);
                batch = org.genscope.nn.Mat.reuse(batch, b, f);
                for (int i = 0; i < b; i++) {
                    System.arraycopy(fitX.data, perm[from + i] * f, batch.data, i * f, f);
                    batchY[i] = fitY[perm[from + i]];
                }
                lossSum += ce.forward(layer.forward(batch), batchY, 0);
                layer.backward(ce.grad());
                opt.step();
                steps++;
            }
            epochs = e;
            double val = held > 0 ? error(layer, valX, valY, null) : lossSum / steps;
            if (val < bestVal || best == null) {
                bestVal = val;
                bestEpoch = e;
                best = snapshot(layer);
            }
            if (!progress.epoch(e, s.epochs(), lossSum / steps, held > 0 ? val : Double.NaN)) break;
        }
        restore(layer, best);
        int[][] confusion = new int[classes][classes];
        double test = error(layer, tX, testY, confusion);
        double train = error(layer, fitX, fitY, null);
        return new ProbeResult(test, confusion, train, held > 0 ? bestVal : Double.NaN, bestEpoch, epochs, f);
    }

    /** Fraction misclassified (argmax of z, first on ties), filling the confusion matrix if given. */
    private static double error(Linear layer, FMatrixRMaj x, int[] y, int[][] confusion) {
        if (x.numRows == 0) return Double.NaN;
        int wrong = 0;
        int k = layer.outputSize();
        for (int from = 0; from < x.numRows; from += 1000) {
            int to = Math.min(x.numRows, from + 1000);
            FMatrixRMaj z = layer.forward(org.genscope.nn.Mat.rows(x, from, to));
            for (int i = 0; i < to - from; i++) {
                int arg = 0;
                for (int c = 1; c < k; c++) if (z.data[i * k + c] > z.data[i * k + arg]) arg = c;
                int truth = y[from + i];
                if (arg != truth) wrong++;
                if (confusion != null && truth >= 0 && truth < k) confusion[truth][arg]++;
            }
        }
        return (double) wrong / x.numRows;
    }

    private static void standardiser(FMatrixRMaj x, int[] rows, float[] mean, float[] inv) {
        int f = x.numCols;
        double[] s1 = new double[f];
        double[] s2 = new double[f];
        for (int r : rows) {
            for (int j = 0; j < f; j++) {
                double v = x.data[r * f + j];
                s1[j] += v;
                s2[j] += v * v;
            }
        }
        for (int j = 0; j < f; j++) {
            double mu = s1[j] / rows.length;
            double var = Math.max(0, s2[j] / rows.length - mu * mu);
            mean[j] = (float) mu;
            inv[j] = var > 1e-12 ? (float) (1 / Math.sqrt(var)) : 1f;
        }
    }

    private static FMatrixRMaj standardised(FMatrixRMaj x, int[] rows, float[] mean, float[] inv) {
        int f = x.numCols;
        FMatrixRMaj out = new FMatrixRMaj(rows.length, f);
        for (int i = 0; i < rows.length; i++) {
            int src = rows[i] * f;
            int dst = i * f;
            for (int j = 0; j < f; j++) out.data[dst + j] = (x.data[src + j] - mean[j]) * inv[j];
        }
        return out;
    }

    private static int[] labels(int[] y, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = y[rows[i]];
        return out;
    }

    private static float[][] snapshot(Linear layer) {
        float[][] w = new float[2][];
        int i = 0;
        for (Param p : layer.params()) w[i++] = p.value.data.clone();
        return w;
    }

    private static void restore(Linear layer, float[][] w) {
        int i = 0;
        for (Param p : layer.params()) System.arraycopy(w[i], 0, p.value.data, 0, w[i++].length);
    }
}
