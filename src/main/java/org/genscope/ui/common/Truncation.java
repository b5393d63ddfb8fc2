package org.genscope.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * Finds labels that show less than their text (cut with an ellipsis by their skin), so a screen or an export never
 * bakes in a clipped label: the tests walk every tab with it, in normal and presenter mode. JavaFX 21 has no
 * "text truncated" property; the skin's own {@code Text} node shows what is displayed.
 */
public final class Truncation {
    private Truncation() {}

    /** The visible labels under {@code root} whose displayed text is shorter than their text. */
    public static List<Labeled> find(Node root) {
        List<Labeled> cut = new ArrayList<>();
        walk(root, cut);
        return cut;
    }

    private static void walk(Node n, List<Labeled> cut) {
        if (!n.isVisible()) return;
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && truncated(l)) cut.add(l);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) walk(c, cut);
        }
    }

    /** The text as the skin shows it whole: without the mnemonic marker ({@code _File} shows as File). */
    private static String shown(Labeled l) {
        String s = l.getText();
        return l.isMnemonicParsing() ? s.replaceFirst("_(?=.)", "") : s;
    }

    private static boolean truncated(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && t.isVisible()) return !t.getText().equals(shown(l));
        }
        return false;
    }
}
