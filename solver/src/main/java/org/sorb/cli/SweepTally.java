package org.sorb.cli;

import java.util.ArrayList;
import java.util.List;
import org.sorb.io.SweepResultFile;
import org.sorb.model.DesignOutcome;

/** What the designs of a sweep run came to, for the summary: failures (design number, reason), worst balance, steps. */
final class SweepTally {
    /** A failed design: its number in the whole sweep and why. */
    record Failure(int design, String reason) {
    }

    private final List<Failure> failures = new ArrayList<>();
    private int designs;
    private double worstMassBalance;
    private long steps;

    /** Counts {@code outcomes}, the results of the designs {@code rows} (numbers in the whole sweep). */
    void add(int[] rows, List<DesignOutcome> outcomes) {
        for (int k = 0; k < rows.length; k++) {
            DesignOutcome o = outcomes.get(k);
            if (o.failed()) {
                add(rows[k], o.failure(), 0.0, 0);
            } else {
                add(rows[k], null, o.result().massBalance().relativeError(), o.result().stats().steps());
            }
        }
    }

    /** Counts the designs {@code rows} as a finished block file recorded them. */
    void add(int[] rows, SweepResultFile block) {
        boolean[] failed = block.failed();
        for (int k = 0; k < rows.length; k++) {
            if (failed[k]) {
                add(rows[k], block.failureReasons().get(k), 0.0, 0);
            } else {
                add(rows[k], null, block.massBalanceError()[k], (long) block.solverStats()[k][0]);
            }
        }
    }

    private void add(int design, String failure, double massBalance, long designSteps) {
        designs++;
        if (failure != null) {
            failures.add(new Failure(design, failure));
            return;
        }
        worstMassBalance = Math.max(worstMassBalance, massBalance);
        steps += designSteps;
    }

    int designs() {
        return designs;
    }

    /** The failed designs in the order counted (ascending within a shard). */
    List<Failure> failures() {
        List<Failure> sorted = new ArrayList<>(failures);
        sorted.sort((a, b) -> Integer.compare(a.design(), b.design()));
        return sorted;
    }

    double worstMassBalance() {
        return worstMassBalance;
    }

    long steps() {
        return steps;
    }
}
