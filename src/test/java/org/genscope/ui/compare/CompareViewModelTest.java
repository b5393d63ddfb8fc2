package org.genscope.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import org.genscope.compare.Candidate;
import org.genscope.compare.Entry;
import org.genscope.compare.Evaluator;
import org.genscope.compare.Figure;
import org.genscope.compare.TestSet;
import org.genscope.data.SampleData;
import org.genscope.data.Toy2D;
import org.genscope.flow.FlowSpec;
import org.genscope.made.Conditional;
import org.genscope.made.Made;
import org.genscope.made.MadeConfig;
import org.genscope.ui.common.UiExecutor;
import org.genscope.ui.train.SessionModels;
import org.genscope.vae.DecoderKind;
import org.genscope.vae.Vae;
import org.genscope.vae.VaeConfig;
import org.junit.jupiter.api.Test;

/** The Compare view's state without a window: groups, rows, references, measuring (all on the test thread). */
class CompareViewModelTest {
    private static final TestSet CHECKERBOARD = TestSet.toy(Toy2D.CHECKERBOARD, 0.05);

    private final SessionModels session = new SessionModels();
    private final CompareViewModel vm = new CompareViewModel(UiExecutor.currentThread(), session.entries(), new SimpleStringProperty());

    private static Entry made(String key, TestSet test) {
        MadeConfig c = MadeConfig.defaults(2).withHidden(16).withMasks(2, false).withConditional(Conditional.MIXTURE, 3).withSeed(4);
        return new Entry(key, "MADE " + key, "run", new Candidate.OfMade(new Made(c)), test);
    }

    private static Entry flow(String key) {
        var flow = new FlowSpec(FlowSpec.parseLayers("realnvp:8-8*2"), false, "relu", 2.0, 5).build(2);
        return new Entry(key, "flow " + key, "run", new Candidate.OfFlow(flow), CHECKERBOARD);
    }

    private static Entry vae(String key) {
        Vae v = new Vae(new VaeConfig(2, new int[] {8}, "tanh", 2, new int[] {8}, "tanh", DecoderKind.GAUSSIAN, 1, 1, 0, 6));
        return new Entry(key, "VAE " + key, "run", new Candidate.OfVae(v), CHECKERBOARD);
    }

    private CompareRow only(String model) {
        List<CompareRow> r = vm.rows().stream().filter(x -> x.model().equals(model)).toList();
        assertEquals(1, r.size(), model + " in " + vm.rows());
        return r.get(0);
    }

    @Test
    void entriesOnOneTestSetFormOneGroupAndARunPublishedAgainReplacesItsRow() {
        session.publish(made("1", CHECKERBOARD));
        session.publish(flow("2"));
        session.publish(made("3", TestSet.toy(Toy2D.MOONS, 0.05)));
        assertEquals(2, vm.groups().size(), "checkerboard and moons");
        assertEquals(CHECKERBOARD.id(), vm.groupProperty().get().id(), "the first group is selected");
        assertEquals(List.of("MADE 1", "flow 2"), vm.members().stream().map(Entry::name).toList());
        session.publish(flow("2"));
        assertEquals(2, vm.members().size(), "the same run replaces its entry");
        assertEquals("—", only("flow 2").value());
        assertEquals("press Evaluate", only("flow 2").method());
    }

    @Test
    void eachGroupSaysWhatItsFiguresAreMeasuredOnBesideTheWorkspacesValidationFigures() {
        String toy = CompareView.measuredOn(CHECKERBOARD);
        assertTrue(toy.startsWith("Measured on the toy's fixed sample of 10,000 test points"), toy);
        assertTrue(toy.contains("validation NLL on its own run's held-out points"), toy);
        var split = org.genscope.data.DataSplits.random(Toy2D.MOONS.generate(1000, 0.05, 3), 0.1, 0.1, 3);
        String own = CompareView.measuredOn(TestSet.of(split.test()));
        assertTrue(own.startsWith("Measured on the run's own test split (100 examples"), own);
        assertEquals("", CompareView.measuredOn(null));
    }

    @Test
    void aToyWithAClosedFormEntropyHasItAsAReferenceRow() {
        session.publish(flow("1"));
        CompareRow h = vm.rows().stream().filter(CompareRow::reference).findFirst().orElseThrow();
        assertEquals("true entropy H", h.model());
        assertEquals(Math.log(8), h.figure(), 1e-12, "checkerboard: uniform on 8 unit squares");
        assertEquals(Figure.Measure.TEST_NLL, h.measure());
    }

    @Test
    void theFiguresAreTheEvaluatorsAndAVaeIsMeasuredAgainWhenKChanges() {
        Entry m = made("1", CHECKERBOARD);
        Entry v = vae("2");
        session.publish(m);
        session.publish(v);
        session.publish(flow("3"));
        vm.kProperty().set(10);
        vm.evaluate();
        List<String> madeFigures = vm.rows().stream().filter(r -> r.model().equals("MADE 1")).map(CompareRow::value).toList();
        assertEquals(Evaluator.evaluate(m, 10, (d, t) -> true).stream().map(Figure::formatted).toList(), madeFigures,
                "mask 0 and the ensemble of 2");
        assertEquals(Evaluator.evaluate(v, 10, (d, t) -> true).get(0).formatted(), only("VAE 2").value());
        assertEquals("importance sampled, k = 10", only("VAE 2").method());
        assertEquals(List.of("test points", "1 · MADE 1", "3 · VAE 2", "4 · flow 3"),
                vm.tiles().stream().map(DensityTile::title).toList(),
                "the points and three densities, each titled with its first row's number (the MADE has two rows)");
        assertNotNull(vm.tiles().get(1).density());

        vm.kProperty().set(20);
        assertEquals("—", only("VAE 2").value(), "a VAE's figure holds for its k only");
        assertEquals("press Evaluate to measure with k = 20", only("VAE 2").method());
        assertEquals(madeFigures, vm.rows().stream().filter(r -> r.model().equals("MADE 1")).map(CompareRow::value).toList());
        vm.evaluate();
        assertEquals("importance sampled, k = 20", only("VAE 2").method());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void binarizedMnistListsThePapersFiguresBesideTheModels() throws Exception {
        TestSet mnist = TestSet.of(SampleData.binarizedMnist().test());
        assertTrue(mnist.binarizedMnist());
        MadeConfig c = MadeConfig.defaults(784).withHidden(8).withSeed(1);
        session.publish(new Entry("1", "MADE", "run", new Candidate.OfMade(new Made(c)), mnist));
        List<String> refs = vm.rows().stream().filter(CompareRow::reference).map(r -> r.model() + " " + r.value()).toList();
        assertTrue(refs.contains("MADE 1×500, ensemble of 32 masks 88.0400"), refs.toString());
        assertTrue(refs.contains("MADE 2×500, ensemble of 32 masks 86.6400"), refs.toString());
        assertTrue(refs.contains("VAE 784–200–200–(50), k = 1 training 86.7600"), refs.toString());
        assertEquals(Figure.Measure.TEST_NLL, vm.chartMeasure());
    }
}
