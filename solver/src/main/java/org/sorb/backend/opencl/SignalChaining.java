package org.sorb.backend.opencl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Whether HotSpot's signal-chaining library (libjsig) is loaded in this JVM, which OpenCL needs to be safe.
 *
 * <p>PoCL initialises LLVM, and LLVM installs its own handlers for SIGSEGV, SIGBUS, SIGILL, SIGUSR2 and others
 * with {@code SA_RESETHAND} over the JVM's (PoCL adds one for SIGFPE); compiling a kernel installs them again.
 * The JVM raises SIGSEGV on purpose (safepoint polls, implicit null checks): the first such signal runs LLVM's
 * handler, which puts the JVM's back, but a second one on another thread before that lands on the default
 * action, and the process dies with exit 139 and no {@code hs_err} file. With libjsig preloaded
 * ({@code LD_PRELOAD}, as the {@code ./sorb} launcher and the test configuration do), the JVM keeps its handlers
 * and calls the driver's for the signals that are not its own.
 */
public final class SignalChaining {
    /** The file name of the library on Linux. */
    public static final String LIBRARY = "libjsig.so";

    private SignalChaining() {
    }

    /** True when libjsig is mapped into this process (read from {@code /proc/self/maps}). */
    public static boolean active() {
        return mapsContain(Path.of("/proc/self/maps"));
    }

    /** Whether this platform needs the check at all: Linux, where the maps file tells. */
    public static boolean applies() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                && Files.isReadable(Path.of("/proc/self/maps"));
    }

    /** The library of this JVM, to preload: {@code java.home/lib/libjsig.so}. */
    public static Path library() {
        return Path.of(System.getProperty("java.home"), "lib", LIBRARY);
    }

    /**
     * Null when OpenCL is safe to use in this JVM; otherwise one sentence that says why not and what to do.
     */
    public static String problem() {
        if (!applies() || active()) {
            return null;
        }
        return "the JVM runs without signal chaining (" + LIBRARY + "), so an LLVM-based OpenCL driver such as "
                + "PoCL can replace its signal handlers and crash it; start Sorb with ./sorb, or set LD_PRELOAD="
                + library();
    }

    static boolean mapsContain(Path maps) {
        try (Stream<String> lines = Files.lines(maps)) {
            return lines.anyMatch(l -> l.endsWith("/" + LIBRARY));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
