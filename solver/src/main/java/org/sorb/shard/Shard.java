package org.sorb.shard;

import java.util.Map;

/**
 * One share of a sweep's designs: shard {@code index} of {@code count} (1-based) runs the designs d with
 * {@code d mod count == index - 1}, so shards differ in size by at most one design and each mixes the whole design
 * space (a grid's slow and fast parameters alike).
 *
 * @param index 1-based shard number, 1..count
 * @param count number of shards, at least 1
 */
public record Shard(int index, int count) {
    /** The whole sweep as one shard. */
    public static final Shard WHOLE = new Shard(1, 1);

    /** The Slurm variables {@link #fromSlurm} reads. */
    public static final String TASK_ID = "SLURM_ARRAY_TASK_ID";
    public static final String TASK_COUNT = "SLURM_ARRAY_TASK_COUNT";
    public static final String TASK_MIN = "SLURM_ARRAY_TASK_MIN";

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count
                    + ": expected i/N with N >= 1 and 1 <= i <= N");
        }
    }

    /**
     * Parses {@code i/N}.
     *
     * @throws IllegalArgumentException naming the value and the expected form
     */
    public static Shard parse(String text) {
        String t = text == null ? "" : text.strip();
        int slash = t.indexOf('/');
        if (slash <= 0 || slash == t.length() - 1) {
            throw new IllegalArgumentException("--shard " + text + ": expected i/N (1-based, e.g. 2/8) or slurm");
        }
        int i;
        int n;
        try {
            i = Integer.parseInt(t.substring(0, slash).strip());
            n = Integer.parseInt(t.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard " + text + ": expected i/N with whole numbers (e.g. 2/8) or slurm");
        }
        if (n < 1 || i < 1 || i > n) {
            throw new IllegalArgumentException("--shard " + text + ": expected i/N with N >= 1 and 1 <= i <= N "
                    + "(i is 1-based)");
        }
        return new Shard(i, n);
    }

    /**
     * The shard of a Slurm array task: i = SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1, N =
     * SLURM_ARRAY_TASK_COUNT (so {@code --array=0-7} and {@code --array=1-8} both give 1/8 .. 8/8).
     *
     * @throws IllegalArgumentException naming the variable that is unset or not a number
     */
    public static Shard fromSlurm(Map<String, String> env) {
        int id = variable(env, TASK_ID);
        int count = variable(env, TASK_COUNT);
        int min = variable(env, TASK_MIN);
        int i = id - min + 1;
        if (count < 1 || i < 1 || i > count) {
            throw new IllegalArgumentException("--shard slurm: " + TASK_ID + "=" + id + ", " + TASK_MIN + "=" + min
                    + ", " + TASK_COUNT + "=" + count + " give shard " + i + "/" + count
                    + ", expected a contiguous array (--array=MIN-MAX without a step)");
        }
        return new Shard(i, count);
    }

    private static int variable(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--shard slurm: " + name + " is not set (not inside a Slurm job array; "
                    + "submit with sbatch --array, or give --shard i/N)");
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard slurm: " + name + "=" + v + ", expected a whole number");
        }
    }

    /** The designs of this shard among {@code total}, ascending: d with d mod count == index - 1. */
    public int[] designs(int total) {
        int start = index - 1;
        int n = start >= total ? 0 : (total - start + count - 1) / count;
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = start + k * count;
        }
        return out;
    }

    /** {@code i/N}, as the {@code shard} attribute of a sweep file. */
    public String label() {
        return index + "/" + count;
    }

    /** True for the whole sweep (1/1). */
    public boolean whole() {
        return count == 1;
    }

    /** The default result name of this shard for a case file stem: {@code <stem>.shard-<i>-of-<N>.h5}. */
    public String fileName(String stem) {
        return whole() ? stem + ".h5" : stem + ".shard-" + index + "-of-" + count + ".h5";
    }
}
