package org.genscope.io;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genscope.nn.Param;

/**
 * Puts {@link Param}s into model files and back, by name. A parameter is stored as an F32 tensor of shape
 * {@code [rows, cols]} exactly as held in memory (a bias is {@code [1, n]}).
 */
public final class ParamTensors {
    private ParamTensors() {}

    /** Live sources reading each parameter's value when the file is written (no copy); names must be unique. */
    public static Map<String, TensorSource> sources(List<Param> params) {
        Map<String, TensorSource> out = new LinkedHashMap<>();
        for (Param p : params) {
            if (out.put(p.name, source(p)) != null) throw new IllegalArgumentException("duplicate parameter name '" + p.name + "'");
        }
        return out;
    }

    private static TensorSource source(Param p) {
        return new TensorSource() {
            @Override
            public DType dtype() {
                return DType.F32;
            }

            @Override
            public long[] shape() {
                return new long[] {p.value.numRows, p.value.numCols};
            }

            @Override
            public void writeTo(ByteBuffer out) {
                out.asFloatBuffer().put(p.value.data, 0, p.size());
                out.position(out.position() + 4 * p.size());
            }
        };
    }

    /**
     * Copies the file's tensors into the parameters of the same names. Every name, shape, dtype (F32, or F64
     * rounded) and value (finite: a NaN or ±Inf weight makes every likelihood NaN) is checked before anything is
     * copied, so on error the parameters are unchanged.
     */
    public static void load(ModelFile file, List<Param> params) throws ModelFileException {
        float[][] values = new float[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            Tensor t = file.requireShape(p.name, p.value.numRows, p.value.numCols);
            if (t.dtype() != DType.F32 && t.dtype() != DType.F64) {
                throw new ModelFileException(file.path(), "tensor '" + p.name + "' is " + t.dtype()
                        + "; parameters must be F32 or F64");
            }
            values[i] = t.toFloats();
            requireFinite(file, p.name, values[i]);
        }
        for (int i = 0; i < params.size(); i++) {
            System.arraycopy(values[i], 0, params.get(i).value.data, 0, values[i].length);
        }
    }

    /** Fails naming the tensor and the first NaN or ±Inf (an F64 beyond the float range becomes ±Inf too). */
    private static void requireFinite(ModelFile file, String name, float[] v) throws ModelFileException {
        for (int i = 0; i < v.length; i++) {
            if (Float.isFinite(v[i])) continue;
            long bad = 0;
            for (float x : v) if (!Float.isFinite(x)) bad++;
            throw new ModelFileException(file.path(), String.format(Locale.ROOT, "tensor '%s' holds %s at index %,d%s;"
                    + " a model's values must be finite", name, Float.isNaN(v[i]) ? "NaN" : v[i] > 0 ? "+Inf" : "-Inf", i,
                    bad > 1 ? String.format(Locale.ROOT, " (%,d non-finite values in all)", bad) : ""));
        }
    }
}
