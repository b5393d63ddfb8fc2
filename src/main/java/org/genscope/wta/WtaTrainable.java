package org.genscope.wta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.Dataset;
import org.genscope.io.Metadata;
import org.genscope.nn.Param;
import org.genscope.train.Batch;
import org.genscope.train.Trainable;

/**
 * A winner-take-all autoencoder on a dataset of images (values in [0, 1]) for the training service. The loss is the
 * mean squared error per pixel of a mini-batch with the rules on; the validation loss is the same on held-out
 * images ({@link WtaAutoencoder#reconstructionError}). The payload looks at a fixed probe batch of up to
 * {@value #PROBE} held-out images (training images if none are held out).
 */
public final class WtaTrainable implements Trainable<WtaPayload> {
    static final int PROBE = 100;

    private final WtaAutoencoder model;
    private final Dataset train;
    private final Dataset validation;
    private final FMatrixRMaj probe;
    private FMatrixRMaj batch;

    /** @param validation held-out images for the validation loss and the probe batch, or null */
    public WtaTrainable(WtaAutoencoder model, Dataset train, Dataset validation) {
        int d = model.config().inputs();
        if (train.dimension() != d || (validation != null && validation.dimension() != d)) {
            throw new IllegalArgumentException("the images have " + train.dimension() + " pixels; the autoencoder takes "
                    + model.config().height() + "×" + model.config().width() + " = " + d);
        }
        if (train.size() < 1) throw new IllegalArgumentException("no training images");
        this.model = model;
        this.train = train;
        this.validation = validation;
        Dataset p = validation != null && validation.size() > 0 ? validation : train;
        this.probe = org.genscope.nn.Mat.rows(p.x(), 0, Math.min(PROBE, p.size()));
    }

    public WtaAutoencoder model() {
        return model;
    }

    @Override
    public List<Param> params() {
        return model.params();
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
        return OptionalDouble.of(model.reconstructionError(validation.x()));
    }

    /** Filters, per-unit wins and usage on the probe batch, and the probe's first image through the model. */
    @Override
    public WtaPayload payload() {
        return payload(model, probe);
    }

    /** The payload of any model on a probe batch (also for a model opened from a file, before training). */
    public static WtaPayload payload(WtaAutoencoder model, FMatrixRMaj probe) {
        WtaConfig c = model.config();
        WtaAutoencoder.Pass pass = model.inspect(probe);
        int units = c.codeUnits();
        int per = pass.sparse().numCols / units;          // values per unit: 1 (FC) or H·W (conv)
        float[] wins = new float[units];
        float[] usage = new float[units];
        int n = probe.numRows;
        for (int b = 0; b < n; b++) {
            for (int u = 0; u < units; u++) {
                int o = b * pass.sparse().numCols + u * per;
                double sum = 0;
                for (int s = 0; s < per; s++) sum += Math.max(0f, pass.sparse().data[o + s]);
                if (sum > 0) wins[u]++;
                usage[u] += (float) sum;
            }
        }
        for (int u = 0; u < units; u++) {
            wins[u] /= n;
            usage[u] /= n;
        }
        int code = pass.sparse().numCols;
        float[] before = new float[code];
        float[] after = new float[code];
        System.arraycopy(pass.dense().data, 0, before, 0, code);
        System.arraycopy(pass.sparse().data, 0, after, 0, code);
        boolean[] winners = new boolean[code];
        for (int i = 0; i < code; i++) winners[i] = after[i] > 0;
        int d = c.inputs();
        float[] image = new float[d];
        float[] rec = new float[d];
        System.arraycopy(probe.data, 0, image, 0, d);
        System.arraycopy(pass.reconstruction().data, 0, rec, 0, d);
        boolean conv = c.kind() == WtaKind.CONV;
        return new WtaPayload(c, model.decoderFilters(), wins, usage, n, image, rec, conv ? c.height() : 1,
                conv ? c.width() : 1, before, after, winners);
    }

    @Override
    public Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>(WtaFile.metadata(model.config()));
        m.put(Metadata.DATASET, train.name());
        return m;
    }
}
