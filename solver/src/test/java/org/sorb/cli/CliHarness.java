package org.sorb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the CLI in-process with captured output and a chosen working directory. */
final class CliHarness {
    /** What one invocation produced. */
    record Outcome(int status, String out, String err) {
    }

    private CliHarness() {
    }

    static Outcome run(Path workingDir, Backends backends, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SorbCli.commandLine(new SorbCli(workingDir, backends, false), args);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }
}
