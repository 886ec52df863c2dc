package org.sorb.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sorb.numerics.RunBudget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sorb treat}: simulates an immunoadsorption treatment case (what {@code sorb run} does for one). */
@Command(name = "treat", mixinStandardHelpOptions = true,
        description = "Simulate an immunoadsorption treatment case (patient, circuit, columns) and write HDF5.")
final class TreatCommand implements Callable<Integer> {
    @ParentCommand
    private SorbCli cli;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CaseArguments caseArguments;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.h5",
            description = "Result file (default: the case name with .h5, in the working directory).")
    private Path output;

    @Mixin
    private WallBudgetOption wallBudget;

    @Mixin
    private BackendChoice backendChoice;

    @Override
    public Integer call() {
        return Failures.guard(spec, () -> {
            RunBudget budget = wallBudget.budget(System.nanoTime());
            if (!caseArguments.isTreatment(cli.workingDir())) {
                throw new UsageException("not a treatment case (no patient: section); use sorb run");
            }
            return TreatRunner.run(cli, caseArguments, output, budget, backendChoice, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        });
    }
}
