package org.sorb.backend;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * Simulates many designs as one batch; results in the order of {@code designs}. The default runs them one
     * after the other; backends that can do better (threads, OpenCL) override it.
     */
    default List<SimulationResult> simulateBatch(List<ColumnCase> designs, ProgressListener progress) {
        List<SimulationResult> out = new ArrayList<>(designs.size());
        for (int d = 0; d < designs.size(); d++) {
            final int done = d;
            out.add(simulate(designs.get(d), (f, m) -> progress.progress((done + f) / designs.size(),
                    "design " + (done + 1) + "/" + designs.size() + " " + m)));
        }
        return out;
    }

    @Override
    default void close() {
    }
}
