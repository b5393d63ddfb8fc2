package org.genscope.session;

import java.io.IOException;
import java.nio.file.Path;

/** A session file that cannot be opened: the message names the file and says what is wrong, in a user's words. */
public final class SessionException extends IOException {
    private static final long serialVersionUID = 1L;

    public SessionException(Path file, String problem) {
        super(file.getFileName() + " cannot be opened as a session: " + problem);
    }
}
