package org.sorb.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.sorb.cadet.CadetInput;
import org.sorb.cadet.Hdf5Signature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sorb convert}: writes the Sorb case YAML equivalent to a CADET input file; the YAML is checked by loading it
 * as {@code sorb validate} would before it is written.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Write the Sorb case (YAML) equivalent to a CADET input file (HDF5, /input); it validates and "
                + "runs to the same outlet as the CADET file itself.")
final class ConvertCommand implements Callable<Integer> {
    @ParentCommand
    private SorbCli cli;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.h5", description = "The CADET input file.")
    private Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "CASE.yaml",
            description = "Case file to write (default: the input's name with -sorb.yaml, in the working directory).")
    private Path output;

    @Override
    public Integer call() {
        return Failures.guard(spec, this::convert);
    }

    private int convert() throws Exception {
        Path file = cli.workingDir().resolve(input).normalize();
        if (!Files.isRegularFile(file)) {
            throw new UsageException("CADET input file not found: " + file);
        }
        if (!Hdf5Signature.isHdf5(file)) {
            throw new UsageException(file + " is not an HDF5 file (no HDF5 signature); convert reads CADET input "
                    + "files");
        }
        CadetInput cadet = CadetInput.read(file);
        String yaml = cadet.yaml();
        cadet.validated(file, java.util.List.of());
        Path target = OutputTarget.resolve(cli.workingDir(), output, cli.workingDir().resolve(
                OutputTarget.fileName((String) cadet.tree().get("name"), ".yaml")));
        if (target.equals(file)) {
            throw new UsageException("-o " + target + ": is the CADET input itself");
        }
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + target);
        out.flush();
        return 0;
    }
}
