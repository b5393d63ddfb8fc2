package org.genscope.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the GEMM backends this JVM can use and picks the best one, once per process:
 * <ol>
 *   <li>{@code blas}: a tuned native BLAS (OpenBLAS on Debian: {@code apt-get install libopenblas0-pthread})
 *       through netlib's JNI stub;</li>
 *   <li>{@code vector}: the packed Vector API kernel, when the JVM runs with
 *       {@code --add-modules=jdk.incubator.vector} and has at least 8 float lanes;</li>
 *   <li>{@code java}: the pure-Java kernel, always.</li>
 * </ol>
 * {@code -Dgenscope.gemm=blas|vector|java} overrides the choice; an unavailable or unknown choice falls back to
 * the default and {@link #describe()} says so. The thread count of the Java kernels is {@code -Dgenscope.threads}.
 */
public final class GemmBackends {
    public static final String PROPERTY = "genscope.gemm";

    /** The backend {@link Mat} uses; starts as the automatic choice, changed only by {@link #use}. */
    private static volatile Gemm current;

    private GemmBackends() {}

    /** Loaded on first use, so only what is needed gets probed (and the JNI library loads only once). */
    private static final class Holder {
        static final Gemm JAVA = new JavaGemm();
        static final Optional<Gemm> VECTOR = loadVector();
        static final Optional<BlasGemm> BLAS = BlasGemm.load();
        static final Gemm SELECTED;
        static final String NOTE;

        static {
            String wanted = System.getProperty(PROPERTY);
            Gemm chosen = null;
            String note = "";
            if (wanted != null && !wanted.isBlank()) {
                chosen = byKey(wanted.trim().toLowerCase(Locale.ROOT)).orElse(null);
                if (chosen == null) note = "; " + PROPERTY + "=" + wanted + " is not available here";
            }
            if (chosen == null) {
                if (BLAS.isPresent() && BLAS.get().optimized()) chosen = BLAS.get();
                else chosen = VECTOR.orElse(JAVA);
            }
            SELECTED = chosen;
            NOTE = note;
        }
    }

    /** The best available backend (or the one {@code -Dgenscope.gemm} names), unless {@link #use} changed it. */
    public static Gemm selected() {
        Gemm g = current;
        if (g == null) {
            g = Holder.SELECTED;
            current = g;
        }
        return g;
    }

    /**
     * Makes every later {@link Mat} product in this process use {@code g} (one of {@link #available()}). For
     * the benchmark and tests that compare backends; the normal way to choose is {@code -Dgenscope.gemm}.
     */
    public static void use(Gemm g) {
        if (g == null) throw new IllegalArgumentException("backend must not be null");
        current = g;
    }

    /** One line for the status bar and the CLI, e.g. "OpenBLAS (JNI, 2 threads)". */
    public static String describe() {
        Gemm g = selected();
        return g.name() + (g == Holder.SELECTED ? Holder.NOTE : " (chosen by the program)");
    }

    /** Every backend usable in this JVM, fastest kind first (the benchmark runs them all). */
    public static List<Gemm> available() {
        List<Gemm> list = new ArrayList<>();
        Holder.BLAS.ifPresent(list::add);
        Holder.VECTOR.ifPresent(list::add);
        list.add(Holder.JAVA);
        return Collections.unmodifiableList(list);
    }

    /** The backend called {@code blas}, {@code vector} or {@code java}, if available here. */
    public static Optional<Gemm> byKey(String key) {
        switch (key) {
            case "blas":
                return Holder.BLAS.map(g -> g);
            case "vector":
                return Holder.VECTOR;
            case "java":
                return Optional.of(Holder.JAVA);
            default:
                return Optional.empty();
        }
    }

    /** True if {@code jdk.incubator.vector} is in the boot layer (the JVM was started with --add-modules). */
    public static boolean vectorApiPresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static Optional<Gemm> loadVector() {
        if (!vectorApiPresent()) return Optional.empty();
        try {
            // by name, so the Vector API classes are never resolved when the module is absent
            Class<?> k = Class.forName("org.genscope.nn.VectorGemm");
            int lanes = (int) k.getDeclaredMethod("lanes").invoke(null);
            if (lanes < 8) return Optional.empty();          // narrower than AVX2: the Java kernel is as good
            return Optional.of((Gemm) k.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty();
        }
    }
}
