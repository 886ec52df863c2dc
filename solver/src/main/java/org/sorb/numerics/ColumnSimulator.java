package org.sorb.numerics;

import org.sorb.model.ColumnCase;
import org.sorb.model.SimulationResult;

/** Simulates one column case on the Java path (being written in this session). */
public final class ColumnSimulator {
    private final ColumnCase columnCase;

    public ColumnSimulator(ColumnCase columnCase) {
        this.columnCase = columnCase;
    }

    public SimulationResult run(ProgressListener progress) {
        throw new UnsupportedOperationException("in progress");
    }
}
