package org.genscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.genscope.data.TestFiles;
import org.genscope.flow.FlowFile;
import org.genscope.flow.FlowSpec;
import org.genscope.made.Made;
import org.genscope.made.MadeConfig;
import org.genscope.made.MadeFile;
import org.genscope.vae.Vae;
import org.genscope.vae.VaeConfig;
import org.genscope.vae.VaeFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on every file of the malformed-input corpus, as a data file and as a model: exit status 1 and
 * one clean line naming the file (never 2, as if the user had typed a wrong option, and never a stack trace).
 */
class MalformedCorpusCommandsTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private void assertRefused(Path file, String... args) {
        String line = String.join(" ", args);
        int code = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> cli.run(args), line);
        assertEquals(1, code, line + " → " + cli.err());
        assertTrue(cli.err().startsWith("genscope " + args[0] + ": ") && cli.err().endsWith("\n"), line + " → " + cli.err());
        TestFiles.assertClean(cli.err().strip(), file);
    }

    @Test
    void everyBadFileExitsOneWithOneLineNamingIt() throws Exception {
        Path made = dir.resolve("made.safetensors");
        MadeFile.save(made, new Made(MadeConfig.defaults(4)), Map.of());
        Path flow = dir.resolve("flow.safetensors");
        FlowFile.save(flow, FlowSpec.parse("realnvp:4").build(2), Map.of());
        Path vae = dir.resolve("vae.safetensors");
        VaeFile.save(vae, new Vae(VaeConfig.defaults(4)), Map.of());
        List<Path> data = new ArrayList<>();
        for (TestFiles.Bad bad : TestFiles.badDataFiles()) data.add(bad.writeTo(dir));
        List<Path> models = new ArrayList<>(TestFiles.badModels(dir));
        for (TestFiles.Bad bad : TestFiles.badSafetensors()) models.add(bad.writeTo(dir));
        List<String> failures = new ArrayList<>();
        List<Path> all = new ArrayList<>(data);
        all.addAll(models);
        for (Path f : all) {
            String s = f.toString();
            List<String[]> commands = new ArrayList<>(List.of(new String[] {"data", "info", s}, new String[] {"eval", "made", s},
                    new String[] {"eval", "flow", s, "--toy", "moons"}, new String[] {"sample", "flow", s},
                    new String[] {"eval", "vae", s, "--toy", "moons"}, new String[] {"sample", "vae", s}));
            if (data.contains(f)) {
                commands.add(new String[] {"eval", "made", made.toString(), "--data", s});
                commands.add(new String[] {"eval", "flow", flow.toString(), "--data", s});
                commands.add(new String[] {"train", "flow", "--train", s, "--steps", "1"});
                commands.add(new String[] {"eval", "vae", vae.toString(), "--data", s});
                commands.add(new String[] {"train", "vae", "--train", s, "--epochs", "1"});
            }
            for (String[] c : commands) {
                try {
                    assertRefused(f, c);
                } catch (AssertionError e) {
                    failures.add(e.getMessage());
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }
}
