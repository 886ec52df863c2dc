package org.sorb.backend.opencl;

import java.util.List;
import org.sorb.backend.Backend;
import org.sorb.model.ColumnCase;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ProgressListener;

/**
 * The OpenCL batch backend on one device. It owns its {@link OpenClContext} and closes it.
 *
 * <p>The column kernels and the batched integrator are merged separately: until then {@link #supportsColumns()}
 * is false, so {@code --backend auto} keeps choosing the Java path, and {@link #simulate}/{@link #simulateBatch}
 * throw. Whoever merges the kernels replaces those two methods and makes {@link #supportsColumns()} return true.
 */
public final class OpenClBackend implements Backend {
    private final OpenClContext context;

    /** A backend on the device of {@code context}; closing the backend closes the context. */
    public OpenClBackend(OpenClContext context) {
        if (context == null) {
            throw new IllegalArgumentException("no OpenCL context");
        }
        this.context = context;
    }

    /** True when this build's OpenCL backend can simulate columns (false until the column kernels are merged). */
    public static boolean supportsColumns() {
        return false;
    }

    /** The context this backend runs on. */
    public OpenClContext context() {
        return context;
    }

    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public String description() {
        OpenClDeviceInfo d = context.device();
        return "OpenCL " + d.type() + " " + d.name() + " (" + d.platformName() + ", " + d.platformVersion() + ", "
                + d.computeUnits() + " compute units)";
    }

    @Override
    public SimulationResult simulate(ColumnCase columnCase, ProgressListener progress) {
        throw new UnsupportedOperationException("OpenCL column kernels not merged yet");
    }

    @Override
    public List<SimulationResult> simulateBatch(List<ColumnCase> designs, ProgressListener progress) {
        throw new UnsupportedOperationException("OpenCL column kernels not merged yet");
    }

    @Override
    public void close() {
        context.close();
    }
}
