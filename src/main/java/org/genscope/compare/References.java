package org.genscope.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference rows of the leaderboard: the papers' figures where a group was measured on the papers' data (as
 * collected in {@code docs/made-results.md}, {@code docs/vae-results.md}, {@code docs/wta-results.md} and the
 * provenance list of the shipped data), and the true entropy H of a density, the NLL no model can beat, where it is
 * known in closed form. Quoted, never measured here.
 */
public final class References {
    /**
     * One reference row.
     *
     * @param name   the model or quantity, e.g. "MADE 2×500, ensemble of 32 masks"
     * @param figure the quoted figure
     * @param source where it comes from, e.g. "Germain et al. 2015, Table 6"
     */
    public record Row(String name, Figure figure, String source) {}

    private static final String MADE = "Germain et al. 2015, Table 6 (docs/made-results.md)";
    private static final String IWAE = "Burda et al. 2016, Table 1 (docs/vae-results.md)";
    private static final String WTA = "Makhzani & Frey 2015, 60,000 labels (docs/wta-results.md)";

    private References() {}

    /** The rows for a group measured on {@code test}: paper figures on binarized MNIST, H where known. */
    public static List<Row> densityRows(TestSet test) {
        List<Row> rows = new ArrayList<>();
        if (test.binarizedMnist()) {
            rows.add(nll("MADE 1×500, one mask", 88.40, "exact", MADE));
            rows.add(nll("MADE 1×500, ensemble of 32 masks", 88.04, "exact", MADE));
            rows.add(nll("MADE 2×500, one mask", 89.59, "exact", MADE));
            rows.add(nll("MADE 2×500, ensemble of 32 masks", 86.64, "exact", MADE));
            rows.add(nll("NADE, fixed order", 88.33, "exact", MADE));
            rows.add(nll("VAE 784–200–200–(50), k = 1 training", 86.76, "importance sampled, k = 5000", IWAE));
        }
        test.entropy().ifPresent(h -> rows.add(nll("true entropy H", h, "closed form",
                "the density's own: no model's expected NLL is lower")));
        return rows;
    }

    /** The paper's classifier errors of winner-take-all features on MNIST (with all 60,000 training labels). */
    public static List<Row> wtaRows() {
        return List.of(
                new Row("FC-WTA 784–2000, 5% lifetime", new Figure(Figure.Measure.CLASSIFIER_ERROR, 0.012, "linear classifier"), WTA),
                new Row("Conv-WTA 128 maps, spatial + 5%", new Figure(Figure.Measure.CLASSIFIER_ERROR, 0.0064, "linear classifier"), WTA));
    }

    private static Row nll(String name, double nats, String method, String source) {
        return new Row(name, new Figure(Figure.Measure.TEST_NLL, nats, method), source);
    }
}
