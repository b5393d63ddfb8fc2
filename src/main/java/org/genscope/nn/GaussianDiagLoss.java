package org.genscope.nn;

import org.ejml.data.FMatrixRMaj;

/**
 * Negative log-density of x under a diagonal Gaussian with mean μ and log-variance v = log σ² (the
 * parametrisation of Kingma &amp; Welling 2014, appendix C.2), per example summed over dimensions:
 *
 * <pre>  −log N(x; μ, diag e^v) = ½ Σ_d [ log 2π + v_d + (x_d − μ_d)² e^(−v_d) ]
 *  ∂/∂μ = (μ − x) e^(−v),   ∂/∂v = ½ (1 − (x − μ)² e^(−v)),   ∂/∂x = (x − μ) e^(−v)</pre>
 *
 * The loss is the batch mean, so the gradients are divided by B. A null mean or log-variance means 0 (a
 * standard normal, as for the base density of a flow); its gradient is then not computed.
 */
public final class GaussianDiagLoss {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private FMatrixRMaj gradX;
    private FMatrixRMaj gradMean;
    private FMatrixRMaj gradLogVar;
    private double[] perExample = new double[0];

    /** Returns the batch mean of −log N(x; mean, diag e^logVar); fills the gradients and per-example values. */
    public double forward(FMatrixRMaj x, FMatrixRMaj mean, FMatrixRMaj logVar) {
        if (mean != null) Mat.checkSameShape("Gaussian loss: x vs mean", x, mean);
        if (logVar != null) Mat.checkSameShape("Gaussian loss: x vs log-variance", x, logVar);
        int b = x.numRows;
        int d = x.numCols;
        gradX = Mat.reuse(gradX, b, d);
        gradMean = mean == null ? null : Mat.reuse(gradMean, b, d);
        gradLogVar = logVar == null ? null : Mat.reuse(gradLogVar, b, d);
        if (perExample.length != b) perExample = new double[b];
        double s = 1.0 / b;
        double total = 0;
        for (int n = 0; n < b; n++) {
            double sum = 0;
            for (int i = n * d; i < (n + 1) * d; i++) {
                double diff = x.data[i] - (mean == null ? 0 : mean.data[i]);
                double v = logVar == null ? 0 : logVar.data[i];
                double prec = Math.exp(-v);
                // ½ [log 2π + v + (x − μ)² e^(−v)]
                sum += 0.5 * (LOG_2PI + v + diff * diff * prec);
                gradX.data[i] = (float) (s * diff * prec);
                if (mean != null) gradMean.data[i] = (float) (-s * diff * prec);
                if (logVar != null) gradLogVar.data[i] = (float) (s * 0.5 * (1 - diff * diff * prec));
            }
            perExample[n] = sum;
            total += sum;
        }
        return total / b;
    }

    /** ∂loss/∂x (B×D). */
    public FMatrixRMaj gradX() {
        return gradX;
    }

    /** ∂loss/∂mean, or null if the mean was null. */
    public FMatrixRMaj gradMean() {
        return gradMean;
    }

    /** ∂loss/∂logVar, or null if the log-variance was null. */
    public FMatrixRMaj gradLogVar() {
        return gradLogVar;
    }

    /** −log N(x_n; …) for each example of the last batch, in nats (reused array: copy to keep). */
    public double[] perExample() {
        return perExample;
    }
}
