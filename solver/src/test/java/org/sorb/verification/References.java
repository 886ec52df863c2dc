package org.sorb.verification;

import java.nio.file.Path;
import org.sorb.io.CadetReference;

/** Locates CADET's verification files in {@code <repo>/../shared/reference}. */
public final class References {
    private References() {
    }

    /** The shared reference folder beside the repository. */
    public static Path folder() {
        String root = System.getProperty("sorb.repoRoot", ".");
        return Path.of(root).toAbsolutePath().normalize().resolveSibling("shared").resolve("reference");
    }

    /** Loads a reference file by name; fails with a clear message when the shared folder is absent. */
    public static CadetReference load(String name) {
        return CadetReference.read(folder().resolve(name));
    }
}
