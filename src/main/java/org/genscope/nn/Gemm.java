package org.genscope.nn;

/**
 * General matrix multiply on row-major float arrays, the one kernel the training hot path needs:
 *
 * <pre>  C = alpha · op(A) · op(B) + beta · C,   op(X) = X or Xᵀ,   op(A): m×k, op(B): k×n, C: m×n</pre>
 *
 * Leading dimensions are row strides (row-major). Implementations must be thread-safe and must not allocate
 * per call on the hot path.
 */
public interface Gemm {
    /** Short human-readable backend name, shown in the status bar and by the CLI. */
    String name();

    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float alpha, float[] a, int lda, float[] b, int ldb,
              float beta, float[] c, int ldc);
}
