package org.genscope.ui.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.genscope.Genscope;

/** The few modal dialogs of the shell: errors, about, keyboard shortcuts. Styled by the owner's stylesheets. */
public final class Dialogs {
    /** Shortcut, action — also the source of the Help ▸ Keyboard shortcuts table. */
    static final String[][] SHORTCUTS = {
        {"Ctrl+1", "Home"},
        {"Ctrl+2 … Ctrl+5", "MADE, Flows, VAE, WTA workspaces (when built)"},
        {"Ctrl+Enter", "Train, or resume a paused run (in a workspace)"},
        {"Esc", "Pause training (in a workspace)"},
        {"Ctrl+O", "Open a dataset (IDX, CSV, NPY) in the current workspace"},
        {"Ctrl+Shift+I", "Open a folder of pictures (PNG, JPEG, GIF, BMP; sub-folders as classes) as a dataset"},
        {"Ctrl+Shift+O", "Open a trained model (MADE or flow) in its workspace"},
        {"Ctrl+S", "Save the session: every open workspace's settings, data and trained model in one .genscope file"},
        {"Ctrl+E", "Export the current view: PNG at 2×, its charts as SVG (vector, for papers and slides), or their data as CSV"},
        {"Ctrl+T", "Switch light / dark theme"},
        {"F5", "Presenter mode: large type and thick lines for projectors"},
        {"Page Down / Page Up", "Next / previous step of the lesson on screen (Lessons tab)"},
        {"F1", "This list"},
        {"Ctrl+Q", "Quit"},
    };

    private Dialogs() {}

    public static void error(Window owner, String title, String message) {
        Alert a = styled(new Alert(Alert.AlertType.ERROR, message, ButtonType.OK), owner);
        a.setHeaderText(title);
        a.showAndWait();
    }

    public static void warning(Window owner, String title, String message) {
        Alert a = styled(new Alert(Alert.AlertType.WARNING, message, ButtonType.OK), owner);
        a.setHeaderText(title);
        a.showAndWait();
    }

    public static void info(Window owner, String title, String message) {
        Alert a = styled(new Alert(Alert.AlertType.INFORMATION, message, ButtonType.OK), owner);
        a.setHeaderText(title);
        a.showAndWait();
    }

    static void about(Window owner, String backend) {
        info(owner, Genscope.NAME + " " + Genscope.version(),
                "A desktop lab for seeing inside neural generative models: MADE, normalizing flows, VAEs and "
                        + "winner-take-all autoencoders, trained live on your CPU.\n\n"
                        + backend + "\n"
                        + "Java " + System.getProperty("java.version") + ", JavaFX "
                        + System.getProperty("javafx.runtime.version", "?") + "\n\n"
                        + "Sample data: MNIST by LeCun, Cortes and Burges (CC BY-SA 3.0); binarized MNIST by "
                        + "Salakhutdinov and Murray (2008).");
    }

    /** "Quit without saving?": true if the user chose to quit and lose the unsaved training of these workspaces. */
    static boolean quitAnyway(Window owner, java.util.List<String> unsaved) {
        ButtonType quit = new ButtonType("Quit without saving", ButtonBar.ButtonData.OK_DONE);
        ButtonType stay = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        String which = String.join(" and ", unsaved);
        Alert a = styled(new Alert(Alert.AlertType.CONFIRMATION, "The " + which + " workspace" + (unsaved.size() > 1 ? "s have"
                : " has") + " a trained model that is not saved. Cancel, then use 'Save trained model…' to keep it, or quit "
                + "and lose it.", stay, quit), owner);
        a.setHeaderText("Quit without saving the trained model?");
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(stay)).setDefaultButton(true);
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(quit)).setDefaultButton(false);
        return a.showAndWait().orElse(stay) == quit;
    }

    static void shortcuts(Window owner) {
        GridPane table = new GridPane();
        table.getStyleClass().add("shortcut-table");
        for (int i = 0; i < SHORTCUTS.length; i++) {
            Label key = new Label(SHORTCUTS[i][0]);
            key.getStyleClass().add("shortcut-key");
            table.addRow(i, key, new Label(SHORTCUTS[i][1]));
        }
        Alert a = styled(new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE), owner);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.getDialogPane().setContent(table);
        a.showAndWait();
    }

    private static Alert styled(Alert a, Window owner) {
        if (owner != null) {
            a.initOwner(owner);
            if (owner.getScene() != null) {
                a.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
                a.getDialogPane().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
            }
        }
        return a;
    }
}
