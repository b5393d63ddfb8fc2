package org.genscope.compare;

import java.util.Objects;
import org.genscope.flow.FlowModel;
import org.genscope.made.Made;
import org.genscope.vae.Vae;
import org.genscope.wta.WtaAutoencoder;

/**
 * A model of one of the four families, to be measured: an independent copy that nothing else trains, so it can be
 * evaluated off any thread. The evaluator uses one candidate from one thread at a time (a MADE switches masks).
 */
public sealed interface Candidate {
    /** The family, as {@code model.kind} in model files: {@code made}, {@code flow}, {@code vae}, {@code wta}. */
    String kind();

    /** Input dimension D. */
    int inputs();

    /** Whether its figure is a density (test NLL); a WTA autoencoder's are an error and a classifier's error. */
    default boolean density() {
        return !(this instanceof OfWta);
    }

    record OfMade(Made model) implements Candidate {
        public OfMade {
            Objects.requireNonNull(model);
        }

        public String kind() {
            return "made";
        }

        public int inputs() {
            return model.inputs();
        }
    }

    record OfFlow(FlowModel model) implements Candidate {
        public OfFlow {
            Objects.requireNonNull(model);
        }

        public String kind() {
            return "flow";
        }

        public int inputs() {
            return model.dimension();
        }
    }

    record OfVae(Vae model) implements Candidate {
        public OfVae {
            Objects.requireNonNull(model);
        }

        public String kind() {
            return "vae";
        }

        public int inputs() {
            return model.inputs();
        }
    }

    record OfWta(WtaAutoencoder model) implements Candidate {
        public OfWta {
            Objects.requireNonNull(model);
        }

        public String kind() {
            return "wta";
        }

        public int inputs() {
            return model.config().inputs();
        }
    }
}
