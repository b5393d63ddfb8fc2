package org.genscope.ui.wta;

import java.util.Locale;
import org.genscope.wta.WtaConfig;
import org.genscope.wta.WtaKind;

/** How the WTA workspace names things in its captions, titles and tables. */
final class WtaLabels {
    private WtaLabels() {}

    /** 5 → "5", 2.5 → "2.5". */
    static String percent(double k) {
        return k == Math.rint(k) ? Long.toString((long) k) : String.format(Locale.ROOT, "%.1f", k);
    }

    /** "FC-WTA 784-2000-784, lifetime 5%" / "conv AE 32conv5-32conv5-32deconv11, no sparsity". */
    static String model(WtaConfig c) {
        String family = c.kind() == WtaKind.FC ? (c.sparse() ? "FC-WTA" : "FC AE") : (c.sparse() ? "Conv-WTA" : "conv AE");
        return family + " " + c.architecture() + ", " + c.sparsity();
    }

    /** A few words for a table row: "FC-WTA 2000 units, lifetime 5%", "conv AE 32,32 maps, no sparsity". */
    static String brief(WtaConfig c) {
        String family = c.kind() == WtaKind.FC ? (c.sparse() ? "FC-WTA" : "FC AE") : (c.sparse() ? "Conv-WTA" : "conv AE");
        StringBuilder h = new StringBuilder();
        for (int u : c.hidden()) h.append(h.length() == 0 ? "" : ",").append(u);
        return family + " " + h + (c.kind() == WtaKind.FC ? " units, " : " maps, ") + c.sparsity();
    }

    /** What a filter tile is, for captions. */
    static String tile(WtaConfig c) {
        return c.kind() == WtaKind.FC ? "row j of the decoder W_d: unit j's " + c.height() + "×" + c.width() + " image"
                : "map j's " + c.decoderKernel() + "×" + c.decoderKernel() + " deconvolution filter";
    }
}
