package org.genscope.nn;

/**
 * Common frame of the two Java GEMM kernels: argument checks, the trivial cases, and splitting C into one
 * rectangle per thread of {@link WorkerPool#SHARED} when the product is large enough to pay for it. Columns
 * are split when C is at least as wide as it is tall, rows otherwise, so each thread packs only its own slice of
 * the bigger operand. Subclasses compute one rectangle of C with no shared mutable state.
 */
abstract class ParallelGemm implements Gemm {
    /** Below this many flops (≈ 20 µs of work) a second thread costs more than it saves. */
    private static final double PARALLEL_FLOPS = 2e6;

    private final WorkerPool pool = WorkerPool.SHARED;
    /** Arguments of the running parallel call; written only while this thread holds the pool. */
    private final Call call = new Call();

    /** Rows of C a thread should get in multiples of (the kernel's register tile height). */
    abstract int rowAlign();

    /** Columns of C a thread should get in multiples of (the kernel's register tile width). */
    abstract int colAlign();

    /** C[m0:m1, n0:n1] = alpha · op(A)[m0:m1, :] · op(B)[:, n0:n1] + beta · C[m0:m1, n0:n1], with k ≥ 1. */
    abstract void compute(boolean transA, boolean transB, int m0, int m1, int n0, int n1, int k,
                          float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta,
                          float[] c, int cOff, int ldc);

    @Override
    public final void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff,
                           int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        GemmArgs.check(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == 0f) {
            GemmArgs.scale(m, n, beta, c, cOff, ldc);
            return;
        }
        boolean splitColumns = n >= m;
        int blocks = splitColumns ? ceilDiv(n, colAlign()) : ceilDiv(m, rowAlign());
        int parts = Math.min(pool.size(), blocks);
        if (parts > 1 && 2.0 * m * n * k >= PARALLEL_FLOPS && pool.tryBegin()) {
            try {
                call.set(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, splitColumns,
                        blocks);
                pool.invoke(call, parts);
            } finally {
                call.clear();
                pool.end();
            }
        } else {
            compute(transA, transB, 0, m, 0, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }

    /** Threads a large product uses. */
    final int threads() {
        return pool.size();
    }

    static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    /** One parallel call: part p of P computes the p-th of P nearly equal runs of aligned blocks. */
    private final class Call implements WorkerPool.Job {
        boolean transA;
        boolean transB;
        int m;
        int n;
        int k;
        float alpha;
        float[] a;
        int aOff;
        int lda;
        float[] b;
        int bOff;
        int ldb;
        float beta;
        float[] c;
        int cOff;
        int ldc;
        boolean splitColumns;
        int blocks;

        void set(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                 float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc, boolean splitColumns, int blocks) {
            this.aOff = aOff;
            this.bOff = bOff;
            this.cOff = cOff;
            this.transA = transA;
            this.transB = transB;
            this.m = m;
            this.n = n;
            this.k = k;
            this.alpha = alpha;
            this.a = a;
            this.lda = lda;
            this.b = b;
            this.ldb = ldb;
            this.beta = beta;
            this.c = c;
            this.ldc = ldc;
            this.splitColumns = splitColumns;
            this.blocks = blocks;
        }

        void clear() {
            a = null;
            b = null;
            c = null;
        }

        @Override
        public void run(int part, int parts) {
            int first = (int) ((long) blocks * part / parts);
            int last = (int) ((long) blocks * (part + 1) / parts);
            if (splitColumns) {
                int n0 = first * colAlign();
                int n1 = Math.min(n, last * colAlign());
                if (n0 < n1) compute(transA, transB, 0, m, n0, n1, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            } else {
                int m0 = first * rowAlign();
                int m1 = Math.min(m, last * rowAlign());
                if (m0 < m1) compute(transA, transB, m0, m1, 0, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            }
        }
    }
}
