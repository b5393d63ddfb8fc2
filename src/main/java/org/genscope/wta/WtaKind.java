package org.genscope.wta;

/** The two winner-take-all autoencoders of Makhzani &amp; Frey (2015). */
public enum WtaKind {
    /** Fully connected (§2): ReLU encoder layers, lifetime sparsity on the last one, a linear decoder. */
    FC,
    /** Convolutional (§3): 5×5 ReLU convolutions, spatial + lifetime sparsity, one linear transposed convolution. */
    CONV
}
