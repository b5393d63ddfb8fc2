package org.genscope.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.genscope.Quoted;
import org.genscope.data.DataFiles;
import org.genscope.data.DataFormatException;
import org.genscope.io.ModelFileException;

/**
 * The files a command writes and the model files it reads, with failures said in one line that names the file:
 * an output is checked before any work starts (so a long training run is never lost to a typo in {@code --out}),
 * and a write or read that fails anyway is described without Java's exception text or temporary file names.
 */
final class CliFiles {
    /** Reads a model file. */
    interface Loader<T> {
        T load(Path file) throws IOException;
    }

    /** Writes one file. */
    interface Writer {
        void write(Path file) throws IOException;
    }

    private CliFiles() {}

    /**
     * The path {@code name} given with {@code --option}, once it is clear a file can be written there: it is not a
     * folder, its folder exists, and nothing forbids writing it. Fails with exit code 1 otherwise, suggesting
     * {@code example} inside the folder when a folder was given.
     */
    static Path output(String name, String option, String example) throws CliException {
        Path p = path(name, "--" + option);
        if (Files.isDirectory(p)) {
            throw new CliException("--" + option + " " + name + " is a folder; give a file name, e.g. " + p.resolve(example));
        }
        Path folder = p.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new CliException("cannot write " + name + ": the folder " + folder + " does not exist");
        }
        if (folder != null && !Files.isWritable(folder)) {
            throw new CliException("cannot write " + name + ": no permission to write in " + folder);
        }
        if (Files.exists(p) && !Files.isWritable(p)) throw new CliException("cannot write " + name + ": no permission to replace it");
        return p;
    }

    /** Runs {@code writer} on {@code target}; a failure becomes one line naming the file and the reason. */
    static void write(Path target, Writer writer) throws CliException {
        try {
            writer.write(target);
        } catch (IOException e) {
            throw new CliException("cannot write " + target + ": " + reason(e));
        }
    }

    /**
     * The model in {@code name}, read by {@code loader}; a missing file, a folder, a data file given where a model
     * belongs and a corrupt model file each fail with one line naming the file.
     */
    static <T> T model(String name, Loader<T> loader) throws CliException {
        Path p = path(name, "the model file");
        if (Files.isDirectory(p)) throw new CliException(name + ": is a folder, not a model file");
        if (!Files.exists(p)) throw new CliException(name + ": no such file");
        try {
            return loader.load(p);
        } catch (ModelFileException e) {
            String data = dataFormat(p);
            if (data != null) throw new CliException(name + ": a data file (" + data + "), not a model file; give data with --data");
            throw new CliException(e.getMessage().replace('\n', ' '));
        } catch (IOException e) {
            throw new CliException(name + ": cannot read it: " + reason(e));
        }
    }

    /** The data format of a file given where a model belongs (IDX, NPY, CSV), or null when it is not one. */
    private static String dataFormat(Path p) {
        try {
            return DataFiles.detect(p).toString();
        } catch (DataFormatException e) {
            return null;
        }
    }

    private static Path path(String name, String what) throws CliException {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new CliException(what + ": " + Quoted.of(name) + " is not a valid file name");
        }
    }

    /** What went wrong, in words: no Java class names, no temporary file names. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "the file or its folder does not exist";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        String m = e.getMessage();
        return m == null ? "input/output error" : m.replace('\n', ' ');
    }
}
