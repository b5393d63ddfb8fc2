package org.genscope.nn;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shared frame of the optimizers: the parameter list, learning rate, step count t, named per-parameter state
 * slots ("m", "v", …) for checkpoints, and decoupled weight decay (Loshchilov &amp; Hutter 2019): every update
 * first shrinks w ← w·(1 − lr·λ), independent of the gradient, as {@code torch.optim.AdamW} does. Each update
 * loop also zeroes the gradient it consumed, so the step costs one pass over the parameters.
 */
abstract class BaseOptimizer implements Optimizer {
    /** Below this many parameters in total the update runs on the calling thread only. */
    private static final int PARALLEL_SIZE = 1 << 16;

    private final List<Param> params;
    private final String[] slotNames;
    /** state[s][p]: slot s of parameter p, same size as the parameter. */
    private final float[][][] state;
    private double lr;
    protected final double weightDecay;
    /** Number of steps taken (t in the papers). */
    protected long t;
    private final long totalSize;
    private final WorkerPool.Job slices = this::updateSlice;

    BaseOptimizer(List<Param> params, double lr, double weightDecay, String... slotNames) {
        if (params.isEmpty()) throw new IllegalArgumentException("no parameters to optimize");
        Set<String> names = new HashSet<>();
        for (Param p : params) {
            if (!names.add(p.name)) throw new IllegalArgumentException("duplicate parameter name " + p.name);
        }
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weight decay must be ≥ 0: " + weightDecay);
        this.params = List.copyOf(params);
        this.weightDecay = weightDecay;
        this.slotNames = slotNames.clone();
        this.state = new float[slotNames.length][params.size()][];
        for (int s = 0; s < slotNames.length; s++) {
            for (int p = 0; p < params.size(); p++) state[s][p] = new float[params.get(p).size()];
        }
        this.totalSize = params.stream().mapToLong(Param::size).sum();
        setLearningRate(lr);
    }

    /** Slot s of parameter p (e.g. Adam's first moment). */
    protected final float[] slot(int s, int p) {
        return state[s][p];
    }

    /**
     * Updates w[from:to) of parameter {@code index} from its gradient g and zeroes g[from:to); t is already
     * incremented. Element-wise, so ranges of one parameter may run on different threads.
     */
    protected abstract void update(int index, float[] w, float[] g, int from, int to);

    @Override
    public final List<Param> params() {
        return params;
    }

    /** Splits every parameter into equal ranges over the {@link WorkerPool} when the model is large. */
    @Override
    public final void step() {
        t++;
        WorkerPool.SHARED.run(slices, totalSize >= PARALLEL_SIZE);
    }

    /** Part {@code part} of {@code parts}: the same slice of every parameter. */
    private void updateSlice(int part, int parts) {
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            int n = p.size();
            update(i, p.value.data, p.grad.data, (int) ((long) n * part / parts), (int) ((long) n * (part + 1) / parts));
        }
    }

    @Override
    public final double learningRate() {
        return lr;
    }

    @Override
    public final void setLearningRate(double lr) {
        if (!(lr > 0 && Double.isFinite(lr))) throw new IllegalArgumentException("learning rate must be > 0: " + lr);
        this.lr = lr;
    }

    /** The decay factor 1 − lr·λ of this step. */
    protected final float decay() {
        return (float) (1 - lr * weightDecay);
    }

    /** "step" (t as two exact 16-bit halves) and "NAME/SLOT" per parameter and slot. */
    @Override
    public final Map<String, float[]> state() {
        Map<String, float[]> m = new LinkedHashMap<>();
        m.put("step", new float[] {(float) (t >>> 16), (float) (t & 0xFFFF)});
        for (int s = 0; s < slotNames.length; s++) {
            for (int p = 0; p < params.size(); p++) m.put(params.get(p).name + "/" + slotNames[s], state[s][p].clone());
        }
        return m;
    }

    @Override
    public final void loadState(Map<String, float[]> saved) {
        float[] step = saved.get("step");
        if (step == null || step.length != 2 || step[0] < 0 || step[1] < 0 || step[1] > 0xFFFF) {
            throw new IllegalArgumentException("optimizer state: missing or malformed 'step'");
        }
        if (saved.size() != 1 + slotNames.length * params.size()) {
            throw new IllegalArgumentException("optimizer state has " + saved.size() + " entries, expected "
                    + (1 + slotNames.length * params.size()));
        }
        for (int s = 0; s < slotNames.length; s++) {
            for (int p = 0; p < params.size(); p++) {
                String key = params.get(p).name + "/" + slotNames[s];
                float[] v = saved.get(key);
                if (v == null || v.length != state[s][p].length) {
                    throw new IllegalArgumentException("optimizer state: '" + key + "' is missing or has the wrong size");
                }
            }
        }
        for (int s = 0; s < slotNames.length; s++) {
            for (int p = 0; p < params.size(); p++) {
                float[] v = saved.get(params.get(p).name + "/" + slotNames[s]);
                System.arraycopy(v, 0, state[s][p], 0, v.length);
            }
        }
        t = ((long) step[0] << 16) | (long) step[1];
    }
}
