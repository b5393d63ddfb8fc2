package org.genscope.vae;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Dataset;
import org.genscope.data.Grid2D;
import org.genscope.io.Metadata;
import org.genscope.nn.Mat;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;
import org.genscope.train.Batch;
import org.genscope.train.LossHistory;
import org.genscope.train.Trainable;

/**
 * A {@link Vae} on a dataset, for the training service. Step t minimises the mean of −(1/S) Σ log p(x|z_s) + β_t·KL
 * over its batch, β_t = β·min(1, t/warm-up), with ε from the batch's generator: a resumed job repeats every draw.
 * The validation loss is the mean −ELBO (β = 1, the bound itself, whatever β trains) on the first
 * {@value #VALIDATION_HEAD} validation examples with one sample each, drawn from a fixed seed, so successive
 * validations differ only by the model; the same pass measures KL per latent unit and the active units.
 */
public final class VaeTrainable implements Trainable<VaePayload> {
    /** Validation examples used (binarized MNIST's whole validation split). */
    public static final int VALIDATION_HEAD = 10_000;
    /** Originals and reconstructions per payload, and prior samples: a 4×4 and an 8×8 grid of images. */
    public static final int SHOWN = 16;
    public static final int IMAGE_SAMPLES = 64;
    /** Model draws per payload for data that are not images (2-D points). */
    public static final int POINT_SAMPLES = 500;
    /** Cells per side of the 2-D density grid, its margin, and the importance samples per cell. */
    public static final int GRID = 64;
    public static final double GRID_MARGIN = 0.1;
    public static final int GRID_SAMPLES = 16;
    /** Points per per-term curve, as the job's default ({@code TrainConfig.historyCapacity}). */
    static final int HISTORY = 2048;

    private final Vae vae;
    private final Dataset train;
    private final FMatrixRMaj validation;      // the head, or null
    private final FMatrixRMaj originals;
    private final FMatrixRMaj priorCodes;
    private final Grid2D grid;
    private final long validationSeed;
    private final LossHistory reconstructionTrain = new LossHistory(HISTORY);
    private final LossHistory klTrain = new LossHistory(HISTORY);
    private final LossHistory reconstructionValidation = new LossHistory(HISTORY);
    private final LossHistory klValidation = new LossHistory(HISTORY);
    private LatentStatistics latent;
    private FMatrixRMaj batch;
    private long step;
    private double beta;
    private long payloads;

    /** @param validation held-out data for {@link #validationLoss} (its first {@value #VALIDATION_HEAD} rows), or null */
    public VaeTrainable(Vae vae, Dataset train, Dataset validation) {
        if (train.size() == 0) throw new IllegalArgumentException("no training examples");
        for (Dataset d : validation == null ? List.of(train) : List.of(train, validation)) {
            if (d.dimension() != vae.inputs()) {
                throw new IllegalArgumentException(d.name() + " has " + d.dimension() + " features; the VAE models " + vae.inputs());
            }
        }
        this.vae = vae;
        this.train = train;
        this.validation = validation == null || validation.size() == 0 ? null
                : Mat.rows(validation.x(), 0, Math.min(VALIDATION_HEAD, validation.size()));
        FMatrixRMaj shownFrom = this.validation != null ? this.validation : train.x();
        this.originals = Mat.rows(shownFrom, 0, Math.min(SHOWN, shownFrom.numRows));
        long seed = vae.config().seed();
        this.priorCodes = vae.samplePrior(IMAGE_SAMPLES, new Rng(seed ^ 0x5EEDC0DEL));
        this.validationSeed = seed ^ 0x7A11DA7EL;
        this.grid = vae.inputs() == 2 && vae.config().decoder() == DecoderKind.GAUSSIAN ? Grid2D.around(train.x(), GRID_MARGIN, GRID) : null;
        this.beta = vae.config().betaAt(0);
    }

    public Vae vae() {
        return vae;
    }

    @Override
    public List<Param> params() {
        return vae.params();
    }

    @Override
    public int trainingSize() {
        return train.size();
    }

    @Override
    public double lossAndGradients(Batch b) {
        batch = train.rows(b.indices(), batch);
        beta = vae.config().betaAt(b.step());
        double loss = vae.lossAndGradients(batch, beta, b.rng());
        step = b.step() + 1;
        reconstructionTrain.add(step, vae.lastReconstruction());
        klTrain.add(step, vae.lastKl());
        return loss;
    }

    /** Mean −ELBO (β = 1) on the validation head, one sample per example from a fixed seed; also the latent statistics. */
    @Override
    public OptionalDouble validationLoss() {
        if (validation == null) return OptionalDouble.empty();
        Evaluation e = vae.evaluate(validation, 1, new Rng(validationSeed), Progress.NONE);
        latent = vae.latentStatistics(validation);
        if (step > 0) {               // the untrained model's check before step 1 is not a point of the curves
            reconstructionValidation.add(step, -e.meanReconstruction());
            klValidation.add(step, e.meanKl());
        }
        return OptionalDouble.of(-e.meanElbo());
    }

    /** Reconstructions, prior samples (and the 2-D density), the curves and a copy of the model, from generators of its own. */
    @Override
    public VaePayload payload() {
        Rng rng = new Rng(vae.config().seed() ^ (0x9E3779B97F4A7C15L * ++payloads));
        int d = vae.inputs();
        FMatrixRMaj reconstructions = vae.reconstruct(originals);
        boolean images = train.isImage();
        FMatrixRMaj samples = images ? vae.decode(priorCodes) : vae.sample(POINT_SAMPLES, rng);
        float[] density = grid == null ? null : vae.densityGrid(grid, GRID_SAMPLES, rng);
        return new VaePayload(step, vae.copy(), Arrays.copyOf(originals.data, originals.numRows * d),
                Arrays.copyOf(reconstructions.data, originals.numRows * d), originals.numRows, samples.data,
                samples.numRows, d, train.imageRows(), train.imageCols(), reconstructionTrain.toCurve(), klTrain.toCurve(),
                reconstructionValidation.toCurve(), klValidation.toCurve(), latent, beta, density, grid);
    }

    @Override
    public Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>(VaeFile.metadata(vae.config()));
        m.put(Metadata.DATASET, train.name());
        if (train.isImage()) m.put(VaeFile.IMAGE, train.imageRows() + "x" + train.imageCols());
        return m;
    }
}
