package org.genscope.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LessonTest {
    private static final String GOOD = """
            # a comment
            lesson: Masks from integers
            workspace: made
            about: One line.

            step: First
            Line one
            continues here.

            A second paragraph.
            set data: mnist_4
            set tab: Masks
            ask: Why?
            answer: Because.

            step: Second
            Only text, no question.
            """;

    @Test
    void parsesTitleWorkspaceStepsSettingsInOrderAndParagraphs() throws Exception {
        Lesson l = Lesson.parse(GOOD, "good.lesson");
        assertEquals("Masks from integers", l.title());
        assertEquals("made", l.workspace());
        assertEquals("One line.", l.about());
        assertEquals(2, l.steps().size());
        Lesson.Step s = l.steps().get(0);
        assertEquals("First", s.title());
        assertEquals("Line one continues here.\n\nA second paragraph.", s.text());
        assertEquals(List.of("data", "tab"), List.copyOf(s.setup().keySet()));
        assertEquals(Map.of("data", "mnist_4", "tab", "Masks"), s.setup());
        assertEquals("Why?", s.question());
        assertEquals("Because.", s.answer());
        assertEquals("", l.steps().get(1).question());
        assertTrue(l.steps().get(1).setup().isEmpty());
    }

    @Test
    void aTextLineMayContainAColonWithoutBeingAHeading() throws Exception {
        Lesson l = Lesson.parse("lesson: T\nworkspace: made\nstep: S\nRatio: 1:2, as in p(x) = p(x1) p(x2 | x1).\n", "x");
        assertEquals("Ratio: 1:2, as in p(x) = p(x1) p(x2 | x1).", l.steps().get(0).text());
    }

    private static void refused(String text, String expected) {
        Lesson.FormatException e = assertThrows(Lesson.FormatException.class, () -> Lesson.parse(text, "bad.lesson"));
        assertTrue(e.getMessage().startsWith("bad.lesson") && e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void mistakesAreRefusedWithTheLineAndWhatIsWrong() {
        refused("workspace: made\nstep: S\ntext\n", "no 'lesson:' line");
        refused("lesson: T\nstep: S\ntext\n", "no 'workspace:' line");
        refused("lesson: T\nworkspace: made\n", "no steps");
        refused("lesson: T\nworkspace: made\nsome text\n", "line 3: expected 'lesson:'");
        refused("lesson: T\nworkspace: made\nstep: S\n", "step 'S' has no text");
        refused("lesson: T\nworkspace: made\nstep: S\ntext\nask: Q?\n", "asks a question but gives no 'answer:'");
        refused("lesson: T\nworkspace: made\nstep: S\ntext\nset tab: A\nset tab: B\n", "line 6: 'set tab' given twice");
        refused("lesson: T\nworkspace: made\nstep: S\ntext\nworkspace: flows\n", "line 5: 'workspace:' belongs before the first step");
        refused("x".repeat(Lesson.MAX_CHARS + 1), "not a lesson file");
        refused("lesson: T\nworkspace: made\nstep: S\nThe output x\u0302 1\n", "line 4: a combining accent");
    }

    @Test
    void everyBuiltInLessonParsesAndNamesAWorkspace() {
        List<Lesson> all = Lessons.builtIn();
        for (Lesson l : all) {
            assertTrue(List.of("made", "flows", "vae", "wta").contains(l.workspace()), l.title());
            assertTrue(l.title().length() <= 40, "a title the lesson list shows whole in presenter mode: " + l.title());
        }
        for (String w : List.of("made", "flows", "vae", "wta")) {
            assertTrue(Lessons.forWorkspace(w).size() >= 3, w + ": " + Lessons.forWorkspace(w).size() + " lessons");
        }
    }
}
