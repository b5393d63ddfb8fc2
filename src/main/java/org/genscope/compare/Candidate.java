package org.genscope.compare;

import org.genscope.flow.FlowModel;
import org.genscope.made.Made;
import org.genscope.vae.Vae;
import org.genscope.wta.WtaAutoencoder;

/**
 * A model of one of the four families, to be measured: an independent copy that nothing else trains, so it can be
 * evaluated off any thread. The evaluator uses one candidate from one thread at a time (a MADE switches masks).
 */
public sealed interface Candidate {
    record OfMade(Made model) implements Candidate {}

    record OfFlow(FlowModel model) implements Candidate {}

    record OfVae(Vae model) implements Candidate {}

    record OfWta(WtaAutoencoder model) implements Candidate {}

    /** The family, as {@code model.kind} in model files: {@code made}, {@code flow}, {@code vae}, {@code wta}. */
    default String kind() {
        if (this instanceof OfMade) return "made";
        if (this instanceof OfFlow) return "flow";
        return this instanceof OfVae ? "vae" : "wta";
    }

    /** Input dimension D (a null model fails here, when its {@link Entry} is made). */
    default int inputs() {
        if (this instanceof OfMade m) return m.model().inputs();
        if (this instanceof OfFlow f) return f.model().dimension();
        if (this instanceof OfVae v) return v.model().inputs();
        return ((OfWta) this).model().config().inputs();
    }

    /** Whether its figure is a density (test NLL); a WTA autoencoder's are an error and a classifier's error. */
    default boolean density() {
        return !(this instanceof OfWta);
    }
}
