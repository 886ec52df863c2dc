package org.sorb.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.sorb.cases.LoadedCase;
import org.sorb.cases.LoadedSweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sorb validate}: reads and checks a case and prints what it describes. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Read and check a case file; print a short summary. Exit 0 when valid, 2 when not.")
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    private SorbCli cli;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CaseArguments caseArguments;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return Failures.guard(spec, () -> {
            if (caseArguments.isTreatment(cli.workingDir())) {
                var t = caseArguments.loadTreatment(cli.workingDir()).model();
                out.println("case:        " + t.name() + " (treatment)");
                out.println("patient:     " + t.species() + " species, plasma volume "
                        + String.format(java.util.Locale.ROOT, "%.3f L", t.patient().plasmaVolume() * 1e3));
                out.println("columns:     " + t.operation().columns() + " x " + t.adsorber().loading().column().model()
                        .key() + ", binding " + t.adsorber().loading().binding().key());
                out.println("valid");
                out.flush();
                return 0;
            }
            if (caseArguments.isSweep(cli.workingDir())) {
                LoadedSweep sweep = caseArguments.loadSweep(cli.workingDir());
                CaseSummary.lines(sweep.base()).forEach(out::println);
                out.println(CaseSummary.sweepLine(sweep));
            } else {
                LoadedCase loaded = caseArguments.load(cli.workingDir());
                CaseSummary.lines(loaded).forEach(out::println);
            }
            out.println("valid");
            out.flush();
            return 0;
        });
    }
}
