package org.sorb.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The Sorb version, as stamped into {@code org/sorb/version.properties} by the Maven build. */
public final class SorbVersion {
    private static final String RESOURCE = "/org/sorb/version.properties";
    private static final String VERSION = load();

    private SorbVersion() {
    }

    /** The version string, e.g. {@code 0.1.0}, or {@code unknown} when run outside a Maven build. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = SorbVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown").trim();
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
