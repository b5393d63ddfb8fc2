package org.genscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.genscope.data.Binarization;
import org.genscope.data.DataOrigin;
import org.genscope.data.DataSplits;
import org.genscope.data.Dataset;
import org.genscope.data.Downsample;
import org.genscope.data.ImageFolder;
import org.genscope.data.SampleData;
import org.genscope.data.Toy2D;
import org.genscope.flow.FlowPreset;
import org.genscope.made.Conditional;
import org.genscope.made.Connectivity;
import org.genscope.made.DegreeRule;
import org.genscope.made.Made;
import org.genscope.made.MadeConfig;
import org.genscope.made.OrderingKind;
import org.genscope.nn.OptimizerKind;
import org.genscope.vae.DecoderKind;
import org.genscope.vae.VaeConfig;
import org.genscope.wta.WtaPreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copy as command, as a round trip: each run's {@link TrainCommand} is split as a shell splits it and parsed by the
 * command's own parser ({@link TrainSetup}); the configuration, mask 0, training settings and the data themselves
 * must be those of the run.
 */
class TrainCommandRoundTripTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    /** The words after {@code genscope train KIND} of the command's text, split as a shell does. */
    private static List<String> words(TrainCommand c) {
        String[] lines = c.text().split("\n");
        List<String> w = ShellWords.split(lines[lines.length - 1]);
        assertEquals(List.of("genscope", "train", c.kind()), w.subList(0, 3), c.text());
        return w.subList(3, w.size());
    }

    @Test
    void everyFlowPresetParsesBackToItsLayersTrainingAndPoints() throws Exception {
        for (FlowPreset p : FlowPreset.ALL) {
            Toy2D toy = Toy2D.byName(p.dataset());
            var spec = p.spec().withSeed(5);
            TrainCommand c = TrainCommand.flow(spec, p.steps(), p.batchSize(), p.learningRate(),
                    new TrainCommand.Toy(toy, 3000, p.noise(), 0.1, 0.1));
            assertTrue(c.notes().isEmpty());
            TrainSetup.Flow f = TrainSetup.flow(words(c), QUIET);
            assertEquals(spec, f.spec(), p.id());
            assertEquals(p.steps(), f.steps());
            assertEquals(p.batchSize(), f.batch());
            assertEquals(p.learningRate(), f.lr());
            assertEquals(5, f.seed());
            assertTrue(f.cosine());
            assertArrayEquals(DataSplits.random(toy.generate(3000, p.noise(), 5), 0.1, 0.1, 5).train().x().data,
                    f.data().train().x().data, p.id());
        }
    }

    @Test
    void paintedPointsTravelInTheCommandAsFiles() throws Exception {
        DataSplits painted = DataSplits.random(Toy2D.PINWHEEL.generate(300, 0.05, 3), 0.1, 0.1, 3);
        TrainCommand c = TrainCommand.flow(FlowPreset.ALL.get(0).spec(), 100, 64, 0.003, new TrainCommand.Points("painted", painted));
        // write the here-documents as the shell would, then parse the command with the files in that folder
        String text = c.text();
        for (String split : new String[] {"train", "valid", "test"}) {
            String name = "painted-" + split + ".csv";
            int start = text.indexOf("cat > " + name + " <<'EOF'\n") + ("cat > " + name + " <<'EOF'\n").length();
            Files.writeString(dir.resolve(name), text.substring(start, text.indexOf("EOF\n", start)));
        }
        List<String> args = new ArrayList<>(words(c));
        args.replaceAll(a -> a.startsWith("painted-") ? dir.resolve(a).toString() : a);
        TrainSetup.Flow f = TrainSetup.flow(args, QUIET);
        assertArrayEquals(painted.train().x().data, f.data().train().x().data);
        assertArrayEquals(painted.validation().x().data, f.data().validation().x().data);
        assertArrayEquals(painted.test().x().data, f.data().test().x().data);
    }

    @Test
    void madeOnAToyWithRandomOrderingAndManyMasks() throws Exception {
        MadeConfig app = new MadeConfig(2, new int[] {64, 64}, OrderingKind.RANDOM, null, DegreeRule.SOFTMAX, 0.5, true, 4,
                true, Conditional.MIXTURE, 5, "relu", 11);
        TrainCommand c = TrainCommand.made(app, Made.firstMask(app), 200, 50, OptimizerKind.ADAGRAD, 0.003,
                new TrainCommand.Toy(Toy2D.CHECKERBOARD, 12_000, 0.05, 1.0 / 6, 1.0 / 6));
        TrainSetup.Made m = TrainSetup.made(words(c), QUIET);
        assertEquals(app, m.config());
        assertEquals(Made.firstMask(app), m.mask0());
        assertEquals(new EpochTraining(11, 50, 200, 0, 0.003, OptimizerKind.ADAGRAD, 0, false, true), m.training());
        DataSplits expected = DataSplits.random(Toy2D.CHECKERBOARD.generate(12_000, 0.05, 11), 1.0 / 6, 1.0 / 6, 11);
        assertArrayEquals(expected.train().x().data, m.data().train().x().data);
        assertArrayEquals(expected.test().x().data, m.data().test().x().data);
    }

    @Test
    void madeOnMnistFourByFourWithADraggedOrderingAndAnEditedUnit() throws Exception {
        int[] order = {16, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        MadeConfig app = new MadeConfig(16, new int[] {32}, OrderingKind.CUSTOM, order, DegreeRule.UNIFORM, 0, false, 1,
                false, Conditional.BERNOULLI, 1, "relu", 3);
        Connectivity edited = Made.firstMask(app).withDegree(1, 0, 15);
        assertNotEquals(Made.firstMask(app), edited);
        TrainCommand c = TrainCommand.made(app, edited, 20, 100, OptimizerKind.ADAM, 0.001, new TrainCommand.PooledMnist(7, 0.14f));
        assertTrue(c.text().contains("--pool 7 --binarize 0.14 "), c.text());
        TrainSetup.Made m = TrainSetup.made(words(c), QUIET);
        assertEquals(app, m.config());
        assertEquals(edited, m.mask0(), "the hand-edited m(k) travels with --degrees");
        Dataset app4 = Binarization.threshold(Downsample.meanPool(SampleData.binarizedMnist().train(), 7), 0.14f);
        assertArrayEquals(app4.x().data, m.data().train().x().data);
        // and the model the command trains is the one the app trains from that network
        assertArrayEquals(Made.withFirstMask(app, edited).params().get(0).value.data,
                Made.withFirstMask(m.config(), m.mask0()).params().get(0).value.data);
    }

    @Test
    void vaeOnMnistAndOnAToy() throws Exception {
        VaeConfig mnist = new VaeConfig(784, new int[] {200, 200}, "tanh", 50, new int[] {200, 200}, "tanh",
                DecoderKind.BERNOULLI, 2, 8, 5000, 9);
        TrainSetup.Vae v = TrainSetup.vae(words(TrainCommand.vae(mnist, 10, 100, OptimizerKind.ADAM, 0.001, new TrainCommand.Mnist())), QUIET);
        assertEquals(mnist, v.config());
        assertEquals(new EpochTraining(9, 100, 10, 0, 0.001, OptimizerKind.ADAM, 0, false, true), v.training());
        assertEquals("constant", v.schedule());
        VaeConfig points = new VaeConfig(2, new int[] {64, 32}, "elu", 2, new int[] {16}, "elu", DecoderKind.GAUSSIAN, 1, 1, 0, 4);
        TrainSetup.Vae t = TrainSetup.vae(words(TrainCommand.vae(points, 60, 100, OptimizerKind.SGD, 0.003,
                new TrainCommand.Toy(Toy2D.MOONS, 20_000, 0.05, 0.1, 0.1))), QUIET);
        assertEquals(points, t.config());
        assertArrayEquals(DataSplits.random(Toy2D.MOONS.generate(20_000, 0.05, 4), 0.1, 0.1, 4).train().x().data,
                t.data().train().x().data);
    }

    @Test
    void everyWtaPresetParsesBackToItsAutoencoderAndTraining() throws Exception {
        for (WtaPreset p : WtaPreset.values()) {
            TrainSetup.Wta w = TrainSetup.wta(words(TrainCommand.wta(p.config, 3, 100, p.learningRate, p.weightDecay, 500, new TrainCommand.Mnist())), QUIET);
            assertEquals(p.config, w.config(), p.key());
            assertEquals(p.learningRate, w.lr());
            assertEquals(p.weightDecay, w.weightDecay(), p.key());
            assertEquals(3, w.epochs());
            assertEquals(100, w.batch());
            assertEquals(0, w.patience());
            assertTrue(w.keepLast());
            assertEquals(500, w.validation().size());
            assertEquals(p.config.seed(), w.seed());
        }
    }

    @Test
    void anImageFolderIsReadAsTheAppReadsItAndPathsAreQuoted() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("my pictures 'v2'"));
        for (int i = 0; i < 30; i++) {
            BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 16; y++) for (int x = 0; x < 16; x++) img.setRGB(x, y, (x + i) % 5 == 0 ? 0 : 0xFFFFFF);
            ImageIO.write(img, "png", folder.resolve("p" + i + ".png").toFile());
        }
        Files.writeString(folder.resolve("broken.png"), "not a picture");
        ImageFolder.Options how = new ImageFolder.Options(8, true, true);
        Dataset app = ImageFolder.read(folder, how).dataset();
        TrainCommand c = TrainCommand.made(MadeConfig.defaults(64), Made.firstMask(MadeConfig.defaults(64)), 1, 10,
                OptimizerKind.ADAM, 0.001, new TrainCommand.Opened(DataOrigin.folder(folder, how), 0.5, false, 0));
        assertTrue(c.text().contains("'" + folder.toAbsolutePath().normalize().toString().replace("'", "'\\''") + "'"), c.text());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TrainSetup.Made m = TrainSetup.made(words(c), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("warning: left out " + folder.resolve("broken.png")), out.toString());
        DataSplits expected = DataSplits.random(app, 0.1, 0.1, 42);
        assertArrayEquals(expected.train().x().data, m.data().train().x().data);
        assertFalse(c.text().contains("#"));
    }

    @Test
    void dataTheCommandLineCannotNameIsSaidInAComment() {
        TrainCommand c = TrainCommand.wta(WtaPreset.values()[0].config, 3, 100, 0.001, 0, 500, new TrainCommand.Unnamed("the labelled MNIST sample"));
        assertEquals(1, c.notes().size());
        assertTrue(c.text().startsWith("# not on the command line: the labelled MNIST sample"), c.text());
    }

    @Test
    void trainMadeReadsAFolderAndWarnsOfItsUnreadablePictures() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("digits"));
        for (int i = 0; i < 20; i++) {
            BufferedImage img = new BufferedImage(12, 12, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 12; y++) for (int x = 0; x < 12; x++) img.setRGB(x, y, (x * y + i) % 3 == 0 ? 0 : 0xFFFFFF);
            ImageIO.write(img, "png", folder.resolve("d" + i + ".png").toFile());
        }
        Files.writeString(folder.resolve("torn.jpg"), "truncated");
        CliRun cli = new CliRun();
        int code = cli.run("train", "made", "--train", folder.toString(), "--resize", "4", "--invert", "true", "--binarize", "0.5",
                "--hidden", "8", "--epochs", "1", "--quiet", "true", "--out", dir.resolve("m.safetensors").toString());
        assertEquals(0, code, cli.err());
        assertTrue(cli.out().contains("warning: left out " + folder.resolve("torn.jpg") + ": "), cli.out());
        assertEquals(2, cli.run("train", "made", "--resize", "4"));
        assertTrue(cli.err().contains("--resize is for a folder of pictures"), cli.err());
    }
}
