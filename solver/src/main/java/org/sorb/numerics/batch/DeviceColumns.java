package org.sorb.numerics.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.sorb.model.ColumnCase;
import org.sorb.model.TimeIntegration;
import org.sorb.numerics.ColumnEquations;
import org.sorb.numerics.ColumnSteppers;
import org.sorb.numerics.RunBudget;
import org.sorb.numerics.SteppedColumn;

/**
 * {@link DeviceColumn}s on one-design batch devices: a device per physical column and design (a treatment column's
 * loading and its regeneration flow), opened by {@code open} when first needed and kept until {@link #close}, so a
 * run builds nothing per coupling interval.
 */
public final class DeviceColumns implements ColumnSteppers {
    private record Key(int unit, ColumnCase design) {
    }

    private final Function<ColumnCase, BatchDevice> open;
    private final Map<Key, BatchDevice> devices = new LinkedHashMap<>();

    /** @param open opens a device of one design for a column case (e.g. an OpenCL device made for its structure) */
    public DeviceColumns(Function<ColumnCase, BatchDevice> open) {
        this.open = open;
    }

    @Override
    public SteppedColumn start(int unit, ColumnEquations equations, TimeIntegration tolerances, RunBudget budget,
                               double[] y0, double t0) {
        BatchDevice device = devices.computeIfAbsent(new Key(unit, equations.columnCase()),
                key -> open.apply(key.design()));
        return new DeviceColumn(device, equations, tolerances, budget, y0, t0);
    }

    /** Devices opened so far. */
    public int devicesOpened() {
        return devices.size();
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (BatchDevice d : devices.values()) {
            try {
                d.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        devices.clear();
        if (first != null) {
            throw first;
        }
    }
}
