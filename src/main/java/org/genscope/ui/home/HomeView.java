package org.genscope.ui.home;

import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.genscope.ui.shell.Workspace;

/** Controller of fxml/home/HomeView.fxml: one card per model family, with a button to open its workspace. */
public final class HomeView {
    @FXML private GridPane cards;
    @FXML private Label tip;

    private Consumer<Workspace> onOpen = w -> { };

    public void setOnOpen(Consumer<Workspace> onOpen) {
        this.onOpen = onOpen;
    }

    @FXML
    private void initialize() {
        int i = 0;
        for (Workspace w : Workspace.values()) {
            if (w == Workspace.HOME) continue;
            cards.add(card(w), i % 2, i / 2);
            i++;
        }
        tip.setText("Tips: F5 switches presenter mode (large type and thick lines for a projector); Ctrl+T switches "
                + "between light and dark; Ctrl+E exports what you see as a PNG, or a chart's data as CSV; Ctrl+Shift+O "
                + "opens a model you trained earlier, ready to show; Ctrl+O trains the workspace on your own data.");
    }

    private HBox card(Workspace w) {
        Label title = new Label(w.title());
        title.getStyleClass().add("card-title");
        Label family = new Label(w.family());
        family.getStyleClass().add("muted");
        Label body = new Label(w.description());
        body.getStyleClass().add("card-body");
        body.setMinHeight(Region.USE_PREF_SIZE);
        Button open = new Button(w.available() ? "Open " + w.title() : "Not built yet");
        open.setDisable(!w.available());
        open.getStyleClass().add(w.available() ? "accent" : "ghost");
        open.setId("open-" + w.slug());
        open.setOnAction(e -> onOpen.accept(w));
        HBox head = new HBox(10, title, family);
        head.setAlignment(Pos.BASELINE_LEFT);
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        VBox text = new VBox(8, head, body, spacer, open);
        HBox.setHgrow(text, Priority.ALWAYS);
        Region accent = new Region();
        accent.getStyleClass().addAll("card-accent", "family-" + w.slug());
        HBox card = new HBox(14, accent, text);
        card.getStyleClass().add("card");
        card.setMaxHeight(Double.MAX_VALUE);
        return card;
    }
}
