package org.genscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.genscope.data.TestFiles;
import org.genscope.io.ModelFile;
import org.genscope.made.Made;
import org.genscope.made.MadeConfig;
import org.genscope.made.MadeFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command with a wrong option, value, file or output: one short line in the user's words, exit code 2 for
 * what was typed wrong and 1 for files and data, and nothing started when the output cannot be written.
 */
class CommandMessagesTest {
    @TempDir
    static Path dir;

    private static String made;
    private static String flow;
    private static String points;
    private static String folder;
    private static String nowhere;

    private final CliRun cli = new CliRun();

    @BeforeAll
    static void files() throws Exception {
        made = dir.resolve("m.safetensors").toString();
        MadeFile.save(Path.of(made), new Made(MadeConfig.defaults(2).withConditional(org.genscope.made.Conditional.GAUSSIAN, 1)), Map.of());
        CliRun cli = new CliRun();
        points = dir.resolve("points.csv").toString();
        assertEquals(0, cli.run("data", "toy", "moons", "--n", "200", "--out", points), cli.err());
        flow = dir.resolve("f.safetensors").toString();
        assertEquals(0, cli.run("train", "flow", "--train", points, "--layers", "realnvp:4", "--steps", "2", "--every", "0", "--out", flow), cli.err());
        folder = Files.createDirectory(dir.resolve("folder")).toString();
        nowhere = dir.resolve("no-such-folder").resolve("x").toString();
    }

    private record Case(int code, String says, String... args) {}

    private static Case usage(String says, String... args) {
        return new Case(2, says, args);
    }

    private static Case file(String says, String... args) {
        return new Case(1, says, args);
    }

    private void check(List<Case> cases) {
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            String line = String.join(" ", java.util.Arrays.stream(c.args()).map(org.genscope.Quoted::of).toList());
            int code = cli.run(c.args());
            String err = cli.err();
            try {
                assertEquals(c.code(), code, "exit code");
                assertTrue(err.startsWith("genscope " + c.args()[0] + ": ") && err.endsWith("\n"), "prefix");
                TestFiles.assertCleanLine(err.strip(), 200);
                assertTrue(err.contains(c.says()), "says '" + c.says() + "'");
                assertFalse(cli.out().contains("epoch") || cli.out().contains("step "), "nothing trained: " + cli.out());
            } catch (AssertionError e) {
                failures.add(line + " → [" + code + "] " + err.strip() + "  (" + e.getMessage() + ")");
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " failed:\n" + String.join("\n", failures));
    }

    @Test
    void unknownOptionsBadNumbersAndBadChoicesExitTwo() {
        String huge = "z".repeat(100_000);
        check(List.of(
                usage("unknown option '--bogus'", "data", "info", points, "--bogus", "1"),
                usage("unknown option '--bogus'", "data", "toy", "moons", "--bogus"),
                usage("unknown option '--bogus'", "train", "made", "--bogus"),
                usage("unknown option '--bogus'", "train", "flow", "--bogus", "1"),
                usage("unknown option '--bogus'", "eval", "made", made, "--bogus", "1"),
                usage("unknown option '--bogus'", "eval", "flow", flow, "--bogus", "1"),
                usage("unknown option '--bogus'", "sample", "made", made, "--bogus", "1"),
                usage("unknown option '--bogus'", "sample", "flow", flow, "--bogus", "1"),
                usage("unknown option '--bogus'", "bench", "--bogus", "1"),
                usage("option --lr needs a value", "train", "made", "--lr"),
                usage("option --out needs a value", "train", "flow", "--out", "--steps", "2"),
                usage("option --lr is given twice", "train", "made", "--lr", "0.1", "--lr", "0.2"),
                usage("--n expects an integer, got 'abc'", "data", "toy", "moons", "--n", "abc"),
                usage("--lr expects a number, got 'fast'", "train", "made", "--lr", "fast"),
                usage("--lr must be in [1e-12, 100], got '1e999'", "train", "made", "--lr", "1e999"),
                usage("--steps must be in [1, 100000000], got '0'", "train", "flow", "--steps", "0"),
                usage("--ensemble expects an integer", "eval", "made", made, "--ensemble", "1.5"),
                usage("--n must be in [1, 100000]", "sample", "made", made, "--n", "0"),
                usage("--seed expects an integer", "sample", "flow", flow, "--seed", "x"),
                usage("--epochs expects an integer", "bench", "--epochs", "many"),
                usage("--max-minutes must be in [0, 10000000]", "train", "made", "--max-minutes", "-1"),
                usage("--binarize must be in [0, 1]", "eval", "made", made, "--data", points, "--binarize", "128"),
                usage("--optimizer: unknown optimizer 'rmsprop'", "train", "made", "--optimizer", "rmsprop"),
                usage("--conditional must be one of bernoulli, gaussian, mixture", "train", "made", "--conditional", "poisson"),
                usage("--direct expects true or false", "train", "made", "--direct", "yes"),
                usage("--schedule must be one of cosine, constant", "train", "flow", "--schedule", "step"),
                usage("unknown preset 'nope'", "train", "flow", "--preset", "nope"),
                usage("unknown toy dataset 'donut'", "eval", "flow", flow, "--toy", "donut"),
                usage("--timing expects true or false", "eval", "flow", flow, "--toy", "moons", "--timing", "maybe"),
                usage("--only must be one of gemm, epoch", "bench", "--only", "gpu"),
                usage("unknown model 'gan'", "sample", "gan", made),
                usage("(100000 characters)", "train", "flow", "--layers", huge),
                usage("(100000 characters)", "train", "made", "--hidden", huge),
                usage("(100000 characters)", "train", "made", "--lr", huge),
                usage("(100000 characters)", "data", "toy", huge),
                usage("(100002 characters)", "train", "made", "--" + huge, "1")));
    }

    @Test
    void missingFilesFoldersAndUnwritableOutputsExitOneNamingTheFileBeforeAnyWork() {
        String missing = dir.resolve("missing.csv").toString();
        String missingModel = dir.resolve("missing.safetensors").toString();
        check(List.of(
                file(missing + ": file not found", "data", "info", missing),
                file(missing + ": file not found", "train", "made", "--train", missing),
                file(missing + ": file not found", "train", "flow", "--train", points, "--valid", missing),
                file(missing + ": file not found", "eval", "made", made, "--data", missing),
                file(missing + ": file not found", "eval", "flow", flow, "--data", missing),
                file(missing + ": file not found", "bench", "--data", missing),
                file(missingModel + ": no such file", "eval", "made", missingModel),
                file(missingModel + ": no such file", "sample", "flow", missingModel),
                file(folder + ": is a directory, not a data file", "data", "info", folder),
                file(folder + ": holds no pictures (bmp, gif, jpeg, jpg, png), neither directly nor in sub-folders", "train", "flow", "--train", folder),
                file(folder + ": is a folder, not a model file", "eval", "made", folder),
                file(folder + ": is a folder, not a model file", "eval", "flow", folder, "--toy", "moons"),
                file(folder + ": is a folder, not a model file", "sample", "made", folder),
                file(points + ": a data file (CSV), not a model file; give data with --data", "eval", "made", points),
                file("--out " + folder + " is a folder; give a file name, e.g. " + Path.of(folder, "made.safetensors"),
                        "train", "made", "--train", points, "--conditional", "gaussian", "--out", folder),
                file("cannot write " + nowhere + ": the folder " + Path.of(nowhere).getParent() + " does not exist",
                        "train", "made", "--train", points, "--conditional", "gaussian", "--out", nowhere),
                file("cannot write " + nowhere, "train", "flow", "--steps", "2", "--curves", nowhere),
                file("--out " + folder + " is a folder", "train", "flow", "--steps", "2", "--out", folder),
                file("cannot write " + nowhere, "sample", "made", made, "--out", nowhere),
                file("holds a 'made' model, not a VAE", "sample", "vae", made),
                file("--out " + folder + " is a folder", "sample", "flow", flow, "--out", folder),
                file("cannot write " + nowhere, "data", "toy", "moons", "--out", nowhere),
                file(points + ": values other than 0 and 1", "train", "made", "--train", points)));
    }

    @Test
    void corruptModelMetadataIsBlamedOnTheFileNotOnAnOption() throws Exception {
        Path bad = TestFiles.edited(Path.of(made), Map.of(), Map.of(MadeFile.IMAGE, "banana"), dir.resolve("image.safetensors"));
        assertEquals(1, cli.run("sample", "made", bad.toString()));
        assertTrue(cli.err().contains(bad + ": metadata 'made.image'") && !cli.err().contains("--image"), cli.err());
        TestFiles.assertClean(cli.err().strip(), bad);
        assertTrue(ModelFile.read(bad).meta(MadeFile.IMAGE).isPresent());
    }
}
