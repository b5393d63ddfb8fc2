package org.genscope.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Dataset;
import org.genscope.data.Grid2D;
import org.genscope.io.Metadata;
import org.genscope.nn.Param;
import org.genscope.nn.Rng;
import org.genscope.train.Batch;
import org.genscope.train.Trainable;

/**
 * A {@link FlowModel} on a dataset for the training service: maximum likelihood, the loss being the mean negative
 * log-likelihood in nats; the validation loss is the NLL of the held-out set. On construction, layers with a
 * data-dependent initialisation (ActNorm) that are not yet initialised are initialised from up to
 * {@value #INIT_EXAMPLES} training examples drawn with the spec's seed.
 */
public final class FlowTrainable implements Trainable<FlowPayload> {
    static final int INIT_EXAMPLES = 1000;
    /** Cells per side of the payload's density grid, and samples per payload. */
    public static final int GRID = 100;
    /** The density grid extends this fraction of the data's extent beyond it on each side. */
    public static final double GRID_MARGIN = 0.1;
    public static final int SAMPLES = 500;

    private final FlowModel model;
    private final Dataset train;
    private final Dataset validation;
    private final Grid2D grid;
    private FMatrixRMaj batch;
    private long payloads;

    /** With the payload's density on a 100×100 grid over the training data (10% margin), for 2-D data. */
    public FlowTrainable(FlowModel model, Dataset train, Dataset validation) {
        this(model, train, validation, model.dimension() == 2 && train.size() > 0 ? Grid2D.around(train.x(), GRID_MARGIN, GRID) : null);
    }

    /**
     * @param validation held-out data for {@link #validationLoss}, or null
     * @param grid       where the payload evaluates the density (D = 2 only), or null for none
     */
    public FlowTrainable(FlowModel model, Dataset train, Dataset validation, Grid2D grid) {
        if (train.size() == 0) throw new IllegalArgumentException("no training examples");
        if (train.dimension() != model.dimension() || (validation != null && validation.dimension() != model.dimension())) {
            throw new IllegalArgumentException("the data have " + train.dimension() + " columns; the flow models " + model.dimension());
        }
        if (grid != null && model.dimension() != 2) throw new IllegalArgumentException("a density grid needs 2-D data");
        this.model = model;
        this.train = train;
        this.validation = validation;
        this.grid = grid;
        int n = Math.min(INIT_EXAMPLES, train.size());
        int[] idx = java.util.Arrays.copyOf(new Rng(model.spec().seed()).permutation(train.size()), n);
        model.initialize(train.subset(idx, "init").x());
    }

    public FlowModel model() {
        return model;
    }

    @Override
    public List<Param> params() {
        return model.params();
    }

    @Override
    public List<Param> buffers() {
        return model.buffers();
    }

    @Override
    public int trainingSize() {
        return train.size();
    }

    @Override
    public double lossAndGradients(Batch b) {
        batch = train.rows(b.indices(), batch);
        return model.lossAndGradients(batch);
    }

    @Override
    public OptionalDouble validationLoss() {
        if (validation == null || validation.size() == 0) return OptionalDouble.empty();
        return OptionalDouble.of(model.nll(validation.x()));
    }

    /** Density grid (2-D), {@value #SAMPLES} samples from a generator of its own, and a copy of the model. */
    @Override
    public FlowPayload payload() {
        Rng rng = new Rng(model.spec().seed() ^ (0x9E3779B97F4A7C15L * ++payloads));
        FMatrixRMaj s = model.sample(SAMPLES, rng);
        float[] density = grid == null ? null : model.densityGrid(grid);
        return new FlowPayload(density, grid, s.data, SAMPLES, model.dimension(), model.copy());
    }

    @Override
    public Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>(FlowFile.metadata(model));
        m.put(Metadata.DATASET, train.name());
        return m;
    }
}
