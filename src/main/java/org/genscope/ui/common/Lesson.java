package org.genscope.ui.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A guided lesson: a title, the workspace it runs in, and steps, each a paragraph or two of text, the settings that
 * set the workspace up for it, and a question for the class with the answer the screen then shows. Lessons are text
 * files (format in docs/lessons.md), parsed here; line-based so a teacher can write one in any editor:
 *
 * <pre>
 * # a comment
 * lesson: Masks from integers
 * workspace: made
 * about: One sentence for the list of lessons.
 *
 * step: Every hidden unit gets an integer
 * Text of the step; lines join into a paragraph, a blank line starts a new one.
 * set data: mnist_4
 * set tab: Masks
 * ask: Which inputs can output x̂3 depend on?
 * answer: x1 and x2 only: …
 * </pre>
 */
public record Lesson(String title, String workspace, String about, List<Step> steps) {
    /** One step: its title, text (paragraphs separated by blank lines), settings in file order, question, answer. */
    public record Step(String title, String text, Map<String, String> setup, String question, String answer) {}

    /** A lesson file that does not follow the format: the line and what is wrong, in one sentence. */
    public static final class FormatException extends Exception {
        public FormatException(String source, int line, String problem) {
            super(source + (line > 0 ? ", line " + line : "") + ": " + problem);
        }
    }

    /** A lesson setting's yes/no value ({@code yes}, {@code no}, {@code true}, {@code false}, any case). */
    /** {@code yes} or {@code no}, as {@link #yes} reads them. */
    public static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    public static boolean yes(String value) {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("yes") || v.equals("true")) return true;
        if (v.equals("no") || v.equals("false")) return false;
        throw new IllegalArgumentException("yes or no, not '" + value + "'");
    }

    /** The largest lesson file read (a guard against opening something else by mistake). */
    public static final int MAX_CHARS = 200_000;

    /** Parses the text of a lesson file; {@code source} names it in errors. */
    public static Lesson parse(String text, String source) throws FormatException {
        if (text.length() > MAX_CHARS) throw new FormatException(source, 0, "longer than " + MAX_CHARS + " characters: not a lesson file");
        String title = null;
        String workspace = null;
        String about = "";
        List<Step> steps = new ArrayList<>();
        StepBuilder step = null;
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int no = i + 1;
            String line = lines[i].strip();
            if (line.startsWith("#")) continue;
            if (line.codePoints().anyMatch(c -> c >= 0x300 && c <= 0x36F)) {
                throw new FormatException(source, no, "a combining accent (as in x̂): JavaFX cannot wrap such text on screen;"
                        + " write it out (e.g. 'the output for x1')");
            }
            if (step == null) {
                if (line.isEmpty()) continue;
                String[] kv = keyValue(line);
                if (kv == null) throw new FormatException(source, no, "expected 'lesson:', 'workspace:', 'about:' or 'step:' before any text");
                switch (kv[0]) {
                    case "lesson" -> title = kv[1];
                    case "workspace" -> workspace = kv[1];
                    case "about" -> about = kv[1];
                    case "step" -> step = new StepBuilder(kv[1], no);
                    default -> throw new FormatException(source, no, "unknown heading '" + kv[0] + ":' (lesson, workspace, about or step)");
                }
                continue;
            }
            String[] kv = keyValue(line);
            if (kv != null && kv[0].equals("step")) {
                steps.add(step.build(source));
                step = new StepBuilder(kv[1], no);
            } else if (kv != null && kv[0].startsWith("set ")) {
                String key = kv[0].substring(4).strip();
                if (key.isEmpty()) throw new FormatException(source, no, "'set' needs a name, as in 'set tab: Masks'");
                if (step.setup.put(key, kv[1]) != null) throw new FormatException(source, no, "'set " + key + "' given twice in one step");
            } else if (kv != null && kv[0].equals("ask")) {
                step.question = kv[1];
            } else if (kv != null && kv[0].equals("answer")) {
                step.answer = kv[1];
            } else if (kv != null && List.of("lesson", "workspace", "about").contains(kv[0])) {
                throw new FormatException(source, no, "'" + kv[0] + ":' belongs before the first step");
            } else {
                step.text(line);
            }
        }
        if (step != null) steps.add(step.build(source));
        if (title == null || title.isEmpty()) throw new FormatException(source, 0, "no 'lesson:' line giving the title");
        if (workspace == null || workspace.isEmpty()) throw new FormatException(source, 0, "no 'workspace:' line (made, flows, vae or wta)");
        if (steps.isEmpty()) throw new FormatException(source, 0, "no steps ('step: TITLE' lines)");
        return new Lesson(title, workspace, about, List.copyOf(steps));
    }

    /** {@code "key: value"} split at the first colon, when the key is a heading word (letters, spaces, hyphens). */
    private static String[] keyValue(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) return null;
        String key = line.substring(0, colon).strip();
        if (!key.matches("[a-z]+( [a-zA-Z-]+)?")) return null;
        if (!List.of("lesson", "workspace", "about", "step", "ask", "answer").contains(key) && !key.startsWith("set ")) return null;
        return new String[] {key, line.substring(colon + 1).strip()};
    }

    private static final class StepBuilder {
        final String title;
        final int line;
        final StringBuilder text = new StringBuilder();
        final Map<String, String> setup = new LinkedHashMap<>();
        String question = "";
        String answer = "";
        boolean blank;

        StepBuilder(String title, int line) {
            this.title = title;
            this.line = line;
        }

        void text(String line) {
            if (line.isEmpty()) {
                blank = text.length() > 0;
                return;
            }
            if (text.length() > 0) text.append(blank ? "\n\n" : " ");
            blank = false;
            text.append(line);
        }

        Step build(String source) throws FormatException {
            if (title.isEmpty()) throw new FormatException(source, line, "a step needs a title ('step: TITLE')");
            if (text.length() == 0) throw new FormatException(source, line, "step '" + title + "' has no text");
            if (!question.isEmpty() && answer.isEmpty()) {
                throw new FormatException(source, line, "step '" + title + "' asks a question but gives no 'answer:'");
            }
            return new Step(title, text.toString(), Collections.unmodifiableMap(new LinkedHashMap<>(setup)), question, answer);
        }
    }
}
