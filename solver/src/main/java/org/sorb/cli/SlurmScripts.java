package org.sorb.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of the three scripts {@code sorb slurm} writes: an sbatch job array whose task i runs shard i of N
 * ({@code --shard slurm}, checkpointed, so {@code --requeue} loses nothing), a merge job, and a submit script that
 * chains them ({@code sbatch --dependency=afterok:<array job id>}).
 *
 * @param launcher  absolute path of the sorb launcher the jobs run
 * @param caseFile  absolute path of the sweep case
 * @param stem      file-name stem of the results ({@code <stem>.shard-<i>-of-<N>.h5}, {@code <stem>.h5})
 * @param folder    absolute folder the jobs run in and write to
 * @param shards    number of array tasks, N
 * @param sbatch    extra {@code #SBATCH} options for the array (partition, time, gpus, cpus), as {@code --key=value}
 * @param runArgs   arguments passed on to {@code sorb run} (backend, --set overrides)
 */
record SlurmScripts(String launcher, String caseFile, String stem, String folder, int shards, List<String> sbatch,
                    List<String> runArgs) {
    SlurmScripts {
        sbatch = List.copyOf(sbatch);
        runArgs = List.copyOf(runArgs);
    }

    String arrayName() {
        return stem + ".array.sh";
    }

    String mergeName() {
        return stem + ".merge.sh";
    }

    String submitName() {
        return stem + ".submit.sh";
    }

    /** The merged result's file name. */
    String mergedName() {
        return stem + ".h5";
    }

    /** The job array: task SLURM_ARRAY_TASK_ID runs shard (ID - MIN + 1) of N; a finished shard is not run again. */
    String array() {
        List<String> options = new ArrayList<>(List.of("--array=1-" + shards, "--requeue"));
        options.addAll(sbatch);
        List<String> lines = header(stem, "%A_%a", options);
        lines.add("cd " + quote(folder));
        lines.add("i=$((SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1))");
        lines.add("out=" + quote(stem) + "\".shard-$i-of-" + shards + ".h5\"");
        lines.add("# A requeued task whose shard finished before has nothing left to do (its blocks resume otherwise).");
        lines.add("if [ -e \"$out\" ]; then echo \"shard $i/" + shards + ": $out exists; nothing to do\"; exit 0; fi");
        StringBuilder run = new StringBuilder("exec " + quote(launcher) + " run " + quote(caseFile)
                + " --shard slurm --no-clobber -o \"$out\" --threads \"${SLURM_CPUS_PER_TASK:-0}\"");
        runArgs.forEach(a -> run.append(' ').append(quote(a)));
        lines.add(run.toString());
        return String.join("\n", lines) + "\n";
    }

    /** The merge job: joins the N shard files into {@code <stem>.h5}. */
    String merge() {
        List<String> lines = header(stem + "-merge", "%j", sbatch.stream()
                .filter(o -> o.startsWith("--partition=") || o.startsWith("--time=")).toList());
        lines.add("cd " + quote(folder));
        lines.add("shards=()");
        lines.add("for i in $(seq 1 " + shards + "); do shards+=(" + quote(stem) + "\".shard-$i-of-" + shards
                + ".h5\"); done");
        lines.add("exec " + quote(launcher) + " merge " + quote(mergedName()) + " \"${shards[@]}\"");
        return String.join("\n", lines) + "\n";
    }

    /** Submits the array, then the merge job to start once every array task ended well. */
    String submit() {
        List<String> lines = new ArrayList<>();
        lines.add("#!/bin/bash");
        lines.add("# Written by sorb slurm: submits " + arrayName() + " and " + mergeName() + " after it (afterok).");
        lines.add("set -euo pipefail");
        lines.add("cd " + quote(folder));
        lines.add("array=$(sbatch --parsable " + quote(arrayName()) + ")");
        lines.add("array=${array%%;*}");
        lines.add("merge=$(sbatch --parsable --dependency=afterok:\"$array\" " + quote(mergeName()) + ")");
        lines.add("echo \"submitted array job $array (" + shards + " shards) and merge job ${merge%%;*}; result: "
                + folder + "/" + mergedName() + "\"");
        return String.join("\n", lines) + "\n";
    }

    /** The shebang, every #SBATCH line (sbatch reads them up to the first command), a comment and set -e. */
    private List<String> header(String jobName, String outputPattern, List<String> options) {
        List<String> lines = new ArrayList<>();
        lines.add("#!/bin/bash");
        lines.add("#SBATCH --job-name=" + jobName);
        lines.add("#SBATCH --output=" + folder + "/slurm-" + jobName + "-" + outputPattern + ".out");
        options.forEach(o -> lines.add("#SBATCH " + o));
        lines.add("# Written by sorb slurm for " + caseFile);
        lines.add("set -euo pipefail");
        return lines;
    }

    /** {@code s} as one shell word in single quotes. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
