package org.genscope.ui.train;

import java.util.Locale;
import javafx.scene.control.Label;
import org.genscope.train.JobState;
import org.genscope.train.Snapshot;

/**
 * The line under a workspace's training views, for the two states a user must not miss: a model shown as opened
 * (not trained here, with its validation NLL) and a run that failed (why, and what to do, in the danger colour).
 * Other states leave the line as the workspace set it.
 */
public final class RunNote {
    private RunNote() {}

    public static void update(Label note, Snapshot<?> s) {
        update(note, s, "NLL");
    }

    /** As {@link #update(Label, Snapshot)}, naming the validation loss {@code loss} (a VAE's is the −ELBO). */
    public static void update(Label note, Snapshot<?> s, String loss) {
        update(note, s, loss, "%.3f nats");
    }

    /** As above, the loss's value written with {@code valueFormat} (e.g. a WTA's "%.5f per pixel"). */
    public static void update(Label note, Snapshot<?> s, String loss, String valueFormat) {
        boolean failed = s.state() == JobState.FAILED && s.message() != null;
        note.getStyleClass().remove("error-text");
        if (failed) {
            note.getStyleClass().add("error-text");
            note.setText("Training stopped: " + s.message());
        } else if (s.step() == 0 && Double.isFinite(s.validationLoss())) {
            note.setText(String.format(Locale.ROOT, "The model as opened, not trained here: validation %s " + valueFormat
                    + " on this run's held-out data (the Compare view measures on its test set). Press Train (Ctrl+Enter) to train it further.", loss, s.validationLoss()));
        }
    }
}
