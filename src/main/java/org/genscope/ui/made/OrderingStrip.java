package org.genscope.ui.made;

import java.util.function.BiConsumer;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;

/**
 * The ordering as a row of chips in generation order (x3 → x1 → x2 …); drag a chip onto another position to move
 * it there. Reports (from, to) positions; the view-model applies the move.
 */
final class OrderingStrip {
    static final int MAX_CHIPS = 64;

    private OrderingStrip() {}

    static void fill(FlowPane strip, int[] sequence, BiConsumer<Integer, Integer> onMove) {
        strip.getChildren().clear();
        if (sequence.length > MAX_CHIPS) {
            Label l = new Label("With D = " + sequence.length + " the ordering is edited as a whole: natural or random.");
            l.getStyleClass().add("muted");
            l.setWrapText(true);
            l.prefWidthProperty().bind(strip.widthProperty());    // wrap inside the panel, never widen it
            strip.getChildren().add(l);
            return;
        }
        for (int pos = 0; pos < sequence.length; pos++) {
            Label chip = new Label("x" + (sequence[pos] + 1));
            chip.getStyleClass().add("chip");
            chip.setId("order-chip-" + pos);
            chip.setTooltip(new Tooltip("generated " + ordinal(pos + 1) + "; drag to move"));
            int from = pos;
            chip.setOnDragDetected(e -> {
                Dragboard db = chip.startDragAndDrop(TransferMode.MOVE);
                ClipboardContent content = new ClipboardContent();
                content.putString(Integer.toString(from));
                db.setContent(content);
                e.consume();
            });
            chip.setOnDragOver(e -> {
                if (e.getGestureSource() != chip && e.getDragboard().hasString()) e.acceptTransferModes(TransferMode.MOVE);
                e.consume();
            });
            chip.setOnDragDropped(e -> {
                boolean ok = false;
                if (e.getDragboard().hasString()) {
                    onMove.accept(Integer.parseInt(e.getDragboard().getString()), from);
                    ok = true;
                }
                e.setDropCompleted(ok);
                e.consume();
            });
            strip.getChildren().add(chip);
        }
    }

    private static String ordinal(int n) {
        int m100 = n % 100;
        String suffix = m100 >= 11 && m100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
