package org.genscope.ui.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * User settings remembered between runs (theme, presenter mode, last folders), as a small properties file:
 * {@code $XDG_CONFIG_HOME/genscope/settings.properties} (default {@code ~/.config/...}), or the path in the system
 * property {@code genscope.settings}. Saves are atomic (temp file + rename); a missing or unreadable file simply
 * means defaults.
 */
public final class Settings {
    private final Path file;
    private final Properties props = new Properties();

    private Settings(Path file) {
        this.file = file;
    }

    /** Loads the settings from the default location (defaults if the file is missing or unreadable). */
    public static Settings load() {
        return load(defaultPath());
    }

    public static Settings load(Path file) {
        Settings s = new Settings(file);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                s.props.load(r);
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("genscope: ignoring unreadable settings " + file + ": " + e.getMessage());
                s.props.clear();
            }
        }
        return s;
    }

    public static Path defaultPath() {
        String override = System.getProperty("genscope.settings");
        if (override != null && !override.isBlank()) return Path.of(override);
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("genscope").resolve("settings.properties");
    }

    public Path file() {
        return file;
    }

    public String get(String key, String fallback) {
        return props.getProperty(key, fallback);
    }

    public boolean getBoolean(String key, boolean fallback) {
        String v = props.getProperty(key);
        return v == null ? fallback : Boolean.parseBoolean(v);
    }

    public <E extends Enum<E>> E getEnum(String key, Class<E> type, E fallback) {
        String v = props.getProperty(key);
        if (v == null) return fallback;
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    public void put(String key, Object value) {
        props.setProperty(key, String.valueOf(value));
    }

    /** Writes the settings atomically. Failure is reported to stderr and otherwise ignored: settings are a comfort. */
    public void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "settings", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                props.store(w, "Genscope settings");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("genscope: could not save settings to " + file + ": " + e.getMessage());
        }
    }
}
