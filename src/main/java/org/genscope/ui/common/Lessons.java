package org.genscope.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lessons that ship with Genscope (text files in {@code src/main/resources/org/genscope/lessons/}, listed in
 * its {@code index.txt}, one file name per line) and the reading of a teacher's own lesson file.
 */
public final class Lessons {
    private static final String FOLDER = "/org/genscope/lessons/";
    private static List<Lesson> builtIn;

    private Lessons() {}

    /** Every built-in lesson, in the index's order (read once; a broken built-in lesson is a bug, so it throws). */
    public static synchronized List<Lesson> builtIn() {
        if (builtIn == null) {
            List<Lesson> all = new ArrayList<>();
            for (String name : resource("index.txt").split("\n")) {
                name = name.strip();
                if (name.isEmpty() || name.startsWith("#")) continue;
                try {
                    all.add(Lesson.parse(resource(name), name));
                } catch (Lesson.FormatException e) {
                    throw new IllegalStateException("built-in lesson " + e.getMessage(), e);
                }
            }
            builtIn = List.copyOf(all);
        }
        return builtIn;
    }

    /** The built-in lessons of the workspace with this id (e.g. {@code made}). */
    public static List<Lesson> forWorkspace(String id) {
        return builtIn().stream().filter(l -> l.workspace().equals(id)).toList();
    }

    /** A lesson file of one's own; fails with one line naming the file and the problem. */
    public static Lesson read(Path file) throws IOException, Lesson.FormatException {
        if (Files.size(file) > Lesson.MAX_CHARS * 4L) {
            throw new Lesson.FormatException(file.toString(), 0, "too large for a lesson file");
        }
        return Lesson.parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    private static String resource(String name) {
        try (InputStream in = Lessons.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + FOLDER + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
