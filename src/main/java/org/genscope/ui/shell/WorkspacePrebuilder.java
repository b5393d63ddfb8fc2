package org.genscope.ui.shell;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * Builds the workspaces nobody has opened yet while the window waits for its first click, so opening one only
 * attaches it: building a workspace view the first time (FXML, charts, control skins, styles; classes loaded and
 * code run for the first time) takes 150–600 ms of the FX thread, far above the 100 ms a click may take to show.
 * One workspace per idle slot, {@value #GAP_MS} ms apart, in sidebar order, each laid out once in an off-screen
 * scene styled like the window (that creates its controls' skins and runs its layout code) and then taken out of it
 * again. A workspace the user opens first is simply built then, as before. FX thread only.
 */
final class WorkspacePrebuilder {
    /** Pause before the first build and between builds: input queued meanwhile is handled first. */
    static final int GAP_MS = 250;

    private final Deque<WorkspaceDescriptor> pending;
    private final Function<WorkspaceDescriptor, Parent> buildIfNew;
    private final Scene like;
    private final PauseTransition gap = new PauseTransition(Duration.millis(GAP_MS));

    /**
     * @param buildIfNew builds and keeps the view of a workspace not built yet and returns its root; null if the
     *                   workspace was built already (the user opened it first)
     * @param like       the window's scene, whose style sheets and root classes the off-screen layout uses
     */
    WorkspacePrebuilder(List<WorkspaceDescriptor> workspaces, Function<WorkspaceDescriptor, Parent> buildIfNew, Scene like) {
        this.pending = new ArrayDeque<>(workspaces.stream().filter(WorkspaceDescriptor::available).toList());
        this.buildIfNew = buildIfNew;
        this.like = like;
        gap.setOnFinished(e -> next());
    }

    /** Starts building, one workspace per gap. */
    void start() {
        if (!pending.isEmpty()) gap.playFromStart();
    }

    private void next() {
        WorkspaceDescriptor w = pending.poll();
        if (w == null) return;
        Parent root = buildIfNew.apply(w);
        if (root != null) layOutOffScreen(root);
        if (!pending.isEmpty()) gap.playFromStart();
    }

    /** Styles and lays {@code root} out once in a throwaway scene like the window's, then frees it. */
    private void layOutOffScreen(Parent root) {
        StackPane holder = new StackPane(root);
        holder.getStyleClass().setAll(like.getRoot().getStyleClass());
        Scene scene = new Scene(holder, like.getWidth(), like.getHeight());
        scene.getStylesheets().setAll(like.getStylesheets());
        holder.applyCss();
        holder.layout();
        holder.getChildren().clear();
    }
}
