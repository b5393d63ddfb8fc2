package org.genscope.ui.made;

import org.genscope.data.DataFormatException;
import org.genscope.data.DataSplits;

/** An entry of the MADE workspace's data choice: a built-in dataset ({@link MadeData}) or a file the user opened. */
sealed interface MadeSource permits MadeData, OpenedData {
    /** Inputs D (0 for the sandbox, where the user sets it). */
    int inputs();

    /** Whether there is data to train on. */
    boolean trainable();

    /** Binary data (Bernoulli conditionals, samples drawn as images); else 2-D points (mixture-of-Gaussian conditionals). */
    boolean binary();

    /** The settings that suit this data, set when the user picks it. */
    Recipe recipe();

    /** One or two sentences under the choice. */
    String note();

    /** A few words for the closed choice box (the full label is its tooltip). */
    String shortLabel();

    /** The train/validation/test splits (may be slow: call off the FX thread). */
    DataSplits load(long seed) throws DataFormatException;
}
