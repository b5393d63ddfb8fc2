package org.genscope.made;

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
 * A {@link Made} on a dataset, for the training service. Update t trains on its minibatch with mask t mod K, so
 * with K &gt; 1 consecutive updates use different masks, cycling through the finite set as the paper does
 * (Germain et al. 2015, §4.3); the choice depends only on the step, so a resumed job repeats it exactly. The
 * validation loss is the NLL of the ensemble of the first {@code validationMasks} masks.
 */
public final class MadeTrainable implements Trainable<MadePayload> {
    /** Samples per payload: a 4×4 grid for images, more points for 2-D data. */
    static final int IMAGE_SAMPLES = 16;
    static final int POINT_SAMPLES = 500;
    static final int GRID = 64;

    private final Made made;
    private final Dataset train;
    private final Dataset validation;
    private final int validationMasks;
    private final Grid2D grid;                 // 2-D continuous data: where the payload shows p(x)
    private FMatrixRMaj batch;
    private long payloads;

    /**
     * @param validation      held-out data for {@link #validationLoss}, or null
     * @param validationMasks masks in the validation ensemble, 1..K
     */
    public MadeTrainable(Made made, Dataset train, Dataset validation, int validationMasks) {
        if (train.dimension() != made.inputs() || (validation != null && validation.dimension() != made.inputs())) {
            throw new IllegalArgumentException("the data have " + train.dimension() + " features; the MADE models " + made.inputs());
        }
        if (validationMasks < 1 || validationMasks > made.numMasks()) {
            throw new IllegalArgumentException("validation ensemble must use 1.." + made.numMasks() + " masks, got " + validationMasks);
        }
        this.made = made;
        this.train = train;
        this.validation = validation;
        this.validationMasks = validationMasks;
        this.grid = made.inputs() == 2 && !made.family().binary() ? Grid2D.around(train.x(), 0.1, GRID) : null;
    }

    public Made made() {
        return made;
    }

    @Override
    public List<Param> params() {
        return made.params();
    }

    @Override
    public List<Param> buffers() {
        return made.buffers();
    }

    @Override
    public int trainingSize() {
        return train.size();
    }

    @Override
    public double lossAndGradients(Batch b) {
        made.reloadMasks();                         // a no-op unless a checkpoint restored other masks
        made.useMask((int) (b.step() % made.numMasks()));
        batch = train.rows(b.indices(), batch);
        return made.lossAndGradients(batch);
    }

    @Override
    public OptionalDouble validationLoss() {
        if (validation == null) return OptionalDouble.empty();
        return OptionalDouble.of(made.ensembleNll(validation.x(), validationMasks));
    }

    /** Samples with the mask in use (and the density grid for 2-D data), from a generator of its own. */
    @Override
    public MadePayload payload() {
        Rng rng = new Rng(made.config().seed() ^ (0x9E3779B97F4A7C15L * ++payloads));
        int d = made.inputs();
        int n = grid != null ? POINT_SAMPLES : IMAGE_SAMPLES;
        float[] samples = made.sample(n, rng);
        float[] density = grid == null ? null : made.densityGrid(grid);
        return new MadePayload(samples, n, d, train.imageRows(), train.imageCols(), made.connectivity(), made.maskIndex(),
                density, grid == null ? null : grid.bounds(), grid == null ? 0 : GRID);
    }

    @Override
    public Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>(MadeFile.metadata(made.config()));
        m.put(Metadata.DATASET, train.name());
        if (train.isImage()) m.put(MadeFile.IMAGE, train.imageRows() + "x" + train.imageCols());
        return m;
    }
}
