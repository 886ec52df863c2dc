package org.sorb.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The file a command writes ({@code -o}, or its default name), checked before any work starts.
 *
 * <p>The folder must exist and take a new file: a real write probe (a temporary file created and deleted there), since
 * permission bits say nothing for root and nothing about read-only or full file systems. An existing target must be
 * a regular file, as the result is renamed over it.
 */
final class OutputTarget {
    private static final String PROBE_PREFIX = ".sorb-write-probe-";

    private OutputTarget() {
    }

    /** {@code option} against {@code workingDir}, or {@code defaultPath} when it is null; checked. */
    static Path resolve(Path workingDir, Path option, Path defaultPath) throws UsageException {
        Path target = option != null ? workingDir.resolve(option).normalize() : defaultPath.normalize();
        check(target, option != null);
        return target;
    }

    /** A file name made from a case name: characters other than letters, digits, '.', '_', '-' become '_'. */
    static String fileName(String caseName, String extension) {
        return caseName.replaceAll("[^A-Za-z0-9._-]", "_") + extension;
    }

    /** Fails with a message naming {@code -o} when {@code target} cannot be written; {@code explicit}: given by -o. */
    static void check(Path target, boolean explicit) throws UsageException {
        String what = explicit ? "-o " + target : "output " + target + " (the default; choose another with -o)";
        if (Files.isDirectory(target)) {
            throw new UsageException(what + ": is a directory, expected a file name");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException(what + ": exists and is not a regular file (the result would replace it)");
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageException(what + ": the folder " + dir + " does not exist");
        }
        try {
            // a random name of its own rather than Files.createTempFile, whose SecureRandom costs a run's start ~20 ms
            Files.delete(Files.createFile(dir.resolve(PROBE_PREFIX + Long.toHexString(ThreadLocalRandom.current()
                    .nextLong()) + ".tmp")));
        } catch (IOException e) {
            throw new UsageException(what + ": cannot write in the folder " + dir + " (" + reason(e) + ")");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
