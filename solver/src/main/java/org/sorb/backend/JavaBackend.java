package org.sorb.backend;

import org.sorb.model.ColumnCase;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;

/** The plain-Java reference path: the readable implementation every accelerator is tested against. */
public final class JavaBackend implements Backend {
    @Override
    public String name() {
        return "java";
    }

    @Override
    public String description() {
        return "plain Java " + System.getProperty("java.version") + " on "
                + Runtime.getRuntime().availableProcessors() + " cores";
    }

    @Override
    public SimulationResult simulate(ColumnCase columnCase, ProgressListener progress) {
        return new ColumnSimulator(columnCase).run(progress);
    }
}
