package org.genscope.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ejml.data.FMatrixRMaj;

/** A chain of modules, itself a module: forward left to right, backward right to left. */
public final class Sequential implements Module {
    private final List<Module> modules;
    private final List<Param> params;

    public Sequential(Module... modules) {
        this(List.of(modules));
    }

    public Sequential(List<Module> modules) {
        if (modules.isEmpty()) throw new IllegalArgumentException("Sequential needs at least one module");
        this.modules = List.copyOf(modules);
        List<Param> all = new ArrayList<>();
        for (Module m : this.modules) all.addAll(m.params());
        this.params = Collections.unmodifiableList(all);
    }

    public List<Module> modules() {
        return modules;
    }

    @Override
    public FMatrixRMaj forward(FMatrixRMaj x) {
        for (int i = 0; i < modules.size(); i++) x = modules.get(i).forward(x);
        return x;
    }

    /** Returns ∂L/∂x, or null when the first module skips its input gradient (see Linear#setInputGradient). */
    @Override
    public FMatrixRMaj backward(FMatrixRMaj gradOut) {
        FMatrixRMaj g = gradOut;
        for (int i = modules.size() - 1; i >= 0; i--) {
            g = modules.get(i).backward(g);
            if (g == null && i > 0) {
                throw new IllegalStateException("module " + i + " of " + modules.size()
                        + " returned no input gradient, but earlier modules need it");
            }
        }
        return g;
    }

    @Override
    public List<Param> params() {
        return params;
    }
}
