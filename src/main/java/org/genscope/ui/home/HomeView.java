package org.genscope.ui.home;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.genscope.ui.common.Lesson;
import org.genscope.ui.common.Lessons;
import org.genscope.ui.shell.WorkspaceContext;
import org.genscope.ui.shell.WorkspaceDescriptor;
import org.genscope.ui.shell.WorkspaceView;

/** Controller of fxml/home/HomeView.fxml: one card per registered workspace, with a button to open it. */
public final class HomeView implements WorkspaceView {
    /** The home page's registration. */
    public static final WorkspaceDescriptor DESCRIPTOR = new WorkspaceDescriptor("home", "Home", "",
            "What Genscope is, and one card per model family.", null, HomeView::create);

    @FXML private GridPane cards;
    @FXML private Label tip;

    private final WorkspaceContext context;
    private Parent root;

    private HomeView(WorkspaceContext context) {
        this.context = context;
    }

    static HomeView create(WorkspaceContext context) {
        HomeView view = new HomeView(context);
        FXMLLoader loader = new FXMLLoader(HomeView.class.getResource("/fxml/home/HomeView.fxml"));
        loader.setControllerFactory(t -> view);
        try {
            view.root = loader.load();
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load HomeView.fxml", e);
        }
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public String exportSlug() {
        return "home";
    }

    @FXML
    private void initialize() {
        int i = 0;
        for (WorkspaceDescriptor w : context.workspaces()) {
            cards.add(card(w), i % 2, i / 2);
            i++;
        }
        tip.setText("Tips: F5 switches presenter mode (large type and thick lines for a projector); Ctrl+T switches "
                + "between light and dark; Ctrl+E exports what you see as a PNG, its charts as SVG or their data as CSV; Ctrl+Shift+O "
                + "opens a model you trained earlier, ready to show; Ctrl+O trains the workspace on your own data.");
    }

    /** Links to the workspace's built-in lessons, one a line (they wrap, so the card never widens), each opening it there. */
    private Node lessons(WorkspaceDescriptor w) {
        VBox links = new VBox(0);
        List<Lesson> all = w.available() ? Lessons.forWorkspace(w.id()) : List.of();
        if (all.isEmpty()) return links;
        links.getChildren().add(new Label("Lessons:"));
        for (Lesson l : all) {
            Hyperlink link = new Hyperlink(l.title());
            link.setTooltip(new Tooltip(l.about()));
            link.setWrapText(true);
            link.setMinHeight(Region.USE_PREF_SIZE);
            link.setOnAction(e -> context.openLesson().accept(l));
            links.getChildren().add(link);
        }
        return links;
    }

    private HBox card(WorkspaceDescriptor w) {
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
        open.setId("open-" + w.id());
        open.setOnAction(e -> context.open().accept(w.id()));
        HBox head = new HBox(10, title, family);
        head.setAlignment(Pos.BASELINE_LEFT);
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        VBox text = new VBox(8, head, body, lessons(w), spacer, open);
        HBox.setHgrow(text, Priority.ALWAYS);
        Region accent = new Region();
        accent.getStyleClass().addAll("card-accent", "family-" + w.id());
        HBox card = new HBox(14, accent, text);
        card.getStyleClass().add("card");
        card.setMaxHeight(Double.MAX_VALUE);
        return card;
    }
}
