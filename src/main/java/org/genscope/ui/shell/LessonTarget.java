package org.genscope.ui.shell;

import org.genscope.ui.common.Lesson;

/** A workspace that runs lessons (its Lessons tab): File ▸ Open lesson shows a lesson there. */
public interface LessonTarget {
    /** Shows {@code lesson} from its first step in the workspace's Lessons tab. FX thread. */
    void showLesson(Lesson lesson);
}
