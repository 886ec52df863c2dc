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

/** Runs a command body and turns its exceptions into one {@code error: } line on stderr and an exit status. */
final class Failures {
    private Failures() {
    }

    /** Exit status of {@code body}, or 2 for bad input and 1 for runtime failures, with the message on {@code err}. */
    static int guard(PrintWriter err, Callable<Integer> body) {
        try {
            return body.call();
        } catch (CaseException | InvalidModelException | UsageException e) {
            return report(err, e.getMessage(), ExitCode.USAGE);
        } catch (RunFailure | BackendUnavailableException e) {
            return report(err, e.getMessage(), ExitCode.SOFTWARE);
        } catch (IOException e) {
            return report(err, describe(e), ExitCode.SOFTWARE);
        } catch (Exception e) {
            if (System.getenv("SORB_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return report(err, "internal error: " + describe(e)
                    + " (set SORB_DEBUG=1 for the stack trace)", ExitCode.SOFTWARE);
        }
    }

    /**
     * One line for any exception, naming the file for the file-system ones whose message is only a path; a solver's
     * message as it is (it says what stopped the run, and where).
     */
    static String describe(Exception e) {
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

    private static int report(PrintWriter err, String message, int status) {
        err.println("error: " + message);
        err.flush();
        return status;
    }
}
