package org.sorb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sorb.backend.Backend;
import org.sorb.cases.LoadedSweep;
import org.sorb.io.MergeRefusedException;
import org.sorb.io.SweepMerger;
import org.sorb.io.SweepResultReader;
import org.sorb.io.SweepResultWriter;
import org.sorb.io.SweepShare;
import org.sorb.metrics.MetricsReport;
import org.sorb.model.ColumnCase;
import org.sorb.model.DesignOutcome;
import org.sorb.model.InvalidModelException;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.RunBudget;
import org.sorb.shard.Shard;

/**
 * Runs a shard of a sweep (the whole sweep is shard 1/1) in checkpoint blocks: each finished block is written, whole
 * or not at all, as a small sweep file {@code <target>.parts/block-<k>.h5}; blocks found there from an earlier run of
 * the same sweep (same {@code sweep_id} and designs) are not run again; at the end the blocks are merged into the
 * target and the folder is removed. A shard that fits one block (and has no folder of parts) writes the target
 * directly. Blocks whose designs the wall-clock budget stopped are merged (as failed designs) but not kept, so the
 * same command again runs just them. Each design's result is its single run, whichever block it is in, so a resumed run equals an
 * uninterrupted one.
 */
final class SweepRunner {
    /** Folder of a target's checkpoint blocks: the target's name with this suffix, beside it. */
    static final String PARTS_SUFFIX = ".parts";

    private final Backend backend;
    private final RunBudget budget;
    private final ProgressListener progress;
    private final PrintWriter err;

    SweepRunner(Backend backend, RunBudget budget, ProgressListener progress, PrintWriter err) {
        this.backend = backend;
        this.budget = budget;
        this.progress = progress;
        this.err = err;
    }

    /** The folder of {@code target}'s checkpoint blocks. */
    static Path partsFolder(Path target) {
        return target.resolveSibling(target.getFileName() + PARTS_SUFFIX);
    }

    /** Runs the designs of {@code shard} in blocks of {@code blockSize} and writes {@code target}; returns the tally. */
    SweepTally run(LoadedSweep sweep, Shard shard, Path target, int blockSize) throws Exception {
        int[] rows = shard.designs(sweep.size());
        String id = SweepShare.sweepId(sweep);
        String label = shard.whole() ? null : shard.label();
        int blocks = (rows.length + blockSize - 1) / blockSize;
        Path parts = partsFolder(target);
        SweepTally tally = new SweepTally();
        if (blocks <= 1 && !Files.exists(parts)) {
            LoadedSweep part = sweep.subset(rows);
            BlockResult r = runBlock(part, new ShardProgress(progress, label, 1, 1, 0, 0, rows.length, rows.length));
            SweepResultWriter.write(target, part, r.outcomes(), share(rows, id, shard, sweep.size()), backend.name(),
                    backend.description(), r.metrics());
            tally.add(rows, r.outcomes());
            return tally;
        }
        Files.createDirectories(parts);
        removeTemporaries(parts);
        List<Path> files = new ArrayList<>();
        List<Path> cut = new ArrayList<>();
        int done = 0;
        int resumed = 0;
        for (int b = 0; b < blocks; b++) {
            int[] block = Arrays.copyOfRange(rows, b * blockSize, Math.min(rows.length, (b + 1) * blockSize));
            Path file = parts.resolve(String.format(Locale.ROOT, "block-%05d.h5", b));
            SweepShare share = share(block, id, shard, sweep.size());
            files.add(file);
            if (finished(file, share)) {
                tally.add(block, SweepResultReader.read(file));
                resumed++;
            } else {
                ProgressListener p = new ShardProgress(progress, label, b + 1, blocks, done,
                        tally.failures().size(), block.length, rows.length);
                LoadedSweep part = sweep.subset(block);
                BlockResult r = runBlock(part, p);
                if (budget.exhausted() && anyFailed(r.outcomes())) {
                    cut.add(file);
                }
                SweepResultWriter.write(file, part, r.outcomes(), share, backend.name(), backend.description(),
                        r.metrics());
                tally.add(block, r.outcomes());
            }
            done += block.length;
        }
        if (resumed > 0) {
            err.println("note: resumed " + resumed + " of " + blocks + " blocks finished before, from " + parts);
            err.flush();
        }
        try {
            SweepMerger.merge(files, target, new SweepMerger.Plan(toLong(rows), shard.label(), false));
        } catch (MergeRefusedException e) {
            throw new IOException("cannot join the blocks in " + parts + ": " + e.getMessage(), e);
        }
        for (Path f : cut.isEmpty() ? files : cut) {
            Files.deleteIfExists(f);
        }
        if (cut.isEmpty()) {
            try {
                Files.deleteIfExists(parts);
            } catch (DirectoryNotEmptyException e) {
                err.println("note: " + parts + " holds other files than blocks and stays (the result is complete)");
                err.flush();
            }
        } else {
            err.println("note: the wall-clock budget ran out in " + cut.size() + " of " + blocks + " blocks; the "
                    + (blocks - cut.size()) + " finished ones stay in " + parts + " (the same command again runs the "
                    + "rest and replaces " + target.getFileName() + ")");
            err.flush();
        }
        return tally;
    }

    /** A block's outcomes (its designs' own, in order) and their metrics. */
    private record BlockResult(List<DesignOutcome> outcomes, MetricsReport metrics) {
    }

    /** Runs the designs of {@code part} with their grid-check companions ({@link MetricsStep#batch}) as one batch. */
    private BlockResult runBlock(LoadedSweep part, ProgressListener p) throws RunFailure {
        List<ColumnCase> batch = MetricsStep.batch(part);
        try {
            List<DesignOutcome> all = backend.runBatch(batch, budget, p);
            if (all.size() != batch.size()) {
                throw new RunFailure("the " + backend.name() + " backend returned " + all.size()
                        + " results for " + batch.size() + " designs", null);
            }
            return new BlockResult(List.copyOf(all.subList(0, part.size())), MetricsStep.sweep(part, all));
        } catch (InvalidModelException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RunFailure("simulation failed on the " + backend.name() + " backend: " + Failures.describe(e), e);
        }
    }

    /** True when {@code file} is a finished block of this sweep holding exactly the designs of {@code share}. */
    private boolean finished(Path file, SweepShare share) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            SweepShare found = SweepShare.read(file);
            if (found.sweepId().equals(share.sweepId()) && Arrays.equals(found.designIndex(), share.designIndex())) {
                return true;
            }
            err.println("note: " + file + " is a block of another sweep or block size; running it again");
        } catch (IOException e) {
            err.println("note: " + file + " is not a readable block (" + e.getMessage() + "); running it again");
        }
        err.flush();
        Files.delete(file);
        return false;
    }

    /** Deletes what a killed writer left in the folder: its hidden temporary files. */
    private static void removeTemporaries(Path parts) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parts, ".*.tmp-*")) {
            for (Path p : s) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static SweepShare share(int[] rows, String id, Shard shard, int total) {
        return new SweepShare(toLong(rows), id, shard.label(), total);
    }

    private static long[] toLong(int[] rows) {
        long[] out = new long[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = rows[k];
        }
        return out;
    }

    private static boolean anyFailed(List<DesignOutcome> outcomes) {
        for (DesignOutcome o : outcomes) {
            if (o.failed()) {
                return true;
            }
        }
        return false;
    }
}
