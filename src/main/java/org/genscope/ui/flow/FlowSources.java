package org.genscope.ui.flow;

import org.genscope.data.DataSplits;

/**
 * The points of the Flows workspace that are not regenerated from settings: the last painting ("Use as training
 * data") and the last file opened with File ▸ Open dataset. A toy entry has none here (its points come from the
 * noise, count and seed). FX thread only.
 */
final class FlowSources {
    private DataSplits painted;
    private DataSplits file;
    private String fileName;

    void setPainted(DataSplits splits) {
        painted = splits;
    }

    void setFile(String name, DataSplits splits) {
        fileName = name;
        file = splits;
    }

    /** The painted or file points for {@code d}, or null (a toy, or nothing painted/opened yet). */
    DataSplits splits(FlowData d) {
        return switch (d.kind()) {
            case TOY -> null;
            case PAINTED -> painted;
            case FILE -> file;
        };
    }

    /** Why Train cannot use {@code d} yet, or null. */
    String missing(FlowData d) {
        if (d.kind() == FlowData.Kind.PAINTED && painted == null) return "Nothing painted yet: paint a density in the Paint tab first.";
        if (d.kind() == FlowData.Kind.FILE && file == null) return "No file loaded: open one with File ▸ Open dataset (Ctrl+O).";
        return null;
    }

    /** The line under the data choice. */
    String note(FlowData d) {
        return switch (d.kind()) {
            case TOY -> d.toy().description();
            case PAINTED -> painted == null ? "Paint a density in the Paint tab and press 'Use as training data'."
                    : "Using your painted density (" + painted.train().size() + " training points).";
            case FILE -> file == null ? "Open a file of 2-D points (CSV, NPY): File ▸ Open dataset."
                    : fileName + ": " + file.train().size() + " training points.";
        };
    }

    /** What the preview calls painted or file points. */
    String name(FlowData d) {
        return d.kind() == FlowData.Kind.FILE ? fileName : "Your painted density";
    }
}
