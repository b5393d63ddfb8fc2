package org.genscope.ui.train;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.genscope.compare.Entry;

/**
 * Every model trained or opened in this run of the app, as the workspaces published them (their run lifecycles, when
 * a run pauses or ends and when a model file is shown): the Compare view's rows. A run that trains on and pauses
 * again replaces its earlier entry (same {@link Entry#key}). FX thread only.
 */
public final class SessionModels {
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<Entry> readOnly = FXCollections.unmodifiableObservableList(entries);

    /** The entries in the order their runs first published. */
    public ObservableList<Entry> entries() {
        return readOnly;
    }

    /** Adds {@code e}, or replaces the entry of the same run. */
    public void publish(Entry e) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).key().equals(e.key())) {
                entries.set(i, e);
                return;
            }
        }
        entries.add(e);
    }
}
