package org.sorb.treatment;

import org.sorb.model.ColumnCase;
import org.sorb.numerics.ColumnIntegrator;
import org.sorb.numerics.Footprint;
import org.sorb.numerics.Footprint.Part;
import org.sorb.numerics.Sizes;
import org.sorb.numerics.StateLayout;

/**
 * Host memory of a {@link TreatmentSimulator} run: an integrator and two states per column, and the trajectory
 * samples it records (one per coupling interval in a session and per rest step between sessions), held in lists
 * while it runs, then as arrays in the result and as nested rows and encoded copies in the result file.
 */
public final class TreatmentFootprint {
    /** Scalar series recorded per sample: time, processed volume, session, on-line column. */
    static final int SCALAR_SERIES = 4;
    /** Series of one value per species recorded per sample: intravascular, extravascular, adsorber in and out. */
    static final int SPECIES_SERIES = 4;
    /** A boxed number in a list: the object and its slot (lists grow by half, so 1.5 references per entry). */
    static final int BOXED_BYTES = 16 + 12;
    /** Copies of each series once recorded: the result's arrays, its record copy, the result file's encoded copy. */
    static final int SERIES_COPIES = 3;

    private TreatmentFootprint() {
    }

    /** Samples recorded during the sessions: sessions x (ceil(session time / coupling interval) + 1). */
    public static long sessionSamples(TreatmentCase t) {
        Schedule s = t.schedule();
        return Sizes.times(s.sessions(), Sizes.plus(Sizes.ceil(t.sessionTime() / s.couplingInterval()), 1));
    }

    /** Samples recorded at rest: ceil((last start + max(follow-up, session time)) / rest step) + sessions. */
    public static long restSamples(TreatmentCase t) {
        Schedule s = t.schedule();
        double span = s.start(s.sessions() - 1) + Math.max(s.followUp(), t.sessionTime());
        return Sizes.plus(Sizes.ceil(span / s.restStep()), s.sessions());
    }

    /** The memory of {@code t}'s run, by part (GRID: the columns, SAMPLES: the trajectories). */
    public static Footprint of(TreatmentCase t) {
        Footprint f = new Footprint();
        ColumnCase loading = t.adsorber().loading();
        StateLayout layout = StateLayout.of(loading);
        for (int j = 0; j < t.operation().columns(); j++) {
            ColumnIntegrator.footprint(loading, f);
            f.doubles(Part.GRID, 2, layout.unknowns());
        }
        long samples = Sizes.plus(sessionSamples(t), restSamples(t));
        int ns = t.species();
        f.bytes(Part.SAMPLES, Sizes.times(samples, SCALAR_SERIES, BOXED_BYTES));
        f.doubleRows(Part.SAMPLES, Sizes.times(samples, SPECIES_SERIES), ns);
        f.doubles(Part.SAMPLES, Sizes.times(SERIES_COPIES, SCALAR_SERIES), samples);
        f.doubles(Part.SAMPLES, Sizes.times(SERIES_COPIES, SPECIES_SERIES), Sizes.times(samples, ns));
        return f.doubleRows(Part.SAMPLES, Sizes.times(samples, SPECIES_SERIES), ns);
    }
}
