package org.genscope.vae;

import java.util.Locale;

/** The family of the VAE's observation model p(x|z) (Kingma &amp; Welling 2014, appendix C). */
public enum DecoderKind {
    /** Binary (or binarized) data: one logit per dimension, log p(x|z) = Σ_d x_d log y_d + (1 − x_d) log(1 − y_d) (C.1). */
    BERNOULLI(1),
    /** Continuous data (e.g. 2-D points): a mean and a log-variance per dimension, log N(x; μ(z), diag σ²(z)) (C.2). */
    GAUSSIAN(2);

    /** Decoder outputs per data dimension. */
    public final int paramsPerDimension;

    DecoderKind(int p) {
        this.paramsPerDimension = p;
    }

    /** By its lower-case name ({@code bernoulli}, {@code gaussian}), as model files and command lines spell it. */
    public static DecoderKind byName(String name) {
        for (DecoderKind k : values()) if (k.toString().equals(name == null ? "" : name.trim().toLowerCase(Locale.ROOT))) return k;
        throw new IllegalArgumentException("unknown decoder " + org.genscope.Quoted.of(String.valueOf(name)) + "; choose bernoulli or gaussian");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
