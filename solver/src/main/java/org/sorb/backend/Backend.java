package org.sorb.backend;

import org.sorb.model.ColumnCase;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ProgressListener;

/** Something that simulates columns: the plain-Java reference or an accelerator. */
public interface Backend extends AutoCloseable {
    /** Short name written to results, e.g. {@code java} or {@code opencl}. */
    String name();

    /** One-line description of the device, for logs and result attributes. */
    String description();

    /** Simulates one column case. */
    SimulationResult simulate(ColumnCase columnCase, ProgressListener progress);

    @Override
    default void close() {
    }
}
