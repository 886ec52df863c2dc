package org.sorb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sorb.cases.LoadedSweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sorb slurm SWEEP.yaml --shards N}: writes an sbatch job array (one shard per task), a merge job and a
 * script that submits both, the merge depending on the array ({@code afterok}).
 */
@Command(name = "slurm", mixinStandardHelpOptions = true,
        description = "Write Slurm scripts that run a sweep as a job array of N shards and merge them: "
                + "<name>.array.sh, <name>.merge.sh and <name>.submit.sh (run the last to submit).")
final class SlurmCommand implements Callable<Integer> {
    /** Environment variable the ./sorb launcher sets to its own path. */
    static final String LAUNCHER_ENV = "SORB_LAUNCHER";

    @ParentCommand
    private SorbCli cli;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CaseArguments caseArguments;

    @Option(names = "--shards", required = true, paramLabel = "N", description = "Array tasks (shards), 1 to the designs.")
    private int shards;

    @Option(names = "--partition", paramLabel = "P", description = "Slurm partition (default: the cluster's).")
    private String partition;

    @Option(names = "--time", paramLabel = "T", description = "Time limit per task, as sbatch takes it (e.g. 2:00:00).")
    private String time;

    @Option(names = "--gpus-per-task", paramLabel = "G", description = "GPUs per task (for --backend opencl or auto).")
    private Integer gpus;

    @Option(names = "--cpus-per-task", paramLabel = "C", description = "CPUs per task (Java threads per shard).")
    private Integer cpus;

    @Option(names = "--output-dir", paramLabel = "D",
            description = "Folder for the scripts, shard files, Slurm logs and merged result (default: here).")
    private Path outputDir;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = Backends.AUTO,
            description = "Backend of each shard's run (default: ${DEFAULT-VALUE}).")
    private String backend;

    @Option(names = "--launcher", paramLabel = "PATH",
            description = "The sorb launcher the jobs run (default: this ./sorb, from " + LAUNCHER_ENV + ").")
    private Path launcher;

    @Override
    public Integer call() {
        return Failures.guard(spec, this::run);
    }

    private int run() throws Exception {
        cli.backends().requireChoice(backend);
        if (!caseArguments.isSweep(cli.workingDir())) {
            throw new UsageException("sorb slurm: the case has no sweep: section, so there is nothing to split");
        }
        LoadedSweep sweep = caseArguments.loadSweep(cli.workingDir());
        if (shards < 1 || shards > sweep.size()) {
            throw new UsageException("--shards " + shards + ": expected 1 to " + sweep.size()
                    + " (the sweep's designs)");
        }
        positive("--gpus-per-task", gpus);
        positive("--cpus-per-task", cpus);
        Path folder = outputDir == null ? cli.workingDir() : cli.workingDir().resolve(outputDir).normalize();
        if (!Files.isDirectory(folder)) {
            throw new UsageException("--output-dir " + folder + ": not a folder");
        }
        if (folder.toString().chars().anyMatch(Character::isWhitespace)) {
            throw new UsageException("--output-dir " + folder + ": expected a path without spaces (#SBATCH lines "
                    + "cannot quote them)");
        }
        SlurmScripts scripts = new SlurmScripts(launcherPath(), caseArguments.file(cli.workingDir()).toString(),
                OutputTarget.fileName(sweep.base().model().name(), ""), folder.toString(), shards, sbatchOptions(),
                runArguments());
        write(folder, scripts.arrayName(), scripts.array());
        write(folder, scripts.mergeName(), scripts.merge());
        write(folder, scripts.submitName(), scripts.submit());
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + folder.resolve(scripts.arrayName()) + " (" + shards + " tasks, " + sweep.size()
                + " designs), " + scripts.mergeName() + " and " + scripts.submitName());
        out.println("submit: " + folder.resolve(scripts.submitName()) + "   (or: jobid=$(sbatch --parsable "
                + scripts.arrayName() + ") && sbatch --dependency=afterok:$jobid " + scripts.mergeName() + ")");
        out.println("result: " + folder.resolve(scripts.mergedName()));
        out.flush();
        return 0;
    }

    private List<String> sbatchOptions() throws UsageException {
        List<String> o = new ArrayList<>();
        if (partition != null) {
            o.add("--partition=" + partition);
        }
        if (time != null) {
            o.add("--time=" + time);
        }
        if (gpus != null) {
            o.add("--gpus-per-task=" + gpus);
        }
        if (cpus != null) {
            o.add("--cpus-per-task=" + cpus);
        }
        for (String s : o) {
            if (s.chars().anyMatch(Character::isWhitespace)) {
                throw new UsageException(s + ": expected a value without spaces");
            }
        }
        return o;
    }

    private List<String> runArguments() {
        List<String> a = new ArrayList<>(List.of("--backend", backend));
        for (String s : caseArguments.overrides()) {
            a.add("--set");
            a.add(s);
        }
        return a;
    }

    private String launcherPath() throws UsageException {
        Path p = launcher;
        if (p == null) {
            String env = System.getenv(LAUNCHER_ENV);
            if (env == null || env.isBlank()) {
                throw new UsageException("--launcher: not given and " + LAUNCHER_ENV + " is unset (run this command "
                        + "through ./sorb, or name the launcher the jobs should run)");
            }
            p = Path.of(env);
        }
        Path abs = cli.workingDir().resolve(p).toAbsolutePath().normalize();
        if (!Files.isExecutable(abs)) {
            throw new UsageException("--launcher " + abs + ": not an executable file");
        }
        return abs.toString();
    }

    private static void positive(String option, Integer value) throws UsageException {
        if (value != null && value < 1) {
            throw new UsageException(option + " " + value + ": expected 1 or more");
        }
    }

    private static void write(Path folder, String name, String text) throws IOException {
        Path target = folder.resolve(name);
        Path tmp = Files.createTempFile(folder, "." + name, ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
