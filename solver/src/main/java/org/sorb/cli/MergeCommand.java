package org.sorb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sorb.io.MergeRefusedException;
import org.sorb.io.SweepMerger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sorb merge OUT.h5 SHARD...}: joins the shard files of one sweep into the file the unsharded run writes
 * (designs in design order), refusing files of other sweeps and missing or duplicated designs.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Join the shard files of one sweep (sorb run --shard) into one sweep file, designs in order.")
final class MergeCommand implements Callable<Integer> {
    @ParentCommand
    private SorbCli cli;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT.h5", description = "The merged file (replaced when it exists).")
    private Path output;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "SHARD.h5", description = "The shard files, any order.")
    private List<Path> shards = new ArrayList<>();

    @Option(names = "--no-clobber", description = "Refuse (exit 2) when OUT.h5 exists.")
    private boolean noClobber;

    @Override
    public Integer call() {
        return Failures.guard(spec, this::run);
    }

    private int run() throws Exception {
        Path target = OutputTarget.resolve(cli.workingDir(), output, null);
        if (noClobber && target.toFile().exists()) {
            throw new UsageException("--no-clobber: " + target + " exists (remove it or choose another name)");
        }
        List<Path> inputs = new ArrayList<>();
        for (Path p : shards) {
            Path file = cli.workingDir().resolve(p).normalize();
            if (file.equals(target)) {
                throw new UsageException("OUT.h5 " + target + " is also one of the shard files; name a new file");
            }
            if (!file.toFile().isFile()) {
                throw new UsageException("shard file not found: " + file);
            }
            inputs.add(file);
        }
        SweepMerger.Merged merged;
        try {
            merged = SweepMerger.merge(inputs, target, new SweepMerger.Plan(null, "1/1", true));
        } catch (MergeRefusedException e) {
            throw new UsageException("cannot merge: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + target);
        out.println("merged " + inputs.size() + " files: " + merged.designs() + " designs"
                + (merged.failed() > 0 ? ", " + merged.failed() + " of them failed" : ""));
        out.flush();
        return 0;
    }
}
