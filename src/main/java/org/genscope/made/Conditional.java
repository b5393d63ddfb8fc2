package org.genscope.made;

/** The family of each conditional p(x_d | x_&lt;d) that MADE's outputs parametrise. */
public enum Conditional {
    /** Binary data: one logit per dimension (Germain et al. 2015, eq. 3, computed stably from logits). */
    BERNOULLI,
    /** Continuous data: a mean μ_d and log σ_d per dimension (the conditionals of MAF/IAF). */
    GAUSSIAN,
    /** Continuous data: K weights (logits), means and log σ per dimension (as RNADE, Uria et al. 2013). */
    MIXTURE
}
