package org.genscope.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an opened dataset came from: a data file (IDX, CSV, NPY), or a folder of pictures and how it was read
 * ({@link ImageFolder.Options}) — what a command line needs to read the same examples again.
 *
 * @param path   the file or folder
 * @param folder how the folder's pictures were read, or null for a data file
 */
public record DataOrigin(Path path, ImageFolder.Options folder) {
    public DataOrigin {
        Objects.requireNonNull(path);
    }

    public static DataOrigin file(Path file) {
        return new DataOrigin(file, null);
    }

    public static DataOrigin folder(Path folder, ImageFolder.Options options) {
        return new DataOrigin(folder, Objects.requireNonNull(options));
    }

    /** The file or folder's own name, for messages. */
    public String name() {
        return path.getFileName().toString();
    }
}
