package org.genscope.session;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.FMatrixRMaj;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.io.Metadata;
import org.genscope.io.ModelFile;
import org.genscope.io.ModelFileException;
import org.genscope.io.Tensor;

/**
 * Painted points in a session, as a safetensors entry: F32 tensors {@code train}, {@code validation} and
 * {@code test} of shape [n, 2] (the splits exactly as they were drawn), with {@code data.name} and
 * {@code data.source} in the metadata.
 */
final class PaintedPoints {
    static final String KIND = "painted-points";
    private static final String[] SPLITS = {"train", "validation", "test"};
    private static final String SOURCE = "data.source";

    private PaintedPoints() {}

    static byte[] toBytes(DataSplits s) {
        Map<String, Tensor> t = new LinkedHashMap<>();
        Dataset[] parts = {s.train(), s.validation(), s.test()};
        for (int i = 0; i < SPLITS.length; i++) {
            FMatrixRMaj x = parts[i].x();
            t.put(SPLITS[i], Tensor.of(new long[] {x.numRows, x.numCols}, x.data.clone()));
        }
        Map<String, String> meta = Metadata.builder().put(Metadata.FILE_KIND, KIND).dataset(s.train().name())
                .put(SOURCE, s.train().source()).build();
        return ModelFile.toBytes(t, meta);
    }

    /** The splits of an entry written by {@link #toBytes}; fails naming the entry when it is anything else. */
    static DataSplits read(ModelFile f) throws ModelFileException {
        if (!KIND.equals(f.metadata().get(Metadata.FILE_KIND))) throw new ModelFileException(f.path(), "does not hold painted points");
        f.requireNoOtherTensors(java.util.List.of(SPLITS), "painted points");
        String name = f.requireMeta(Metadata.DATASET);
        String source = f.requireMeta(SOURCE);
        Dataset[] parts = new Dataset[SPLITS.length];
        for (int i = 0; i < SPLITS.length; i++) {
            Tensor t = f.tensor(SPLITS[i]);
            long[] shape = t.shape();
            if (shape.length != 2 || shape[1] != 2 || (i == 0 && shape[0] == 0)) {
                throw new ModelFileException(f.path(), "tensor '" + SPLITS[i] + "' must be [n, 2] points");
            }
            FMatrixRMaj x = new FMatrixRMaj((int) shape[0], 2);
            System.arraycopy(t.toFloats(), 0, x.data, 0, x.data.length);
            parts[i] = new Dataset(name, source, x, null, 0, 0);
        }
        return new DataSplits(parts[0], parts[1], parts[2]);
    }
}
