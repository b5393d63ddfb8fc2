package org.genscope;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Product-wide facts: name and version (filtered in from the Maven build). */
public final class Genscope {
    public static final String NAME = "Genscope";

    private static final String VERSION = loadVersion();

    private Genscope() {}

    public static String version() {
        return VERSION;
    }

    private static String loadVersion() {
        try (InputStream in = Genscope.class.getResourceAsStream("genscope.properties")) {
            if (in == null) return "dev";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
