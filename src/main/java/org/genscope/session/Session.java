package org.genscope.session;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A saved session: the workspaces that were open, in the order they were opened, and the one on screen
 * ({@code home} or a workspace id).
 */
public record Session(String selected, List<WorkspaceState> workspaces) {
    public Session {
        workspaces = List.copyOf(workspaces);
        if (!WorkspaceState.ID.matcher(selected).matches()) throw new IllegalArgumentException("selected '" + selected + "' is not an id");
        Set<String> ids = new HashSet<>();
        for (WorkspaceState w : workspaces) {
            if (!ids.add(w.id())) throw new IllegalArgumentException("workspace '" + w.id() + "' is in the session twice");
        }
    }
}
