package org.genscope.session;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genscope.Genscope;
import org.genscope.Quoted;
import org.genscope.data.DataOrigin;
import org.genscope.data.ImageFolder;

/**
 * The {@code manifest.json} of a session archive, written and read with jackson-core's streaming API (already the
 * parser of safetensors headers), its schema checked field by field:
 *
 * <pre>
 * {"format": "genscope-session", "version": 1, "genscope": "0.1.0", "selected": "made",
 *  "workspaces": [{"id": "made", "settings": {"data": "moons", …, "tab": "Training"},
 *                  "data": {"kind": "built-in" | "file", "path": "/abs/file.csv" | "painted", "entry": "data/…"
 *                           | "folder", "path": "/abs/pictures", "size": 28, "invert": false, "binarize": false},
 *                  "model": "models/made.safetensors"}]}          ← "model" only when there is one
 * </pre>
 */
final class SessionManifest {
    static final String FORMAT = "genscope-session";
    static final int VERSION = 1;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(100_000).build())
            .build();

    /** One workspace as the manifest lists it: entries are archive names, still to be looked up. */
    record Workspace(String id, Map<String, String> settings, DataChoice.Kind kind, DataOrigin opened,
                     String paintedEntry, String modelEntry) {}

    record Parsed(String selected, List<Workspace> workspaces) {}

    private SessionManifest() {}

    static byte[] toBytes(Session s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("genscope", Genscope.version());
            g.writeStringField("selected", s.selected());
            g.writeArrayFieldStart("workspaces");
            for (WorkspaceState w : s.workspaces()) {
                g.writeStartObject();
                g.writeStringField("id", w.id());
                g.writeObjectFieldStart("settings");
                for (var e : w.settings().entrySet()) g.writeStringField(e.getKey(), e.getValue());
                g.writeEndObject();
                g.writeObjectFieldStart("data");
                switch (w.data().kind()) {
                    case BUILT_IN -> g.writeStringField("kind", "built-in");
                    case FILE -> {
                        ImageFolder.Options folder = w.data().origin().folder();
                        g.writeStringField("kind", folder == null ? "file" : "folder");
                        g.writeStringField("path", w.data().file().toString());
                        if (folder != null) {
                            g.writeNumberField("size", folder.size());
                            g.writeBooleanField("invert", folder.invert());
                            g.writeBooleanField("binarize", folder.binarize());
                        }
                    }
                    case PAINTED -> {
                        g.writeStringField("kind", "painted");
                        g.writeStringField("entry", w.paintedEntry());
                    }
                }
                g.writeEndObject();
                if (w.model() != null) g.writeStringField("model", w.modelEntry());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);                       // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    /** Parses and checks the manifest; {@code file} is the session, for the messages. */
    static Parsed parse(byte[] json, Path file) throws SessionException {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw bad(file, "it is not a JSON object");
            String format = null;
            Integer version = null;
            String selected = "home";
            List<Workspace> workspaces = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "format" -> format = text(p, field, file);
                    case "version" -> {
                        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) throw bad(file, "version is not a whole number");
                        version = p.getIntValue();
                    }
                    case "genscope" -> text(p, field, file);
                    case "selected" -> selected = id(text(p, field, file), file);
                    case "workspaces" -> workspaces = workspaces(p, file);
                    default -> throw bad(file, "it has an unknown field " + Quoted.of(field));
                }
            }
            if (p.nextToken() != null) throw bad(file, "there is more after its JSON object");
            if (!FORMAT.equals(format)) throw new SessionException(file, "it is not a Genscope session (its manifest has no \"format\": \"" + FORMAT + "\")");
            if (version == null) throw bad(file, "it has no version");
            if (version > VERSION) throw new SessionException(file, "it was written by a newer Genscope (session version " + version + "; this one reads " + VERSION + ")");
            if (version < 1) throw bad(file, "version " + version + " is not a session version");
            if (workspaces == null) throw bad(file, "it lists no workspaces");
            return new Parsed(selected, workspaces);
        } catch (JsonProcessingException e) {
            String why = String.valueOf(e.getOriginalMessage()).replaceAll(",? from `[^`]*`", "");
            throw bad(file, "it is not valid JSON (" + (why.length() > 100 ? why.substring(0, 100) + "…" : why) + ")");
        } catch (SessionException e) {
            throw e;
        } catch (IOException e) {
            throw bad(file, "it is not valid JSON (" + e.getMessage() + ")");
        }
    }

    private static List<Workspace> workspaces(JsonParser p, Path file) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) throw bad(file, "workspaces is not a list");
        List<Workspace> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) out.add(workspace(p, file));
        if (p.currentToken() != JsonToken.END_ARRAY) throw bad(file, "workspaces must hold objects");
        return out;
    }

    private static Workspace workspace(JsonParser p, Path file) throws IOException {
        String id = null;
        Map<String, String> settings = new LinkedHashMap<>();
        String[] data = null;
        String model = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> id = id(text(p, field, file), file);
                case "settings" -> strings(p, settings, "settings", file);
                case "data" -> data = data(p, file);
                case "model" -> model = text(p, field, file);
                default -> throw bad(file, "a workspace has an unknown field " + Quoted.of(field));
            }
        }
        if (id == null) throw bad(file, "a workspace has no id");
        if (data == null) throw bad(file, "workspace '" + id + "' has no data choice");
        boolean folder = "folder".equals(data[0]);
        DataChoice.Kind kind = switch (data[0]) {
            case "built-in" -> DataChoice.Kind.BUILT_IN;
            case "file", "folder" -> DataChoice.Kind.FILE;
            case "painted" -> DataChoice.Kind.PAINTED;
            default -> throw bad(file, "workspace '" + id + "' has data of kind " + Quoted.of(data[0])
                    + " (built-in, file, folder or painted)");
        };
        if (!folder && (data[3] != null || data[4] != null || data[5] != null)) {
            throw bad(file, "workspace '" + id + "' says how to read pictures, but its data is no image folder");
        }
        DataOrigin opened = null;
        if (kind == DataChoice.Kind.FILE) {
            String what = folder ? "image folder" : "data file";
            if (data[1] == null) throw bad(file, "workspace '" + id + "' names no " + what);
            Path path;
            try {
                path = Path.of(data[1]);
            } catch (InvalidPathException e) {
                throw bad(file, "workspace '" + id + "' names the " + what + " " + Quoted.of(data[1]) + ", which is no path here");
            }
            if (!folder) {
                opened = DataOrigin.file(path);
            } else {
                if (data[3] == null) throw bad(file, "workspace '" + id + "' has an image folder but no picture size");
                try {
                    opened = DataOrigin.folder(path, new ImageFolder.Options(Integer.parseInt(data[3]),
                            Boolean.parseBoolean(data[4]), Boolean.parseBoolean(data[5])));
                } catch (IllegalArgumentException e) {
                    throw bad(file, "workspace '" + id + "': " + e.getMessage());
                }
            }
        }
        if (kind == DataChoice.Kind.PAINTED && data[2] == null) throw bad(file, "workspace '" + id + "' has painted data but no entry for it");
        if (kind != DataChoice.Kind.PAINTED && data[2] != null) throw bad(file, "workspace '" + id + "' has an entry for data that is not painted");
        return new Workspace(id, settings, kind, opened, data[2], model);
    }

    /** {kind, path, entry} of a data object. */
    private static String[] data(JsonParser p, Path file) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) throw bad(file, "a data choice is not an object");
        String[] out = new String[6];                        // kind, path, entry, size, invert, binarize
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "kind" -> out[0] = text(p, field, file);
                case "path" -> out[1] = text(p, field, file);
                case "entry" -> out[2] = text(p, field, file);
                case "size" -> {
                    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) throw bad(file, "\"size\" is not a whole number");
                    out[3] = p.getText();
                }
                case "invert", "binarize" -> {
                    if (!p.currentToken().isBoolean()) throw bad(file, Quoted.of(field) + " is not true or false");
                    out[field.equals("invert") ? 4 : 5] = p.getText();
                }
                default -> throw bad(file, "a data choice has an unknown field " + Quoted.of(field));
            }
        }
        if (out[0] == null) throw bad(file, "a data choice has no kind");
        return out;
    }

    private static void strings(JsonParser p, Map<String, String> out, String what, Path file) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) throw bad(file, what + " is not an object");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            if (!WorkspaceState.KEY.matcher(key).matches()) throw bad(file, "setting name " + Quoted.of(key) + " is not a-z, 0-9, -");
            p.nextToken();
            String value = text(p, key, file);
            if (value.length() > WorkspaceState.MAX_VALUE) throw bad(file, "setting '" + key + "' is too long");
            out.put(key, value);
        }
    }

    private static String text(JsonParser p, String field, Path file) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) throw bad(file, Quoted.of(field) + " is not a string");
        return p.getText();
    }

    private static String id(String id, Path file) throws SessionException {
        if (!WorkspaceState.ID.matcher(id).matches()) throw bad(file, "workspace id " + Quoted.of(id) + " is not a-z, 0-9, -");
        return id;
    }

    private static SessionException bad(Path file, String problem) {
        return new SessionException(file, "its manifest.json is damaged: " + problem);
    }
}
