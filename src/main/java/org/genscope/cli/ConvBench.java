package org.genscope.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.genscope.nn.Conv2d;
import org.genscope.nn.ConvTranspose2d;
import org.genscope.nn.ImageShape;
import org.genscope.nn.Module;
import org.genscope.nn.ReLU;
import org.genscope.nn.Rng;

/**
 * The convolution workload the benchmark times: the three layers of a Conv-WTA autoencoder (Makhzani &amp; Frey 2015,
 * {@code Mconv5-Mconv5-Mdeconv11}) on a batch of 28×28 images, forward and backward separately, with the app's
 * own {@link Conv2d} and {@link ConvTranspose2d}. The first layer skips its input gradient, as in training.
 */
final class ConvBench {
    /** One layer's median times over the timed passes and its floating-point operations per batch. */
    record Layer(String label, double forwardSeconds, double backwardSeconds, double forwardFlops, double backwardFlops) {}

    /** The layers, and the bytes the timed passes allocated per forward + backward pass (all threads; NaN: unknown). */
    record Result(List<Layer> layers, double bytesPerPass) {}

    private final List<Module> layers = new ArrayList<>();
    private final List<org.genscope.nn.Param> params = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final double[] forwardFlops;
    private final double[] backwardFlops;
    private final FMatrixRMaj x;

    ConvBench(int maps, int batch, long seed) {
        Rng rng = new Rng(seed);
        ImageShape image = ImageShape.grey(28, 28);
        Conv2d c1 = new Conv2d("conv1", image, maps, 5, 1, 2, rng);
        c1.setInputGradient(false);
        Conv2d c2 = new Conv2d("conv2", c1.outputShape(), maps, 5, 1, 2, rng);
        ConvTranspose2d d = new ConvTranspose2d("deconv", c2.outputShape(), 1, 11, 1, 5, rng);
        layers.addAll(List.of(c1, new ReLU(), c2, new ReLU(), d));
        for (Module m : layers) params.addAll(m.params());
        labels.addAll(List.of("conv1 1→" + maps + " 5×5", "relu", "conv2 " + maps + "→" + maps + " 5×5", "relu",
                "deconv " + maps + "→1 11×11"));
        forwardFlops = new double[] {batch * c1.flopsPerImage(), 0, batch * c2.flopsPerImage(), 0, batch * d.flopsPerImage()};
        // backward: weight gradient + input gradient (the first layer needs no input gradient)
        backwardFlops = new double[] {forwardFlops[0], 0, 2 * forwardFlops[2], 0, 2 * forwardFlops[4]};
        x = new FMatrixRMaj(batch, image.size());
        for (int i = 0; i < x.getNumElements(); i++) x.data[i] = rng.nextFloat();
    }

    /** Warm-up passes, then the median per layer and direction of {@code reps} timed forward + backward passes. */
    Result run(int warmup, int reps) {
        long before = 0;
        int n = layers.size();
        double[][] fw = new double[n][reps];
        double[][] bw = new double[n][reps];
        FMatrixRMaj[] inputs = new FMatrixRMaj[n + 1];
        for (int r = -warmup; r < reps; r++) {
            if (r == 0) before = EpochTimer.allocatedBytes();
            inputs[0] = x;
            for (int l = 0; l < n; l++) {
                long t0 = System.nanoTime();
                inputs[l + 1] = layers.get(l).forward(inputs[l]);
                if (r >= 0) fw[l][r] = (System.nanoTime() - t0) * 1e-9;
            }
            FMatrixRMaj g = inputs[n];                       // any gradient will do: ∂L/∂y = y
            for (int l = n - 1; l >= 0; l--) {
                long t0 = System.nanoTime();
                g = layers.get(l).backward(g);
                if (r >= 0) bw[l][r] = (System.nanoTime() - t0) * 1e-9;
            }
            for (int p = 0; p < params.size(); p++) params.get(p).zeroGrad();
        }
        long allocated = EpochTimer.allocatedBytes() - before;
        List<Layer> out = new ArrayList<>();
        for (int l = 0; l < n; l++) out.add(new Layer(labels.get(l), median(fw[l]), median(bw[l]), forwardFlops[l], backwardFlops[l]));
        return new Result(out, before < 0 ? Double.NaN : (double) allocated / reps);
    }

    private static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** Prints one row per layer and the whole network: ms per batch and GFLOP/s in each direction. */
    static void print(Result result, int maps, int batch, PrintStream out) {
        List<Layer> layers = result.layers();
        out.printf("%nConv-WTA %dconv5-%dconv5-%ddeconv11 on a batch of %d 28×28 images: ms per batch (GFLOP/s)%n",
                maps, maps, maps, batch);
        out.printf("  %-22s %18s %18s %18s%n", "layer", "forward", "backward", "forward+backward");
        double f = 0;
        double b = 0;
        double ff = 0;
        double bf = 0;
        for (Layer l : layers) {
            out.printf("  %-22s %18s %18s %18s%n", l.label(), cell(l.forwardSeconds(), l.forwardFlops()),
                    cell(l.backwardSeconds(), l.backwardFlops()),
                    cell(l.forwardSeconds() + l.backwardSeconds(), l.forwardFlops() + l.backwardFlops()));
            f += l.forwardSeconds();
            b += l.backwardSeconds();
            ff += l.forwardFlops();
            bf += l.backwardFlops();
        }
        out.printf("  %-22s %18s %18s %18s%n", "whole network", cell(f, ff), cell(b, bf), cell(f + b, ff + bf));
        out.printf("  after warm-up %s B allocated per forward + backward pass (all threads)%n",
                Double.isNaN(result.bytesPerPass()) ? "?" : String.format("%.0f", result.bytesPerPass()));
    }

    private static String cell(double seconds, double flops) {
        return flops == 0 ? String.format("%.1f", seconds * 1e3)
                : String.format("%.1f (%.0f)", seconds * 1e3, flops / seconds * 1e-9);
    }

    /** The median time of a whole Conv-WTA training step (spatial + 5% lifetime, squared error, gradients). */
    static void printTrainingStep(int maps, int batch, int reps, PrintStream out) {
        org.genscope.wta.WtaAutoencoder ae = org.genscope.wta.WtaAutoencoder.create(
                org.genscope.wta.WtaConfig.conv(28, 28, 5, true, 1, maps, maps));
        Rng rng = new Rng(2);
        FMatrixRMaj x = new FMatrixRMaj(batch, 784);
        for (int i = 0; i < x.getNumElements(); i++) x.data[i] = rng.nextFloat();
        double[] t = new double[reps];
        for (int r = -1; r < reps; r++) {
            long t0 = System.nanoTime();
            ae.lossAndGradients(x);
            if (r >= 0) t[r] = (System.nanoTime() - t0) * 1e-9;
            for (var p : ae.params()) p.zeroGrad();
        }
        out.printf("  training step with the rules on (spatial + lifetime 5%%): %.1f ms per batch%n", median(t) * 1e3);
    }
}
