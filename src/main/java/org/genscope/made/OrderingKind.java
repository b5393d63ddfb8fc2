package org.genscope.made;

/**
 * How the input ordering m⁰ of MADE is chosen (Germain et al. 2015, §4.2): m⁰(d) ∈ {1, …, D} is the position
 * of input d in the autoregressive factorisation p(x) = Π p(x_d | x_{m⁰(j) &lt; m⁰(d)}).
 */
public enum OrderingKind {
    /** m⁰(d) = d (1-based): pixels in reading order. */
    NATURAL,
    /** A uniformly random permutation of 1..D, drawn from the model's generator. */
    RANDOM,
    /** Given by the user as the values m⁰(1..D), a permutation of 1..D. */
    CUSTOM
}
