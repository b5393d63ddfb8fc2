package org.genscope.nn;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SGEMM of the system BLAS through {@code dev.ludovic.netlib:blas}: its JNI stub ({@code libnetlibblasjni.so},
 * unpacked from the jar) dlopens {@code libblas.so.3}, which Debian's alternatives point at OpenBLAS once
 * {@code libopenblas0-pthread} is installed. System properties {@code dev.ludovic.netlib.blas.nativeLib} (a
 * library name) or {@code dev.ludovic.netlib.blas.nativeLibPath} (a full path) select another library.
 *
 * <p>BLAS is column-major; a row-major C is a column-major Cᵀ, so the call computes Cᵀ = op(B)ᵀ · op(A)ᵀ
 * with the operands swapped and the same transpose flags.
 */
final class BlasGemm implements Gemm {
    private final NativeBLAS blas;
    private final String name;
    private final boolean optimized;

    private BlasGemm(NativeBLAS blas, String library, boolean optimized) {
        this.blas = blas;
        this.optimized = optimized;
        this.name = library + " (JNI, " + blasThreads() + " threads)";
    }

    /** The native BLAS if netlib's JNI path loads and computes a 2×2 product right; empty otherwise. */
    static Optional<BlasGemm> load() {
        // netlib logs a warning with a stack trace when no native BLAS is installed; we report it ourselves
        Logger log = Logger.getLogger("dev.ludovic.netlib.blas.InstanceBuilder");
        Level before = log.getLevel();
        log.setLevel(Level.OFF);
        try {
            BLAS any = BLAS.getInstance();
            if (!(any instanceof NativeBLAS)) return Optional.empty();
            NativeBLAS blas = (NativeBLAS) any;
            // [1 2; 3 4] · [5 6; 7 8] = [19 22; 43 50], column-major
            float[] c = new float[4];
            blas.sgemm("N", "N", 2, 2, 2, 1f, new float[] {1, 3, 2, 4}, 2, new float[] {5, 7, 6, 8}, 2, 0f, c, 2);
            if (c[0] != 19f || c[1] != 43f || c[2] != 22f || c[3] != 50f) return Optional.empty();
            String lib = loadedBlasLibrary();
            return Optional.of(new BlasGemm(blas, libraryName(lib), isOptimized(lib)));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        } finally {
            log.setLevel(before);
        }
    }

    /** True for a tuned BLAS (OpenBLAS, MKL, BLIS, ATLAS), false for the slow reference implementation. */
    boolean optimized() {
        return optimized;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                     float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        GemmArgs.check(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == 0f) {               // netlib rejects empty operands; the result is beta·C anyway
            GemmArgs.scale(m, n, beta, c, cOff, ldc);
            return;
        }
        // row-major C = op(A)·op(B)  <=>  column-major Cᵀ = op(B)ᵀ·op(A)ᵀ
        // One call at a time: the app multiplies on several threads at once (a training job beside a view's
        // recomputation), and a threaded OpenBLAS entered concurrently has a history of corrupting its buffers
        // (OpenBLAS issues #602, #2126, #4981). Each call already uses every core, so waiting costs little.
        synchronized (NATIVE) {
            blas.sgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, alpha, b, bOff, ldb, a, aOff, lda, beta, c, cOff, ldc);
        }
    }

    /** Serialises the native calls of every instance (there is one native library). */
    private static final Object NATIVE = new Object();

    /** Path of the BLAS shared object mapped into this process (Linux /proc/self/maps), or "" if unknown. */
    private static String loadedBlasLibrary() {
        try {
            List<String> maps = Files.readAllLines(Path.of("/proc/self/maps"));
            for (String line : maps) {
                int slash = line.indexOf('/');
                if (slash < 0) continue;
                String path = line.substring(slash);
                String file = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                if (file.contains("netlibblasjni")) continue;
                if (file.contains("blas") || file.contains("mkl_rt") || file.contains("blis")) return path;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc unreadable: the library stays unnamed
        }
        return "";
    }

    private static String libraryName(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.contains("openblas")) return "OpenBLAS";
        if (p.contains("mkl")) return "Intel MKL";
        if (p.contains("blis")) return "BLIS";
        if (p.contains("atlas")) return "ATLAS";
        if (p.isEmpty()) return "native BLAS";
        return "reference BLAS";
    }

    private static boolean isOptimized(String path) {
        String name = libraryName(path);
        return !name.equals("reference BLAS") && !name.equals("native BLAS");
    }

    /** OpenBLAS's own rule: OPENBLAS_NUM_THREADS, then GOTO_NUM_THREADS, then OMP_NUM_THREADS, else all cores. */
    private static int blasThreads() {
        for (String var : new String[] {"OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"}) {
            String v = System.getenv(var);
            if (v == null) continue;
            try {
                int n = Integer.parseInt(v.trim());
                if (n > 0) return Math.min(n, Runtime.getRuntime().availableProcessors());
            } catch (NumberFormatException ignored) {
                // OpenBLAS ignores a malformed value too
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
