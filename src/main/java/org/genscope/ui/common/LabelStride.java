package org.genscope.ui.common;

/**
 * Which of many row or column labels a matrix can show without overlap: every label if they fit, otherwise every
 * 2nd, 5th, 10th, 20th, 50th, … (1, 2, 5 × 10ᵏ), at the 1-based positions that are multiples of that stride — the
 * way an axis labels its ticks. Pure: no JavaFX.
 */
public final class LabelStride {
    private LabelStride() {}

    /** The smallest stride of 1, 2, 5 × 10ᵏ at which labels {@code labelSize} long fit cells {@code cellSize} apart. */
    public static int of(double cellSize, double labelSize) {
        if (!(cellSize > 0)) return Integer.MAX_VALUE;
        for (long decade = 1; decade < Integer.MAX_VALUE / 5; decade *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                if (m * decade * cellSize >= labelSize) return (int) (m * decade);
            }
        }
        return Integer.MAX_VALUE;
    }

    /** Whether the label at 0-based index {@code i} is shown at this stride. */
    public static boolean shows(int i, int stride) {
        return stride == 1 || (i + 1) % stride == 0;
    }
}
