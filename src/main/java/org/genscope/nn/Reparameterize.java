package org.genscope.nn;

import org.ejml.data.FMatrixRMaj;

/**
 * The reparameterization trick (Kingma &amp; Welling 2014, §2.4 and eq. 10): a sample of the diagonal Gaussian
 * q(z|x) = N(μ, diag σ²) written as a differentiable function of its parameters and independent noise,
 *
 * <pre>  z = μ + σ ⊙ ε,   σ = e^{v/2},   v = log σ²,   ε ~ N(0, I)
 *  ∂L/∂μ = Σ_s ∂L/∂z_s,   ∂L/∂v = Σ_s ∂L/∂z_s ⊙ ε_s ⊙ ½σ</pre>
 *
 * With S samples per row, z is (S·B)×L and row s·B + n of z (and of ε) belongs to row n of μ and v: the S copies
 * of the batch follow each other. ε is drawn from the caller's generator — the training batch's, so a resumed
 * job draws the same noise — or given (fixed ε, for gradient checks). Buffers are reused while the shapes stay.
 */
public final class Reparameterize {
    private FMatrixRMaj mu;
    private FMatrixRMaj sigma;
    private FMatrixRMaj eps;
    private FMatrixRMaj z;
    private int samples;

    /** Draws ε ((S·B)×L standard normals) from {@code rng}, then {@link #forward(FMatrixRMaj, FMatrixRMaj, FMatrixRMaj)}. */
    public FMatrixRMaj forward(FMatrixRMaj mu, FMatrixRMaj logVar, int samples, Rng rng) {
        if (samples < 1) throw new IllegalArgumentException("need at least 1 sample per row, got " + samples);
        eps = Mat.reuse(eps, samples * mu.numRows, mu.numCols);
        rng.nextGaussians(eps.data, 0, eps.getNumElements());
        return apply(mu, logVar, eps);
    }

    /** z = μ + σ ⊙ ε for a given ε of (S·B)×L (kept by reference); returns z ((S·B)×L, reused). */
    public FMatrixRMaj forward(FMatrixRMaj mu, FMatrixRMaj logVar, FMatrixRMaj epsilon) {
        return apply(mu, logVar, epsilon);
    }

    private FMatrixRMaj apply(FMatrixRMaj mu, FMatrixRMaj logVar, FMatrixRMaj epsilon) {
        Mat.checkSameShape("reparameterization: μ vs log σ²", mu, logVar);
        int b = mu.numRows;
        int l = mu.numCols;
        if (epsilon.numCols != l || b == 0 || epsilon.numRows % b != 0) {
            throw new IllegalArgumentException("ε is " + epsilon.numRows + "×" + epsilon.numCols + "; it must be (S·" + b + ")×" + l);
        }
        this.mu = mu;
        this.eps = epsilon;
        this.samples = epsilon.numRows / b;
        sigma = Mat.reuse(sigma, b, l);
        // σ = e^{v/2}
        for (int i = 0; i < b * l; i++) sigma.data[i] = (float) Math.exp(0.5 * logVar.data[i]);
        z = Mat.reuse(z, samples * b, l);
        // z_s = μ + σ ⊙ ε_s
        for (int s = 0; s < samples; s++) {
            int o = s * b * l;
            for (int i = 0; i < b * l; i++) z.data[o + i] = mu.data[i] + sigma.data[i] * epsilon.data[o + i];
        }
        return z;
    }

    /** ε of the last forward pass ((S·B)×L). */
    public FMatrixRMaj epsilon() {
        return eps;
    }

    /** σ = e^{v/2} of the last forward pass (B×L, reused). */
    public FMatrixRMaj sigma() {
        return sigma;
    }

    /** Adds ∂L/∂μ and ∂L/∂v (B×L each) from ∂L/∂z ((S·B)×L) of the last forward pass. */
    public void backward(FMatrixRMaj gradZ, FMatrixRMaj gradMu, FMatrixRMaj gradLogVar) {
        if (mu == null) throw new IllegalStateException("reparameterization: backward before forward");
        Mat.checkSameShape("reparameterization: ∂L/∂z vs z", z, gradZ);
        Mat.checkSameShape("reparameterization: ∂L/∂μ vs μ", mu, gradMu);
        Mat.checkSameShape("reparameterization: ∂L/∂v vs μ", mu, gradLogVar);
        int n = mu.getNumElements();
        for (int s = 0; s < samples; s++) {
            int o = s * n;
            for (int i = 0; i < n; i++) {
                float g = gradZ.data[o + i];
                // ∂L/∂μ += ∂L/∂z;   ∂L/∂v += ∂L/∂z ⊙ ε ⊙ ½σ
                gradMu.data[i] += g;
                gradLogVar.data[i] += g * eps.data[o + i] * 0.5f * sigma.data[i];
            }
        }
    }
}
