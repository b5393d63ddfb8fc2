package org.genscope.session;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.genscope.Quoted;
import org.genscope.data.DataSplits;
import org.genscope.io.AtomicFile;
import org.genscope.io.ModelFile;
import org.genscope.io.ModelFileException;

/**
 * A session file: a zip archive of {@code manifest.json} ({@link SessionManifest}), {@code models/ID.safetensors}
 * (each workspace's trained model, as its model file) and {@code data/ID-painted.safetensors} (painted points,
 * {@link PaintedPoints}). Written atomically ({@link AtomicFile}); read into memory only, entry by entry, never
 * extracted: names outside that list ({@code ../x}, {@code /etc/x}, folders) are refused, and so are entries larger
 * than {@link Limits#entryBytes}, archives that inflate past {@link Limits#totalBytes} (zip bombs), damaged JSON,
 * entries the manifest names but the archive lacks, and tensors holding NaN or infinity.
 */
public final class SessionArchive {
    /** Caps on what reading may inflate: each entry, all of them together, and how many entries. */
    public record Limits(long entryBytes, long totalBytes, int entries) {
        /** 256 MiB an entry, 1 GiB in all, 64 entries: far above a session of the app's models (a few MB each). */
        public static final Limits DEFAULT = new Limits(256L << 20, 1L << 30, 64);
    }

    static final String MANIFEST = "manifest.json";
    private static final long MAX_MANIFEST_BYTES = 1 << 20;
    private static final Pattern ENTRY = Pattern.compile("manifest\\.json|models/[a-z][a-z0-9-]{0,31}\\.safetensors"
            + "|data/[a-z][a-z0-9-]{0,31}-painted\\.safetensors");

    private SessionArchive() {}

    /** Saves {@code session} to {@code target} all at once: a failure midway leaves any previous file as it was. */
    public static void write(Path target, Session session) throws IOException {
        AtomicFile.write(target, ch -> {
            try (ZipOutputStream zip = new ZipOutputStream(keepOpen(Channels.newOutputStream(ch)))) {
                put(zip, MANIFEST, SessionManifest.toBytes(session));
                for (WorkspaceState w : session.workspaces()) {
                    if (w.model() != null) put(zip, w.modelEntry(), ModelFile.toBytes(w.model().tensors(), w.model().metadata()));
                    if (w.data().kind() == DataChoice.Kind.PAINTED) put(zip, w.paintedEntry(), PaintedPoints.toBytes(w.data().painted()));
                }
            }
        });
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** The channel's stream without its close: {@link AtomicFile} still flushes the channel to disk and closes it. */
    private static OutputStream keepOpen(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    public static Session read(Path file) throws IOException {
        return read(file, Limits.DEFAULT);
    }

    /** Reads and checks a whole session file; fails with a {@link SessionException} naming it and the problem. */
    public static Session read(Path file, Limits limits) throws IOException {
        Map<String, byte[]> entries = entries(file, limits);
        byte[] manifest = entries.get(MANIFEST);
        if (manifest == null) throw new SessionException(file, "it is not a Genscope session (it has no manifest.json)");
        SessionManifest.Parsed parsed = SessionManifest.parse(manifest, file);
        List<WorkspaceState> workspaces = new ArrayList<>();
        for (SessionManifest.Workspace w : parsed.workspaces()) {
            ModelFile model = w.modelEntry() == null ? null : tensors(file, entries, w.modelEntry(), "models/" + w.id() + ".safetensors");
            DataChoice data = switch (w.kind()) {
                case BUILT_IN -> DataChoice.builtIn();
                case FILE -> DataChoice.opened(w.opened());
                case PAINTED -> DataChoice.painted(painted(file, entries, w));
            };
            try {
                workspaces.add(new WorkspaceState(w.id(), w.settings(), data, model));
            } catch (IllegalArgumentException e) {
                throw new SessionException(file, e.getMessage());
            }
        }
        try {
            return new Session(parsed.selected(), workspaces);
        } catch (IllegalArgumentException e) {
            throw new SessionException(file, e.getMessage());
        }
    }

    private static DataSplits painted(Path file, Map<String, byte[]> entries, SessionManifest.Workspace w) throws SessionException {
        String entry = w.paintedEntry();
        ModelFile f = tensors(file, entries, entry, "data/" + w.id() + "-painted.safetensors");
        try {
            return PaintedPoints.read(f);
        } catch (ModelFileException e) {
            throw new SessionException(file, "its entry " + entry + " is damaged: " + e.problem());
        }
    }

    /** The safetensors entry {@code name}, which the manifest says must be {@code expected}; checked, finite. */
    private static ModelFile tensors(Path file, Map<String, byte[]> entries, String name, String expected) throws SessionException {
        if (!name.equals(expected)) {
            throw new SessionException(file, "its manifest names the entry " + Quoted.of(name) + " where " + expected + " belongs");
        }
        byte[] bytes = entries.get(name);
        if (bytes == null) throw new SessionException(file, "the entry " + name + " is missing (the archive is incomplete)");
        ModelFile f;
        try {
            f = ModelFile.parse(bytes, file.resolve(name));
        } catch (ModelFileException e) {
            throw new SessionException(file, "its entry " + name + " is damaged: " + e.problem());
        }
        Map<String, Long> bad = f.nonFinite();
        if (!bad.isEmpty()) {
            var first = bad.entrySet().iterator().next();
            throw new SessionException(file, String.format(Locale.ROOT, "its entry %s holds %,d NaN or infinite values in "
                    + "tensor %s%s; a model saved by Genscope never does", name, first.getValue(), Quoted.of(first.getKey()),
                    bad.size() > 1 ? " and " + (bad.size() - 1) + " more tensors" : ""));
        }
        return f;
    }

    /** Every entry of the archive in memory, each name and size checked before and while it inflates. */
    private static Map<String, byte[]> entries(Path file, Limits limits) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (outside(name)) {
                    throw new SessionException(file, "it holds an entry " + Quoted.of(name) + " that points outside the "
                            + "session (an absolute path or ../); it may be a malicious archive, so nothing was read");
                }
                if (!ENTRY.matcher(name).matches()) throw new SessionException(file, "it holds an unexpected entry " + Quoted.of(name));
                if (out.containsKey(name)) throw new SessionException(file, "it holds the entry " + name + " twice");
                if (out.size() == limits.entries()) throw new SessionException(file, "it holds more than " + limits.entries() + " entries");
                long cap = Math.min(name.equals(MANIFEST) ? MAX_MANIFEST_BYTES : limits.entryBytes(), limits.totalBytes() - total);
                byte[] bytes = inflate(zip, cap, file, name, limits);
                total += bytes.length;
                out.put(name, bytes);
            }
        } catch (ZipException e) {
            throw new SessionException(file, "it is not a readable zip archive (" + e.getMessage() + ")");
        } catch (NoSuchFileException e) {
            throw new SessionException(file, "there is no such file");
        }
        return out;
    }

    /** Names that could land outside a folder if extracted: absolute, a drive, backslashes, or a {@code ..} part. */
    static boolean outside(String name) {
        if (name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*")) return true;
        for (String part : name.split("/", -1)) if (part.equals("..")) return true;
        return false;
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%,d MB", bytes >> 20) : String.format(Locale.ROOT, "%,d bytes", bytes);
    }

    private static byte[] inflate(InputStream in, long cap, Path file, String name, Limits limits) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long n = 0;
        for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
            n += r;
            if (n > cap) {
                throw new SessionException(file, "its entry " + name + " inflates to more than " + size(cap) + " (limits: "
                        + size(limits.entryBytes()) + " an entry, " + size(limits.totalBytes()) + " in all); it may be a "
                        + "zip bomb, so it was not read");
            }
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }
}
