package org.sorb.cadet;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.sorb.cli.Backends;
import org.sorb.cli.SorbCli;
import picocli.CommandLine;

/** Runs the {@code sorb} command in-process for the CADET tests, and finds their test files. */
final class CadetCli {
    /** What one invocation produced. */
    record Outcome(int status, String out, String err) {
    }

    private CadetCli() {
    }

    static Outcome run(Path workingDir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SorbCli.commandLine(new SorbCli(workingDir, Backends.standard(), false));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }

    /** A file under the test resources' {@code cadet/} folder, e.g. {@code valid/v6-grm-linear.h5}. */
    static Path resource(String name) throws IOException {
        try {
            var url = CadetCli.class.getResource("/cadet/" + name);
            if (url == null) {
                throw new IOException("test resource cadet/" + name + " is missing");
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
