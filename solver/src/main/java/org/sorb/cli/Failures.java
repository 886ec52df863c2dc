package org.sorb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import org.sorb.cases.CaseException;
import org.sorb.model.InvalidModelException;
import org.sorb.numerics.SolverException;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs a command body and turns its exceptions into one {@code error: } line on stderr and an exit status.
 *
 * <p>With {@code --debug} (or the environment variable {@code SORB_DEBUG} set to anything but empty or 0) the
 * stack trace follows the line.
 */
final class Failures {
    /** What an internal error adds to its line. */
    static final String DEBUG_HINT = " (run with --debug for the stack trace)";

    private Failures() {
    }

    /** Exit status of {@code body}, or 2 for bad input and 1 for runtime failures, with the message on stderr. */
    static int guard(CommandSpec spec, Callable<Integer> body) {
        PrintWriter err = spec.commandLine().getErr();
        boolean debug = debug(spec);
        try {
            return body.call();
        } catch (CaseException | InvalidModelException | UsageException e) {
            return report(err, e.getMessage(), e, debug, ExitCode.USAGE);
        } catch (RunFailure | BackendUnavailableException e) {
            return report(err, e.getMessage(), e, debug, ExitCode.SOFTWARE);
        } catch (IOException e) {
            return report(err, describe(e), e, debug, ExitCode.SOFTWARE);
        } catch (Exception e) {
            return report(err, "internal error: " + describe(e) + (debug ? "" : DEBUG_HINT), e, debug,
                    ExitCode.SOFTWARE);
        } catch (OutOfMemoryError e) {
            return report(err, "out of memory (" + e.getMessage() + "); give Java more with "
                    + "JAVA_TOOL_OPTIONS=-Xmx<size> or make the case smaller", e, debug, ExitCode.SOFTWARE);
        } catch (Error e) {
            return report(err, "internal error: " + describe(e) + (debug ? "" : DEBUG_HINT), e, debug,
                    ExitCode.SOFTWARE);
        }
    }

    /** True when {@code --debug} was given to the command or {@code SORB_DEBUG} is set. */
    static boolean debug(CommandSpec spec) {
        String env = System.getenv("SORB_DEBUG");
        boolean fromEnv = env != null && !env.isEmpty() && !env.equals("0");
        return fromEnv || (spec.root().userObject() instanceof SorbCli cli && cli.debug());
    }

    /**
     * One line for any exception, naming the file for the file-system ones whose message is only a path; a solver's
     * message as it is (it says what stopped the run, and where).
     */
    static String describe(Throwable e) {
        if (e instanceof SolverException && e.getMessage() != null) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or directory: " + n.getFile() + (n.getReason() == null ? "" : " (" + n.getReason() + ")");
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        String m = e.getMessage();
        if (e instanceof IOException) {
            return m == null ? e.getClass().getSimpleName() : m;
        }
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** Prints {@code error: message}, then the stack trace of {@code cause} when debugging; returns {@code status}. */
    static int report(PrintWriter err, String message, Throwable cause, boolean debug, int status) {
        err.println("error: " + message);
        if (debug) {
            cause.printStackTrace(err);
        }
        err.flush();
        return status;
    }
}
