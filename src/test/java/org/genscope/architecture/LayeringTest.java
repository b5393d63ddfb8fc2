package org.genscope.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering rule: only {@code org.genscope.ui} may touch JavaFX. Models, engine, data, io, train and cli stay
 * pure, so they run headless and in tests without a toolkit. A plain source scan (imports and fully qualified
 * references), as in JabRef's architecture tests.
 */
class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java/org/genscope");
    private static final Pattern JAVAFX = Pattern.compile("(^\\s*import\\s+(static\\s+)?javafx\\.)|(\\bjavafx\\.[a-z]+\\.)",
            Pattern.MULTILINE);

    @Test
    void onlyUiImportsJavafx() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(MAIN)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !MAIN.relativize(p).startsWith("ui"))
                    .filter(LayeringTest::mentionsJavafx)
                    .map(Path::toString)
                    .collect(Collectors.toList());
        }
        assertTrue(offenders.isEmpty(), "javafx used outside org.genscope.ui: " + offenders);
    }

    @Test
    void scanSeesTheUiPackage() throws IOException {
        // Guards the guard: if the scan found no JavaFX anywhere, it would pass vacuously.
        try (Stream<Path> files = Files.walk(MAIN.resolve("ui"))) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith(".java") && mentionsJavafx(p)),
                    "expected JavaFX imports under ui/");
        }
    }

    private static boolean mentionsJavafx(Path p) {
        try {
            String src = Files.readString(p);
            // strip comments so Javadoc may mention javafx types
            src = src.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
            return JAVAFX.matcher(src).find();
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }
}
