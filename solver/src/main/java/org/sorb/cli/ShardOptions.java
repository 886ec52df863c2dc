package org.sorb.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.sorb.shard.Shard;
import picocli.CommandLine.Option;

/** The options of {@code sorb run} that split a sweep into shards and checkpoint blocks. */
final class ShardOptions {
    /** Designs per checkpoint block per Java thread, when --block is not given. */
    static final int JAVA_BLOCK_PER_THREAD = 4;
    /** Designs per checkpoint block on OpenCL, when --block is not given (a batch that keeps a device busy). */
    static final int OPENCL_BLOCK = 1024;

    @Option(names = "--shard", paramLabel = "i/N|slurm",
            description = "Run only shard i of N of a sweep (1-based; designs d with d mod N = i-1), or the shard "
                    + "of this Slurm array task (SLURM_ARRAY_TASK_ID, _COUNT, _MIN). Default output: "
                    + "<name>.shard-<i>-of-<N>.h5.")
    private String shard;

    @Option(names = "--no-clobber", description = "Refuse (exit 2) when the output file exists.")
    private boolean noClobber;

    @Option(names = "--block", paramLabel = "N", defaultValue = "0",
            description = "Designs per checkpoint block of a sweep (default 0: " + JAVA_BLOCK_PER_THREAD
                    + " per thread on the Java path, " + OPENCL_BLOCK + " on OpenCL).")
    private int block;

    /** The shard asked for ({@link Shard#WHOLE} without --shard); {@code env} holds the Slurm variables. */
    Shard shard(Map<String, String> env) throws UsageException {
        if (shard == null) {
            return Shard.WHOLE;
        }
        try {
            return shard.strip().equals("slurm") ? Shard.fromSlurm(env) : Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** True when --shard was given. */
    boolean sharded() {
        return shard != null;
    }

    /** Checks --block and --no-clobber against {@code target} before any work. */
    void check(Path target) throws UsageException {
        if (block < 0) {
            throw new UsageException("--block " + block + ": expected 0 (automatic) or a number of designs");
        }
        if (noClobber && Files.exists(target)) {
            throw new UsageException("--no-clobber: " + target + " exists (remove it or choose another -o)");
        }
    }

    /** Designs per block on a backend called {@code backend} with {@code threads} Java threads. */
    int blockSize(String backend, int threads) {
        if (block > 0) {
            return block;
        }
        return backend.equals("java") ? JAVA_BLOCK_PER_THREAD * Math.max(1, threads) : OPENCL_BLOCK;
    }
}
