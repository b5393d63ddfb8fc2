package org.genscope.made;

/**
 * How the connectivity integers m^l(k) of hidden units are drawn, each in {min m^{l−1}, …, D−1} so that no unit
 * is left without inputs (Germain et al. 2015, §4.2 and eq. 12).
 */
public enum DegreeRule {
    /** Uniform over {min m^{l−1}, …, D−1}: the paper's rule. */
    UNIFORM,
    /**
     * Deterministic and evenly spread: unit k gets lo + (k mod (D − lo)), lo = min m^{l−1}, cycling through every
     * admissible degree (the "sequential" degrees of Papamakarios et al.'s MAF code).
     */
    EVEN,
    /**
     * The original MADE code's rule (mgermain/MADE {@code mask_generator.py}): P(m = k) ∝ exp(l·k) for
     * k ∈ {min m^{l−1}, …, D−1}; l &lt; 0 favours low degrees (units that see few inputs), l &gt; 0 high ones, and
     * l = 0 is {@link #UNIFORM}.
     */
    SOFTMAX
}
