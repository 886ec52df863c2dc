package org.sorb.cli;

import java.util.List;
import java.util.function.Function;
import org.sorb.backend.Backend;
import org.sorb.model.ColumnCase;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.RunBudget;

/** A backend for CLI tests: returns a canned result (or throws) after reporting progress in 5 % steps. */
final class FakeBackendProvider implements BackendProvider {
    private final String name;
    private final String unavailable;
    private final Function<ColumnCase, SimulationResult> simulation;

    FakeBackendProvider(String name, String unavailable, Function<ColumnCase, SimulationResult> simulation) {
        this.name = name;
        this.unavailable = unavailable;
        this.simulation = simulation;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String unavailableReason() {
        return unavailable;
    }

    @Override
    public List<String> devices() {
        return unavailable == null ? List.of("fake device 0") : List.of();
    }

    @Override
    public Backend open(BackendOptions options) {
        return new Backend() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "fake backend for tests";
            }

            @Override
            public SimulationResult simulate(ColumnCase columnCase, RunBudget budget, ProgressListener progress) {
                double end = columnCase.inlet().endTime();
                for (int k = 0; k <= 20; k++) {
                    progress.progress(k / 20.0, "t=" + Math.round(end * k / 20.0) + " s");
                }
                return simulation.apply(columnCase);
            }
        };
    }
}
