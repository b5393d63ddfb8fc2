package org.genscope.nn;

/**
 * General matrix multiply on row-major float arrays, the one kernel the training hot path needs:
 *
 * <pre>  C = alpha · op(A) · op(B) + beta · C,   op(X) = X or Xᵀ,   op(A): m×k, op(B): k×n, C: m×n</pre>
 *
 * Leading dimensions are row strides (row-major); each operand may start at an offset into its array (a
 * convolution multiplies shifted windows of one image buffer, {@link Conv2d}). Implementations must be
 * thread-safe and must not allocate per call on the hot path.
 */
public interface Gemm {
    /** Short human-readable backend name, shown in the status bar and by the CLI. */
    String name();

    /** The product with op(A) starting at a[aOff], op(B) at b[bOff] and C at c[cOff]. */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
              float beta, float[] c, int cOff, int ldc);

    /** The product of operands that start at index 0 of their arrays. */
    default void gemm(boolean transA, boolean transB, int m, int n, int k,
                      float alpha, float[] a, int lda, float[] b, int ldb,
                      float beta, float[] c, int ldc) {
        gemm(transA, transB, m, n, k, alpha, a, 0, lda, b, 0, ldb, beta, c, 0, ldc);
    }
}
