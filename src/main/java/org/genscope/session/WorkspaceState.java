package org.genscope.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.genscope.io.ModelFile;

/**
 * One workspace in a session: its id ({@code made}, {@code flows}, …), its settings as the key/value pairs lessons
 * use (applied in this order; {@code tab} is the selected tab), its data choice, and its trained model, or null.
 */
public record WorkspaceState(String id, Map<String, String> settings, DataChoice data, ModelFile model) {
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    static final int MAX_VALUE = 10_000;

    public WorkspaceState {
        Objects.requireNonNull(data);
        if (!ID.matcher(id).matches()) throw new IllegalArgumentException("workspace id '" + id + "' is not a-z, 0-9, -");
        for (var e : settings.entrySet()) {
            if (!KEY.matcher(e.getKey()).matches()) throw new IllegalArgumentException("setting name '" + e.getKey() + "' is not a-z, 0-9, -");
            if (e.getValue().length() > MAX_VALUE) throw new IllegalArgumentException("setting '" + e.getKey() + "' is too long");
        }
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** The archive entry of this workspace's model. */
    String modelEntry() {
        return "models/" + id + ".safetensors";
    }

    /** The archive entry of this workspace's painted points. */
    String paintedEntry() {
        return "data/" + id + "-painted.safetensors";
    }
}
