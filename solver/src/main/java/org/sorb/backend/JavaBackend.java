package org.sorb.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongUnaryOperator;
import org.sorb.model.ColumnCase;
import org.sorb.model.DesignOutcome;
import org.sorb.model.InvalidModelException;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.DesignProgress;
import org.sorb.numerics.Footprint;
import org.sorb.numerics.HostMemory;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.Sizes;
import org.sorb.numerics.RunBudget;

/**
 * The plain-Java reference path: the readable implementation every accelerator is tested against. A batch runs
 * its designs on a pool of threads (one design per thread at a time, no more threads than designs whose working
 * sets fit in the memory left), results in the order of the designs.
 */
public final class JavaBackend implements Backend {
    private final int threads;

    /** A backend that runs batches on every available core. */
    public JavaBackend() {
        this(0);
    }

    /** A backend that runs batches on {@code threads} threads; 0 means one per available core. */
    public JavaBackend(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads = " + threads + ", expected >= 0 (0: all cores)");
        }
        this.threads = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** Threads a batch runs on. */
    public int threads() {
        return threads;
    }

    /** One design per thread. */
    @Override
    public int concurrentDesigns() {
        return threads;
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public String description() {
        return "plain Java " + System.getProperty("java.version") + " on "
                + Runtime.getRuntime().availableProcessors() + " cores, batches on " + threads + " thread"
                + (threads == 1 ? "" : "s");
    }

    @Override
    public SimulationResult simulate(ColumnCase columnCase, RunBudget budget, ProgressListener progress) {
        return new ColumnSimulator(columnCase).run(budget, progress);
    }

    /**
     * Runs the designs on the thread pool; progress is the mean of the designs' fractions. A design that fails is
     * recorded with its reason and the others go on (each design is exactly its single run).
     */
    @Override
    public List<DesignOutcome> runBatch(List<ColumnCase> designs, RunBudget budget, ProgressListener progress) {
        int n = designs.size();
        if (n == 0) {
            return List.of();
        }
        int poolSize = threadsThatFit(designs, Math.min(threads, n), HostMemory::availableFor);
        BatchProgress batchProgress = new BatchProgress(n, progress);
        if (poolSize == 1) {
            List<DesignOutcome> out = new ArrayList<>(n);
            for (int d = 0; d < n; d++) {
                out.add(runDesign(designs.get(d), d, budget, batchProgress));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(poolSize, new DaemonThreads());
        try {
            List<Future<DesignOutcome>> futures = new ArrayList<>(n);
            for (int d = 0; d < n; d++) {
                final int index = d;
                futures.add(pool.submit(() -> runDesign(designs.get(index), index, budget, batchProgress)));
            }
            List<DesignOutcome> out = new ArrayList<>(n);
            for (Future<DesignOutcome> f : futures) {
                out.add(await(f, futures));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * At most {@code threads} designs that can run at once in the memory {@code available} gives for them: available /
     * the largest design's working set (its state, stages and iteration matrix, with the margin), at least 1 (the
     * case guard has let one run).
     */
    static int threadsThatFit(List<ColumnCase> designs, int threads, LongUnaryOperator available) {
        long largest = 1;
        for (ColumnCase d : designs) {
            largest = Math.max(largest, HostMemory.needed(ColumnSimulator.footprint(d).of(Footprint.Part.GRID)));
        }
        long fit = available.applyAsLong(Sizes.times(largest, threads)) / largest;
        return (int) Math.max(1, Math.min(threads, fit));
    }

    private DesignOutcome runDesign(ColumnCase design, int index, RunBudget budget, BatchProgress progress) {
        DesignOutcome outcome;
        try {
            outcome = DesignOutcome.ok(simulate(design, budget, (f, m) -> progress.design(index, f)));
        } catch (InvalidModelException e) {
            throw e; // bad input for the whole run, not one design's failure
        } catch (RuntimeException e) {
            outcome = DesignOutcome.failed(DesignFailedException.reason(e));
        }
        progress.done(index, outcome.failed());
        return outcome;
    }

    private static DesignOutcome await(Future<DesignOutcome> f, List<Future<DesignOutcome>> all) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            all.forEach(other -> other.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            all.forEach(other -> other.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("batch interrupted", e);
        }
    }

    /**
     * Designs finished of a batch and the mean progress over its designs, reported through one listener from many
     * threads.
     */
    private static final class BatchProgress {
        /** Mean progress by which a report follows the last one (besides a report per finished design). */
        private static final double REPORT_STEP = 0.001;
        private final double[] fractions;
        private final ProgressListener listener;
        private int finished;
        private int failed;
        private double sum;
        private double lastReported = -1.0;

        BatchProgress(int designs, ProgressListener listener) {
            this.fractions = new double[designs];
            this.listener = listener;
        }

        synchronized void design(int index, double fraction) {
            double f = Double.isNaN(fraction) ? 0.0 : Math.max(0.0, Math.min(1.0, fraction));
            sum += f - fractions[index];
            fractions[index] = f;
            double total = Math.min(1.0, sum / fractions.length);
            if (total - lastReported >= REPORT_STEP) {
                report(total);
            }
        }

        synchronized void done(int index, boolean designFailed) {
            finished++;
            failed += designFailed ? 1 : 0;
            sum += 1.0 - fractions[index];
            fractions[index] = 1.0;
            report(finished == fractions.length ? 1.0 : Math.min(1.0, sum / fractions.length));
        }

        private void report(double total) {
            lastReported = total;
            listener.designs(new DesignProgress(finished, failed, fractions.length, total));
        }
    }

    /** Daemon worker threads, so an abandoned batch never keeps the JVM alive. */
    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "sorb-batch-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
