package org.genscope.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.SimpleStringProperty;
import org.genscope.cli.Main;
import org.genscope.compare.Candidate;
import org.genscope.compare.Entry;
import org.genscope.compare.Figure;
import org.genscope.compare.TestSet;
import org.genscope.data.CsvReader;
import org.genscope.data.Dataset;
import org.genscope.data.Toy2D;
import org.genscope.flow.FlowFile;
import org.genscope.made.MadeFile;
import org.genscope.nn.Rng;
import org.genscope.ui.common.UiExecutor;
import org.genscope.ui.train.SessionModels;
import org.genscope.vae.VaeFile;
import org.genscope.wta.WtaFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leaderboard can be rebuilt from files: small models of every family are trained with {@code genscope train},
 * saved, and measured twice — by {@code genscope eval} and by the Compare view's view-model on the same files — and
 * every figure the table shows is the one the command printed, character for character.
 */
class CompareMatchesEvalTest {
    @TempDir
    Path dir;

    private String out;

    private void genscope(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, String.join(" ", args) + ": " + e.toString(StandardCharsets.UTF_8));
    }

    private String printed(String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        assertTrue(m.find(), regex + " in\n" + out);
        return m.group(1);
    }

    /** Two prototypes of 8 bits with 10% of the bits flipped. */
    private Path bits() throws Exception {
        Rng rng = new Rng(1);
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < 300; n++) {
            int proto = rng.nextInt(2);
            for (int j = 0; j < 8; j++) sb.append(j == 0 ? "" : ",").append((j % 2 == proto) ^ (rng.nextDouble() < 0.1) ? 1 : 0);
            sb.append('\n');
        }
        Path f = dir.resolve("bits.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    private static List<String> values(CompareViewModel vm, String model, Figure.Measure measure) {
        return vm.rows().stream().filter(r -> !r.reference() && r.model().equals(model) && r.measure() == measure)
                .map(CompareRow::value).toList();
    }

    @Test
    void theTableShowsWhatGenscopeEvalPrintsForTheSameFiles() throws Exception {
        Path bits = bits();
        Path made = dir.resolve("made.safetensors");
        Path vae = dir.resolve("vae.safetensors");
        Path flow = dir.resolve("flow.safetensors");
        Path wta = dir.resolve("wta.safetensors");
        genscope("train", "made", "--train", bits.toString(), "--hidden", "16", "--masks", "3", "--epochs", "3", "--seed", "3",
                "--out", made.toString());
        genscope("train", "vae", "--train", bits.toString(), "--hidden", "16", "--latent", "2", "--epochs", "2", "--batch", "20",
                "--test-k", "5", "--seed", "3", "--out", vae.toString());
        genscope("train", "flow", "--toy", "moons", "--size", "600", "--layers", "actnorm,realnvp:8-8*2", "--steps", "40",
                "--out", flow.toString());
        genscope("train", "wta", "--hidden", "16", "--k", "20", "--epochs", "1", "--limit", "200", "--valid-size", "50",
                "--probe", "false", "--quiet", "true", "--out", wta.toString());

        SessionModels session = new SessionModels();
        Dataset data = Dataset.of(CsvReader.read(bits), "bits");
        TestSet onBits = TestSet.of(data);
        session.publish(new Entry("a", "made", "", new Candidate.OfMade(MadeFile.load(made)), onBits));
        session.publish(new Entry("b", "vae", "", new Candidate.OfVae(VaeFile.load(vae)), onBits));
        session.publish(new Entry("c", "flow", "", new Candidate.OfFlow(FlowFile.load(flow)), TestSet.toy(Toy2D.MOONS, 0.05)));
        session.publish(new Entry("d", "wta", "", new Candidate.OfWta(WtaFile.load(wta)), TestSet.mnistT10k()));
        CompareViewModel vm = new CompareViewModel(UiExecutor.currentThread(), session.entries(), new SimpleStringProperty());
        assertEquals(3, vm.groups().size(), "the bits, the moons' test sample, MNIST t10k");
        vm.kProperty().set(20);
        vm.setProbeEpochs(1);

        vm.groupProperty().set(vm.groups().get(0));
        vm.evaluate();
        genscope("eval", "made", made.toString(), "--data", bits.toString());
        assertEquals(List.of(printed("NLL ([0-9.]+) nats \\(mask 0\\)"), printed("NLL ([0-9.]+) nats \\(ensemble of 3 masks\\)")),
                values(vm, "made", Figure.Measure.TEST_NLL));
        genscope("eval", "vae", vae.toString(), "--data", bits.toString(), "--k", "20");
        assertEquals(List.of(printed("k = 20\\): NLL ([0-9.]+) nats")), values(vm, "vae", Figure.Measure.TEST_NLL));
        assertTrue(vm.rows().stream().anyMatch(r -> r.model().equals("vae") && r.method().equals("importance sampled, k = 20")));

        vm.groupProperty().set(vm.groups().get(1));
        vm.evaluate();
        genscope("eval", "flow", flow.toString(), "--toy", "moons");
        assertEquals(List.of(printed("NLL (-?[0-9.]+) nats;")), values(vm, "flow", Figure.Measure.TEST_NLL));
        assertEquals(2, vm.tiles().size(), "the test points and the flow's density");

        vm.groupProperty().set(vm.groups().get(2));
        vm.evaluate();
        vm.probe();
        genscope("eval", "wta", wta.toString(), "--probe-epochs", "1");
        assertEquals(List.of(printed(": ([0-9.]+) per pixel")), values(vm, "wta", Figure.Measure.RECONSTRUCTION));
        assertEquals(List.of(printed("test error ([0-9.]+)%")), values(vm, "wta", Figure.Measure.CLASSIFIER_ERROR));
    }
}
