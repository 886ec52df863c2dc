package org.sorb.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sorb devices}: lists the backends of this build, whether each can run here, and its devices. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List the backends and the devices they can use on this machine.")
final class DevicesCommand implements Callable<Integer> {
    @ParentCommand
    private SorbCli cli;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return Failures.guard(spec, () -> {
            String auto = null;
            for (BackendProvider p : cli.backends().providers()) {
                String reason = p.unavailableReason();
                out.println(p.name() + ": " + (reason == null ? "available" : "unavailable: " + reason));
                for (String device : p.devices()) {
                    out.println("  " + device);
                }
                if (auto == null && reason == null) {
                    auto = p.name();
                }
            }
            out.println("--backend auto uses: " + (auto == null ? "none (no backend can run here)" : auto));
            out.flush();
            return 0;
        });
    }
}
