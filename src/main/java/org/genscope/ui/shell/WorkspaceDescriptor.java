package org.genscope.ui.shell;

import java.util.Objects;
import java.util.function.Function;

/**
 * A workspace as the shell knows it: data, registered where the app starts ({@code GenscopeApp}), so the shell
 * never names a feature class. A workspace that is not built yet has no factory and shows as a disabled entry —
 * never as a fake screen.
 *
 * @param id          slug for file names, element ids and settings, e.g. {@code made}
 * @param title       sidebar and card title
 * @param family      the model family, under the title on the home page
 * @param description one paragraph for the home page card
 * @param modelKind   the {@code model} metadata of the files it opens (File ▸ Open trained model), or null
 * @param factory     builds its view (FX thread), or null if it is not built in this version
 */
public record WorkspaceDescriptor(String id, String title, String family, String description, String modelKind,
                                  Function<WorkspaceContext, WorkspaceView> factory) {
    public WorkspaceDescriptor {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
    }

    /** A workspace announced on the home page but not built in this version. */
    public static WorkspaceDescriptor planned(String id, String title, String family, String description) {
        return new WorkspaceDescriptor(id, title, family, description, null, null);
    }

    /** Whether it can be opened in this version. */
    public boolean available() {
        return factory != null;
    }

    /** Whether File ▸ Open trained model routes files of {@code kind} here. */
    public boolean opens(String kind) {
        return available() && modelKind != null && modelKind.equals(kind);
    }
}
