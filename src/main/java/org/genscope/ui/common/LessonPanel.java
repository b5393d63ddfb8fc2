package org.genscope.ui.common;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A workspace's Lessons tab: pick a lesson, read its steps one at a time, press "Set up this step" to put the
 * workspace where the step needs it, ask the class the step's question and reveal the answer. Previous/next by the
 * buttons or by Page Up / Page Down (what presentation clickers send) while the panel is on screen.
 */
public final class LessonPanel extends ScrollPane {
    private final Function<Map<String, String>, List<String>> setUp;
    private final ComboBox<Lesson> choice = new ComboBox<>();
    private final Label about = new Label();
    private final Label stepTitle = new Label();
    private final Label text = new Label();
    private final Label setupNote = new Label();
    private final Label question = new Label();
    private final Text answer = new Text();
    private final Label questionHead = new Label("Question for the class");
    private final VBox questionBox = new VBox(4, questionHead, question);
    private final TextFlow answerBox = new TextFlow(answer);
    private final Button setUpButton = new Button("Set up this step");
    private final Button answerButton = new Button("Show the answer");
    private final Button previous = new Button("◀ Previous");
    private final Button next = new Button("Next ▶");
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(-1);
    private final EventHandler<KeyEvent> keys = this::onKey;

    /**
     * @param lessons the workspace's lessons (more can be added with {@link #show})
     * @param setUp   applies a step's settings to the workspace and returns what it could not apply (empty: all)
     */
    public LessonPanel(List<Lesson> lessons, Function<Map<String, String>, List<String>> setUp) {
        this.setUp = setUp;
        getStyleClass().add("lesson-panel");
        setFitToWidth(true);
        choice.getItems().setAll(lessons);
        choice.setConverter(Labels.converter(Lesson::title));
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.setTooltip(new Tooltip("The lessons of this workspace; File ▸ Open lesson adds your own."));
        choice.valueProperty().addListener((o, a, l) -> go(l == null ? -1 : 0));
        for (Label l : List.of(about, text, setupNote, question)) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        about.getStyleClass().add("muted");
        stepTitle.getStyleClass().add("lesson-step-title");
        stepTitle.setWrapText(true);
        setupNote.getStyleClass().add("error-text");
        questionHead.getStyleClass().add("lesson-question");
        answerBox.getStyleClass().add("lesson-answer");
        answer.getStyleClass().add("lesson-answer-text");           // in a TextFlow: a wrapped Label there drew its text too wide
        question.setMaxWidth(Double.MAX_VALUE);
        setUpButton.setTooltip(new Tooltip("Puts the workspace in the state this step talks about (data, settings, tab)."));
        setUpButton.setOnAction(e -> setUpStep());
        answerButton.setOnAction(e -> revealAnswer());
        for (Node n : List.of(about, setUpButton, setupNote, questionBox, answerButton, answerBox, previous, next)) {
            n.managedProperty().bind(n.visibleProperty());      // what a step does not use takes no room
        }
        previous.setOnAction(e -> go(step.get() - 1));
        next.setOnAction(e -> go(step.get() + 1));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox nav = new HBox(8, previous, gap, next);
        VBox box = new VBox(12, choice, about, stepTitle, text, setUpButton, setupNote, questionBox, answerButton, answerBox, nav);
        box.setPadding(new Insets(16));
        box.setMaxWidth(760);
        setContent(box);
        sceneProperty().addListener((o, was, scene) -> {
            if (was != null) was.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            if (scene != null) scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        });
        if (!lessons.isEmpty()) choice.setValue(lessons.get(0));
        else go(-1);
    }

    /** Shows {@code lesson} from its first step, adding it to the choices if it is new (File ▸ Open lesson). */
    public void show(Lesson lesson) {
        if (!choice.getItems().contains(lesson)) choice.getItems().add(lesson);
        if (lesson.equals(choice.getValue())) go(0);
        else choice.setValue(lesson);
    }

    /** The step on screen (0 for the first; −1 with no lesson). */
    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The lesson on screen, or null. */
    public Lesson lesson() {
        return choice.getValue();
    }

    /** Applies the step on screen's settings; what could not be applied is said under the button. */
    public List<String> setUpStep() {
        Lesson l = choice.getValue();
        if (l == null || step.get() < 0) return List.of();
        List<String> problems = setUp.apply(l.steps().get(step.get()).setup());
        setupNote.setText(problems.isEmpty() ? "" : "Could not set: " + String.join("; ", problems));
        setupNote.setVisible(!problems.isEmpty());
        return problems;
    }

    /** Goes to step {@code i} of the lesson on screen (clamped). */
    public void go(int i) {
        Lesson l = choice.getValue();
        if (l == null) {
            step.set(-1);
            stepTitle.setText("No lessons for this workspace yet: File ▸ Open lesson opens one.");
            for (Node n : List.of(about, text, setUpButton, setupNote, questionBox, answerButton, answerBox, previous, next)) {
                n.setVisible(false);
            }
            return;
        }
        int k = Math.max(0, Math.min(l.steps().size() - 1, i));
        step.set(k);
        Lesson.Step s = l.steps().get(k);
        about.setText(l.about());
        about.setVisible(!l.about().isEmpty());
        stepTitle.setText("Step " + (k + 1) + " of " + l.steps().size() + ": " + s.title());
        text.setText(s.text());
        text.setVisible(true);
        setUpButton.setVisible(!s.setup().isEmpty());
        setupNote.setText("");
        setupNote.setVisible(false);
        question.setText(s.question());
        questionBox.setVisible(!s.question().isEmpty());
        answerButton.setVisible(!s.question().isEmpty());
        answer.setText("");                                        // shown by revealAnswer
        answerBox.getStyleClass().remove("revealed");
        answerBox.setVisible(!s.question().isEmpty());
        previous.setVisible(true);
        next.setVisible(true);
        previous.setDisable(k == 0);
        next.setDisable(k == l.steps().size() - 1);
    }

    /** Shows the answer of the step on screen. */
    public void revealAnswer() {
        Lesson l = choice.getValue();
        if (l == null || step.get() < 0) return;
        answer.setText(l.steps().get(step.get()).answer());
        if (!answerBox.getStyleClass().contains("revealed")) answerBox.getStyleClass().add("revealed");
    }

    private void onKey(KeyEvent e) {
        if (!showing()) return;
        if (e.getCode() == KeyCode.PAGE_DOWN) {
            go(step.get() + 1);
            e.consume();
        } else if (e.getCode() == KeyCode.PAGE_UP) {
            go(step.get() - 1);
            e.consume();
        }
    }

    /** On screen: in a scene and every parent visible (a tab's content is hidden while another tab is selected). */
    private boolean showing() {
        for (Node n = this; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return getScene() != null;
    }
}
