package org.genscope.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genscope.nn.Optimizer;
import org.genscope.nn.Param;

/** Test-local SGD with heavy-ball momentum (v ← μv + g; θ ← θ − ηv), so checkpoints have optimizer state. */
final class MomentumSgd implements Optimizer {
    private final List<Param> params;
    private final float[][] velocity;
    private final float momentum;
    private double lr;

    MomentumSgd(List<Param> params, double lr, float momentum) {
        this.params = List.copyOf(params);
        this.lr = lr;
        this.momentum = momentum;
        this.velocity = new float[params.size()][];
        for (int i = 0; i < velocity.length; i++) velocity[i] = new float[params.get(i).size()];
    }

    @Override
    public List<Param> params() {
        return params;
    }

    @Override
    public void step() {
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            float[] v = velocity[i];
            for (int j = 0; j < v.length; j++) {
                v[j] = momentum * v[j] + p.grad.data[j];
                p.value.data[j] -= (float) lr * v[j];
            }
            p.zeroGrad();
        }
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        this.lr = lr;
    }

    @Override
    public Map<String, float[]> state() {
        Map<String, float[]> s = new LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) s.put("velocity." + params.get(i).name, velocity[i].clone());
        return s;
    }

    @Override
    public void loadState(Map<String, float[]> state) {
        for (int i = 0; i < params.size(); i++) {
            float[] v = state.get("velocity." + params.get(i).name);
            if (v == null || v.length != velocity[i].length) {
                throw new IllegalArgumentException("no velocity of the right size for " + params.get(i).name);
            }
        }
        for (int i = 0; i < params.size(); i++) velocity[i] = state.get("velocity." + params.get(i).name).clone();
    }
}
