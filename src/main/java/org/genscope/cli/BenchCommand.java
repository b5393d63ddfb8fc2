package org.genscope.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;
import org.genscope.data.DataFormatException;
import org.genscope.data.Dataset;
import org.genscope.data.IdxReader;
import org.genscope.nn.Gemm;
import org.genscope.nn.GemmBackends;
import org.genscope.nn.Rng;

/**
 * {@code genscope bench}: GFLOP/s of every GEMM backend on the MADE 784–500–784 shapes at batch 100, then
 * seconds per epoch of training that MADE, and the IWAE paper's VAE, on binarized MNIST with the selected backend
 * (or each, --all).
 */
public final class BenchCommand implements Command {
    static final String DEFAULT_DATA = "sample-data/binarized-mnist/binarized-mnist-train-images-idx3-ubyte.gz";
    private static final int BATCH = 100;
    private static final int HIDDEN = 500;
    /** Single-code decodes timed for the VAE's live-decoding figure. */
    private static final int DECODES = 2000;

    /** A GEMM to time: label, C = op(A)·op(B) with op(A) m×k and op(B) k×n. */
    private record Shape(String label, boolean transA, boolean transB, int m, int n, int k) {
        double flops() {
            return 2.0 * m * n * k;
        }
    }

    /** The products of one MADE training step at batch B, input D, hidden H (dX of layer 1 is skipped). */
    private static List<Shape> madeShapes(int b, int d, int h) {
        return List.of(
                new Shape("forward h = x·W1", false, false, b, h, d),
                new Shape("forward l = h·W2", false, false, b, d, h),
                new Shape("grad W2 = hᵀ·δ", true, false, h, d, b),
                new Shape("grad h = δ·W2ᵀ", false, true, b, h, d),
                new Shape("grad W1 = xᵀ·δh", true, false, d, h, b));
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "GEMM GFLOP/s per backend, seconds per MADE, VAE and FC-WTA training epoch, Conv-WTA forward/backward";
    }

    @Override
    public String usage() {
        return """
                usage: genscope bench [--data FILE] [--images 8000] [--vae-images 50000] [--epochs 4] [--reps 30]
                                      [--only gemm|epoch|vae|conv|wta] [--maps 128,32] [--conv-reps 3]
                                      [--wta-images 50000] [--wta-epochs 2] [--all]

                1. GFLOP/s (median of --reps timed calls after a warm-up) of every GEMM backend available in this
                   JVM, plus EJML's single- and multi-threaded mult for reference, on the five products of a
                   MADE 784-500-784 training step at batch 100.
                2. Seconds per epoch of training that MADE (ReLU, Bernoulli logits loss, Adam 1e-3, batch 100) on
                   the first --images images of --data (binarized MNIST, IDX; default %s).
                3. Seconds per epoch of training the IWAE paper's VAE, 784-200-200-(50)-200-200-784 with tanh, a
                   Bernoulli decoder, one sample of z, Adam 1e-3, batch 100, on the first --vae-images images
                   (a whole epoch of binarized MNIST by default); then the median time to decode one code z to
                   784 pixels, as the latent-space view does on every mouse move.
                   For 2 and 3 the first epoch includes JIT warm-up; the summary is the median of the others, and the
                   most bytes any of them allocated per step (every Java thread, from the JVM's allocation counters).
                   --all trains once per backend instead of only with the selected one.
                4. Conv-WTA (Makhzani & Frey 2015, Mconv5-Mconv5-Mdeconv11) for each M of --maps on a batch of
                   100 28×28 images: ms per batch and GFLOP/s of each layer's forward and backward pass and of
                   the whole network (median of --conv-reps passes after one warm-up pass), dense gradients;
                   then one training step with the rules on (spatial + 5% lifetime), whose sparse gradients
                   and codes take the layers' direct passes.
                5. Seconds per epoch of an FC-WTA 784-2000-784, 5%% lifetime sparsity, Adam, batch 100, on the
                   first --wta-images images of --data (median of epochs 2..--wta-epochs; the first warms up).

                Backend choice: -Dgenscope.gemm=blas|vector|java; threads: -Dgenscope.threads=N (Java kernels),
                OPENBLAS_NUM_THREADS (OpenBLAS). The Vector API kernel needs --add-modules=jdk.incubator.vector.
                """.formatted(DEFAULT_DATA);
    }

    @Override
    public int run(List<String> args, PrintStream out) throws UsageException, CliException {
        List<String> rest = new ArrayList<>(args);
        boolean all = rest.remove("--all");
        Map<String, String> opts = Options.parse(rest, "data", "images", "vae-images", "epochs", "reps", "only", "maps",
                "conv-reps", "wta-images", "wta-epochs");
        Options.noPositional(opts);
        String only = opts.containsKey("only") ? Options.choice(opts, "only", "", "gemm", "epoch", "vae", "conv", "wta") : "";
        int convReps = (int) Options.integer(opts, "conv-reps", 3, 1, 10_000);
        int wtaImages = (int) Options.integer(opts, "wta-images", 50_000, BATCH, 10_000_000);
        int wtaEpochs = (int) Options.integer(opts, "wta-epochs", 2, 2, 1000);
        int[] maps = maps(opts.getOrDefault("maps", "128,32"));
        int reps = (int) Options.integer(opts, "reps", 30, 3, 100_000);
        int epochs = (int) Options.integer(opts, "epochs", 4, 2, 1000);
        int images = (int) Options.integer(opts, "images", 8000, BATCH, 10_000_000);
        int vaeImages = (int) Options.integer(opts, "vae-images", 50_000, BATCH, 10_000_000);
        Path data = Path.of(opts.getOrDefault("data", DEFAULT_DATA));

        out.printf("Java %s, %d cores; GEMM backend: %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), GemmBackends.describe());
        if (only.isEmpty() || only.equals("gemm")) gemm(reps, out);
        if (only.isEmpty() || only.equals("epoch")) {
            Dataset d = load(data, images, "MADE", "--images");
            out.printf("%nMADE %d-%d-%d (ReLU, Bernoulli logits, Adam 1e-3, batch %d) on %d images of %s%n",
                    d.dimension(), HIDDEN, d.dimension(), BATCH, d.size(), d.name());
            epochs(epochs, all, out, "NLL %.2f nats", () -> new MadeEpochBench(d, HIDDEN, BATCH, 1)::run);
        }
        if (only.isEmpty() || only.equals("vae")) {
            Dataset d = load(data, vaeImages, "VAE", "--vae-images");
            out.printf("%nVAE %d-200-200-(50)-200-200-%d (tanh, Bernoulli decoder, 1 sample, Adam 1e-3, batch %d) on %d images of %s%n",
                    d.dimension(), d.dimension(), BATCH, d.size(), d.name());
            VaeEpochBench[] last = new VaeEpochBench[1];
            epochs(epochs, all, out, "−ELBO %.2f nats", () -> {
                last[0] = new VaeEpochBench(d, BATCH, 1);
                return last[0]::run;
            });
            decodeTime(last[0].vae(), out);
        }
        if (only.isEmpty() || only.equals("conv")) {
            for (int m : maps) {
                ConvBench.print(new ConvBench(m, BATCH, 1).run(1, convReps), m, BATCH, out);
                ConvBench.printTrainingStep(m, BATCH, convReps, out);
            }
        }
        if (only.isEmpty() || only.equals("wta")) {
            Dataset d = load(data, wtaImages, "FC-WTA", "--wta-images");
            out.printf("%nFC-WTA %d-2000-%d (5%% lifetime sparsity, Adam 1e-3, batch %d) on %d images of %s%n",
                    d.dimension(), d.dimension(), BATCH, d.size(), d.name());
            epochs(wtaEpochs, all, out, "MSE %.5f per pixel", () -> new WtaEpochBench(d, 2000, 5, 1)::run);
        }
        return 0;
    }

    private static int[] maps(String s) throws UsageException {
        try {
            int[] m = Arrays.stream(s.split(",")).mapToInt(w -> Integer.parseInt(w.trim())).toArray();
            for (int v : m) if (v < 1 || v > 4096) throw new UsageException("--maps must be 1..4096 each, got " + v);
            return m;
        } catch (NumberFormatException e) {
            throw new UsageException("--maps expects numbers like 128,32, got '" + s + "'");
        }
    }

    private static void gemm(int reps, PrintStream out) {
        List<Gemm> backends = GemmBackends.available();
        out.printf("%nGEMM, float32, MADE 784-500-784 at batch %d: GFLOP/s, median of %d calls after warm-up%n", BATCH, reps);
        for (int i = 0; i < backends.size(); i++) out.printf("  [%d] %s%n", i + 1, backends.get(i).name());
        out.printf("  [%d] EJML CommonOps_FDRM (reference)%n  [%d] EJML CommonOps_MT_FDRM (reference)%n",
                backends.size() + 1, backends.size() + 2);
        StringBuilder head = new StringBuilder(String.format("  %-18s %-20s", "product", "m×k · k×n"));
        for (int i = 1; i <= backends.size() + 2; i++) head.append(String.format(" %7s", "[" + i + "]"));
        out.println(head);
        Rng rng = new Rng(1);
        for (Shape s : madeShapes(BATCH, 784, HIDDEN)) {
            FMatrixRMaj a = random(s.transA ? s.k : s.m, s.transA ? s.m : s.k, rng);
            FMatrixRMaj b = random(s.transB ? s.n : s.k, s.transB ? s.k : s.n, rng);
            FMatrixRMaj c = new FMatrixRMaj(s.m, s.n);
            StringBuilder row = new StringBuilder(String.format("  %-18s %-20s", s.label,
                    s.m + "×" + s.k + " · " + s.k + "×" + s.n));
            for (Gemm g : backends) {
                Runnable call = () -> g.gemm(s.transA, s.transB, s.m, s.n, s.k, 1f, a.data, a.numCols, b.data,
                        b.numCols, 0f, c.data, c.numCols);
                row.append(String.format(" %7.1f", s.flops() / medianSeconds(call, reps) * 1e-9));
            }
            row.append(String.format(" %7.1f", s.flops() / medianSeconds(() -> ejml(false, s, a, b, c), Math.min(reps, 10)) * 1e-9));
            row.append(String.format(" %7.1f", s.flops() / medianSeconds(() -> ejml(true, s, a, b, c), Math.min(reps, 10)) * 1e-9));
            out.println(row);
        }
    }

    private static void ejml(boolean concurrent, Shape s, FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        if (s.transA) {
            if (concurrent) CommonOps_MT_FDRM.multTransA(a, b, c); else CommonOps_FDRM.multTransA(a, b, c);
        } else if (s.transB) {
            if (concurrent) CommonOps_MT_FDRM.multTransB(a, b, c); else CommonOps_FDRM.multTransB(a, b, c);
        } else {
            if (concurrent) CommonOps_MT_FDRM.mult(a, b, c); else CommonOps_FDRM.mult(a, b, c);
        }
    }

    /** Warm-up (at least 5 calls and 0.3 s, so the JIT has compiled the kernel), then the median of reps calls. */
    private static double medianSeconds(Runnable call, int reps) {
        long start = System.nanoTime();
        for (int i = 0; i < 5 || System.nanoTime() - start < 300_000_000L; i++) call.run();
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            call.run();
            t[i] = (System.nanoTime() - t0) * 1e-9;
        }
        Arrays.sort(t);
        return t[reps / 2];
    }

    /**
     * Trains a fresh workload from {@code workload} for {@code epochs} epochs per backend (the selected one, or each
     * with --all) and prints each epoch and a summary line: the median s/epoch after the first epoch and the most
     * bytes any later epoch allocated per step; {@code lossFormat} prints the mean loss, e.g. {@code "NLL %.2f nats"}.
     */
    private static void epochs(int epochs, boolean all, PrintStream out, String lossFormat,
                               Supplier<Supplier<EpochTimer.Epoch>> workload) throws CliException {
        Gemm chosen = GemmBackends.selected();
        List<Gemm> runs = all ? GemmBackends.available() : List.of(chosen);
        try {
            for (Gemm g : runs) {
                GemmBackends.use(g);
                Supplier<EpochTimer.Epoch> bench = workload.get();
                double[] times = new double[epochs - 1];
                double worstBytes = 0;
                StringBuilder line = new StringBuilder();
                for (int e = 0; e < epochs; e++) {
                    EpochTimer.Epoch r = bench.get();
                    Finite.figure(r.meanLoss(), "the training " + lossFormat.split(" ")[0] + " of epoch " + (e + 1), "bench on " + g.name());
                    if (e > 0) {
                        times[e - 1] = r.seconds();
                        worstBytes = Double.isNaN(r.bytesPerStep()) ? Double.NaN : Math.max(worstBytes, r.bytesPerStep());
                    }
                    line.append(String.format("  epoch %d: %.3f s, " + lossFormat + ", %.0f B/step allocated%n",
                            e + 1, r.seconds(), r.meanLoss(), r.bytesPerStep()));
                }
                Arrays.sort(times);
                out.printf("%s: %.3f s/epoch (median of epochs 2-%d); after warm-up at most %s B/step allocated"
                        + " (all threads, epochs 2-%d)%n%s", g.name(), times[times.length / 2], epochs,
                        Double.isNaN(worstBytes) ? "? (not measurable in this JVM)" : String.format("%.0f", worstBytes),
                        epochs, line);
            }
        } finally {
            GemmBackends.use(chosen);
        }
    }

    /** The median time of one E[x|z] for a single code through the trained VAE's decoder. */
    private static void decodeTime(org.genscope.vae.Vae vae, PrintStream out) {
        float[] z = new float[vae.latent()];
        float[] x = new float[vae.inputs()];
        Rng rng = new Rng(2);
        long[] t = new long[DECODES];
        for (int i = -DECODES; i < DECODES; i++) {              // the first half warms up
            rng.nextGaussians(z, 0, z.length);
            long t0 = System.nanoTime();
            vae.decode(z, x);
            if (i >= 0) t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        out.printf("single-code decode (%d → %d, the latent-space view's mouse move): median %.3f ms, 99th percentile %.3f ms%n",
                vae.latent(), vae.inputs(), t[DECODES / 2] / 1e6, t[DECODES * 99 / 100] / 1e6);
    }

    /** The first {@code images} images of the file, which must be binary; {@code option} names the count in messages. */
    private static Dataset load(Path file, int images, String model, String option) throws CliException {
        Dataset d;
        try {
            d = Dataset.of(IdxReader.read(file), file.getFileName().toString());
        } catch (DataFormatException e) {
            throw new CliException(e.getMessage() + (file.toString().equals(DEFAULT_DATA)
                    ? " (run from the Genscope folder or pass --data FILE)" : ""), e);
        }
        if (d.size() < images) {
            throw new CliException(file + ": has " + d.size() + " images, fewer than " + option + " " + images);
        }
        Dataset head = d.head(images);
        FMatrixRMaj x = head.x();
        for (int i = 0; i < x.getNumElements(); i++) {
            float v = x.data[i];
            if (v != 0f && v != 1f) {
                throw new CliException(file + ": the " + model + " benchmark needs binary images (0/1), found value " + v);
            }
        }
        return head;
    }

    private static FMatrixRMaj random(int rows, int cols, Rng rng) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) m.data[i] = rng.nextFloat() - 0.5f;
        return m;
    }
}
