package org.genscope.flow;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.LUDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.genscope.nn.Mat;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;

/**
 * Glow's invertible 1×1 convolution in its D-dimensional form, an invertible linear map z = x·W (rows are points),
 * in the LU parametrisation of Kingma &amp; Dhariwal (2018, §3.2, eq. 10):
 *
 * <pre>  W = P · L · (U + diag(sign ∘ exp(log_s)))
 *  log|det W| = Σ_i log_s_i                        (P a permutation, L unit lower triangular, U strictly upper)</pre>
 *
 * P and sign are fixed buffers ({@code <prefix>permutation}: row i of P has its 1 in column permutation[i];
 * {@code <prefix>sign}: ±1); {@code lower} (strictly lower part used), {@code upper} (strictly upper part used) and
 * {@code log_s} are trained. As in the paper, W starts as a random rotation, LU-decomposed (EJML, partial pivoting).
 * The inverse x = z·W⁻¹ inverts W in double precision.
 */
final class InvertibleLinear implements FlowLayer {
    private final String prefix;
    private final int d;
    private final Param lower;
    private final Param upper;
    private final Param logS;
    private final Param permutation;
    private final Param sign;
    private FMatrixRMaj x;
    private DMatrixRMaj w;

    InvertibleLinear(String prefix, int d, Rng rng) {
        if (d < 1) throw new IllegalArgumentException("need at least 1 variable, got " + d);
        this.prefix = prefix;
        this.d = d;
        lower = new Param(prefix + "lower", d, d);
        upper = new Param(prefix + "upper", d, d);
        logS = new Param(prefix + "log_s", 1, d);
        permutation = new Param(prefix + "permutation", 1, d);
        sign = new Param(prefix + "sign", 1, d);
        // a random rotation Q (QR of a Gaussian matrix), then Q = Pᵀ_ejml · L · U
        DMatrixRMaj g = new DMatrixRMaj(d, d);
        for (int i = 0; i < g.data.length; i++) g.data[i] = rng.nextGaussian();
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(d, d);
        qr.decompose(g);
        DMatrixRMaj q = qr.getQ(null, false);
        LUDecomposition_F64<DMatrixRMaj> lu = DecompositionFactory_DDRM.lu(d, d);
        lu.decompose(q.copy());
        DMatrixRMaj pivot = lu.getRowPivot(null);           // EJML: Q = pivotᵀ · L · U
        DMatrixRMaj l = lu.getLower(null);
        DMatrixRMaj u = lu.getUpper(null);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                if (pivot.get(j, i) == 1) permutation.value.data[i] = j;     // (pivotᵀ)[i, j] = 1
                if (j < i) lower.value.data[i * d + j] = (float) l.get(i, j);
                if (j > i) upper.value.data[i * d + j] = (float) u.get(i, j);
            }
            double s = u.get(i, i);
            sign.value.data[i] = s < 0 ? -1f : 1f;
            logS.value.data[i] = (float) Math.log(Math.abs(s));
        }
    }

    @Override
    public int dimension() {
        return d;
    }

    private int perm(int i) {
        return (int) permutation.value.data[i];
    }

    /** M = U + diag(sign ∘ exp(log_s)), entry (i, j). */
    private double m(int i, int j) {
        if (j > i) return upper.value.data[i * d + j];
        if (j == i) return sign.value.data[i] * Math.exp(logS.value.data[i]);
        return 0;
    }

    /** L, entry (i, j): unit lower triangular. */
    private double l(int i, int j) {
        return j < i ? lower.value.data[i * d + j] : j == i ? 1 : 0;
    }

    /** W = P·L·M in double; (P·L)[i, k] = L[perm(i), k]. Checks the buffers (they may come from a file). */
    DMatrixRMaj weight() {
        Permutation.read(permutation);
        for (int i = 0; i < d; i++) {
            float s = sign.value.data[i];
            if (s != 1f && s != -1f) {
                throw new IllegalStateException("'" + sign.name + "' must hold signs ±1, but entry " + i + " is " + s);
            }
        }
        DMatrixRMaj out = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) s += l(perm(i), k) * m(k, j);
                out.set(i, j, s);
            }
        }
        return out;
    }

    private double logDetW() {
        double s = 0;
        for (int i = 0; i < d; i++) s += logS.value.data[i];
        return s;
    }

    /** a·b with b rounded to float. */
    private static FMatrixRMaj times(FMatrixRMaj a, DMatrixRMaj b) {
        FMatrixRMaj bf = new FMatrixRMaj(b.numRows, b.numCols);
        for (int i = 0; i < b.data.length; i++) bf.data[i] = (float) b.data[i];
        FMatrixRMaj out = new FMatrixRMaj(a.numRows, b.numCols);
        Mat.mult(a, bf, out);
        return out;
    }

    @Override
    public Mapped forward(FMatrixRMaj in) {
        Columns.check(in, d, describe());
        x = in;
        w = weight();
        double[] logDet = new double[in.numRows];
        java.util.Arrays.fill(logDet, logDetW());
        return new Mapped(times(in, w), logDet);     // z = x·W
    }

    @Override
    public Mapped inverse(FMatrixRMaj z) {
        Columns.check(z, d, describe());
        x = null;
        DMatrixRMaj inv = weight();
        if (!CommonOps_DDRM.invert(inv)) throw new IllegalStateException(describe() + ": W is singular");
        double[] logDet = new double[z.numRows];
        java.util.Arrays.fill(logDet, -logDetW());
        return new Mapped(times(z, inv), logDet);    // x = z·W⁻¹
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj gz, double[] gradLogDet) {
        if (x == null) throw new IllegalStateException(describe() + ": backward without a preceding forward");
        // G = ∂L/∂W = xᵀ·δ
        double[] g = new double[d * d];
        for (int n = 0; n < x.numRows; n++) {
            for (int i = 0; i < d; i++) {
                double xi = x.data[n * d + i];
                for (int j = 0; j < d; j++) g[i * d + j] += xi * gz.data[n * d + j];
            }
        }
        double gl = 0;
        for (double v : gradLogDet) gl += v;
        // ∂L/∂L = Pᵀ·G·Mᵀ (strictly lower part); (Pᵀ·G)[r, j] = G[i, j] with perm(i) = r
        // ∂L/∂M = (P·L)ᵀ·G, so ∂L/∂U = its strictly upper part, ∂L/∂log_s_i = (∂L/∂M)_ii · sign_i e^{log_s_i} + Σ ∂L/∂logdet
        double[] ptg = new double[d * d];
        for (int i = 0; i < d; i++) System.arraycopy(g, i * d, ptg, perm(i) * d, d);
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                if (c < r) {
                    double s = 0;
                    for (int j = 0; j < d; j++) s += ptg[r * d + j] * m(c, j);
                    lower.grad.data[r * d + c] += (float) s;
                }
                if (c >= r) {
                    double s = 0;                    // (Lᵀ·Pᵀ·G)[r, c] = Σ_k L[k, r] (PᵀG)[k, c]
                    for (int k = 0; k < d; k++) s += l(k, r) * ptg[k * d + c];
                    if (c > r) upper.grad.data[r * d + c] += (float) s;
                    else logS.grad.data[r] += (float) (s * m(r, r) + gl);
                }
            }
        }
        // ∂L/∂x = δ·Wᵀ
        DMatrixRMaj wt = new DMatrixRMaj(d, d);
        CommonOps_DDRM.transpose(w, wt);
        return times(gz, wt);
    }

    @Override
    public List<Param> params() {
        return List.of(lower, upper, logS);
    }

    @Override
    public List<Param> buffers() {
        return List.of(permutation, sign);
    }

    @Override
    public String describe() {
        return prefix + "invertible linear map, LU-parametrised (Glow)";
    }
}
