package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sorb slurm}: the scripts it writes (checked by bash -n and by what they must say) and its bad input. */
class SlurmCommandTest {
    @TempDir
    Path work;

    private Path launcher;

    @BeforeEach
    void setUp() throws Exception {
        Files.copy(SorbCliTest.resource("sweeps/grid-langmuir.yaml"), work.resolve("sweep.yaml"));
        launcher = work.resolve("sorb");
        Files.writeString(launcher, "#!/bin/sh\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private CliHarness.Outcome sorb(String... args) {
        return CliHarness.run(work, Backends.standard(), args);
    }

    @Test
    void writesAnArrayAMergeJobAndASubmitScriptThatChainsThem() throws Exception {
        CliHarness.Outcome o = sorb("slurm", "sweep.yaml", "--shards", "3", "--partition", "gpu", "--time", "2:00:00",
                "--gpus-per-task", "1", "--cpus-per-task", "4", "--launcher", launcher.toString(),
                "--set", "binding.kd[0]=0.2");
        assertEquals(0, o.status(), o.err());
        String array = Files.readString(work.resolve("sweep-grid.array.sh"));
        for (String line : List.of("#SBATCH --array=1-3", "#SBATCH --requeue", "#SBATCH --partition=gpu",
                "#SBATCH --time=2:00:00", "#SBATCH --gpus-per-task=1", "#SBATCH --cpus-per-task=4",
                "i=$((SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1))",
                "exec '" + launcher + "' run '" + work.resolve("sweep.yaml") + "' --shard slurm --no-clobber",
                "'--set' 'binding.kd[0]=0.2'")) {
            assertTrue(array.contains(line), line + " in\n" + array);
        }
        String merge = Files.readString(work.resolve("sweep-grid.merge.sh"));
        assertTrue(merge.contains("merge 'sweep-grid.h5' \"${shards[@]}\""), merge);
        assertTrue(merge.contains("for i in $(seq 1 3)"), merge);
        String submit = Files.readString(work.resolve("sweep-grid.submit.sh"));
        assertTrue(submit.contains("sbatch --parsable --dependency=afterok:\"$array\" 'sweep-grid.merge.sh'"), submit);
        for (String script : List.of("array", "merge", "submit")) {
            Path p = work.resolve("sweep-grid." + script + ".sh");
            assertTrue(Files.isExecutable(p), script);
            LocalSlurm.command(List.of("bash", "-n", p.toString()), Map.of());
        }
    }

    @Test
    void badInputIsRefusedWithExit2() {
        for (String[] args : List.of(new String[] {"--shards", "0"}, new String[] {"--shards", "7"},
                new String[] {"--shards", "2", "--cpus-per-task", "0"},
                new String[] {"--shards", "2", "--output-dir", "nowhere"},
                new String[] {"--shards", "2", "--launcher", "missing-launcher"})) {
            String[] all = new String[args.length + 2];
            all[0] = "slurm";
            all[1] = "sweep.yaml";
            System.arraycopy(args, 0, all, 2, args.length);
            CliHarness.Outcome o = sorb(all);
            assertEquals(2, o.status(), String.join(" ", args) + ": " + o.err());
            assertTrue(o.err().startsWith("error: --"), o.err());
        }
    }

    @Test
    void aCaseWithoutASweepIsRefused() throws Exception {
        Files.copy(SorbCliTest.resource("cases/valid-langmuir.yaml"), work.resolve("single.yaml"));
        CliHarness.Outcome o = sorb("slurm", "single.yaml", "--shards", "2", "--launcher", launcher.toString());
        assertEquals(2, o.status());
        assertTrue(o.err().contains("no sweep: section"), o.err());
    }
}
