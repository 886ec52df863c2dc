package org.sorb.cases;

import java.util.function.LongUnaryOperator;
import org.sorb.model.ColumnCase;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.Footprint;
import org.sorb.numerics.Footprint.Part;
import org.sorb.numerics.HostMemory;
import org.sorb.numerics.Sizes;
import org.sorb.treatment.TreatmentCase;
import org.sorb.treatment.TreatmentFootprint;

/**
 * Refuses a validated case before anything is allocated when its estimated host memory (the allocating classes'
 * own {@link Footprint}s plus the result file's copies, times {@link HostMemory#MARGIN}) exceeds what this JVM can
 * use, or when one of its arrays would be longer than a Java array. The message names the field that drives the
 * size (the part of the estimate that holds the most), its value, the estimate and the limit in GiB.
 */
final class MemoryGuard {
    /** Bytes counted per character of a design's resolved YAML (a String holds UTF-16 unless it is Latin-1). */
    static final int CHAR_BYTES = 2;
    /** Allowance for one design's validated case objects (records, lists, small arrays) besides its YAML. */
    static final long CASE_OBJECT_BYTES = 16L << 10;
    /** Lists with one entry per design: designs, models, parameter rows (twice), results, written rows. */
    static final int LISTS_OF_DESIGNS = 6;

    private MemoryGuard() {
    }

    /**
     * What drives one part of an estimate: the field, its value as written (a plural when {@code plural}), and what a
     * user should change.
     */
    private record Driver(String field, String value, boolean plural, String expected) {
        Driver(String field, String value, String expected) {
            this(field, value, false, expected);
        }
    }

    /**
     * Checks a single run of {@code c} against {@code limit} (bytes available for a need, e.g.
     * {@link HostMemory#availableFor}); {@code root} gives values as written.
     */
    static void single(ColumnCase c, Section root, LongUnaryOperator limit) throws CaseException {
        Footprint f = ColumnSimulator.footprint(c);
        f.plus(resultFile(c, true));
        require(f, limit, part -> driver(c, root, part));
    }

    /**
     * Checks a sweep of {@code designs} designs of {@code base} with {@code parameters} parameters before any design is
     * built: one design's run, and what every design keeps until the result file is written.
     */
    static void sweep(LoadedCase base, long designs, int parameters, LongUnaryOperator limit) throws CaseException {
        ColumnCase c = base.model();
        long caseBytes = Sizes.plus(Sizes.times(CHAR_BYTES, base.resolvedYaml().length()), CASE_OBJECT_BYTES);
        Footprint each = new Footprint()
                .bytes(Part.DESIGNS, caseBytes)
                .doubleRows(Part.DESIGNS, 2, parameters)
                .plus(result(c))
                .plus(companion(base))
                .plus(resultFile(c, false));
        Footprint f = ColumnSimulator.footprint(c).plus(each, designs, Part.DESIGNS);
        f.references(Part.DESIGNS, LISTS_OF_DESIGNS, designs);
        require(f, limit, part -> part == Part.DESIGNS
                ? new Driver(SweepReader.PARAMETERS_FIELD, designs + " designs", true, "fewer designs")
                : driver(c, null, part));
    }

    /** Checks a treatment: its columns' integrators and the trajectory samples it records. */
    static void treatment(TreatmentCase t, Section schedule, LongUnaryOperator limit) throws CaseException {
        boolean coupling = TreatmentFootprint.sessionSamples(t) >= TreatmentFootprint.restSamples(t);
        String key = coupling ? "coupling_interval" : "rest_step";
        double value = coupling ? t.schedule().couplingInterval() : t.schedule().restStep();
        Driver samples = new Driver(schedule.field(key), written(schedule, key, Format.number(value) + " s"),
                "a longer " + key);
        require(TreatmentFootprint.of(t), limit, part -> part == Part.SAMPLES ? samples
                : driver(t.adsorber().loading(), null, part));
    }

    /** The result's copies of the outlet and the profiles: what one design keeps after its run. */
    private static Footprint result(ColumnCase c) {
        return new Footprint().doubles(Part.DESIGNS, 1, ColumnSimulator.samples(c))
                .doubles(Part.DESIGNS, 1, ColumnSimulator.outletElements(c))
                .doubles(Part.DESIGNS, 2, ColumnSimulator.profileElements(c));
    }

    /** The grid companion's outlet (same samples, no profiles), kept until the metrics are computed. */
    private static Footprint companion(LoadedCase base) {
        Footprint f = new Footprint();
        return base.metrics().gridCheck() ? f.doubles(Part.DESIGNS, 1, ColumnSimulator.samples(base.model()))
                .doubles(Part.DESIGNS, 1, ColumnSimulator.outletElements(base.model())) : f;
    }

    /**
     * What writing the result adds: the nested [n_t][n_comp] outlet and (for a single run) [n_s][n_z][n_comp]
     * profiles the HDF5 writer takes, and its encoded copy of each.
     */
    private static Footprint resultFile(ColumnCase c, boolean profiles) {
        Footprint f = new Footprint().doubleRows(Part.OUTLET, ColumnSimulator.samples(c), c.nComp())
                .doubles(Part.OUTLET, 1, ColumnSimulator.outletElements(c));
        if (!profiles) {
            return f;
        }
        long rows = Sizes.times(c.output().profileTimes().length, c.discretization().axialCells());
        return f.doubleRows(Part.PROFILES, rows, c.nComp())
                .doubles(Part.PROFILES, 1, ColumnSimulator.profileElements(c));
    }

    /** The field behind {@code part} of a column case's estimate. */
    private static Driver driver(ColumnCase c, Section root, Part part) {
        int nz = c.discretization().axialCells();
        return switch (part) {
            case OUTLET -> new Driver("output.interval", written(root, "output.interval",
                    Format.number(c.output().interval()) + " s") + " ("
                    + sampleText(c) + " outlet samples of "
                    + c.nComp() + " component" + (c.nComp() == 1 ? "" : "s") + ")", "a longer interval");
            case PROFILES -> new Driver("output.profiles", c.output().profileTimes().length + " snapshots of " + nz
                    + " cells", true, "fewer profiles (a longer output.profiles.interval) or a coarser grid");
            default -> gridDriver(c, root);
        };
    }

    /** The outlet sample count, or end / interval to three digits when it does not fit a long. */
    private static String sampleText(ColumnCase c) {
        long n = ColumnSimulator.samples(c);
        return n < Long.MAX_VALUE ? Long.toString(n)
                : String.format(java.util.Locale.ROOT, "%.3g", c.inlet().endTime() / c.output().interval());
    }

    /** The grid field of {@link Footprint#gridField}, as written, with the axial cells beside the shells. */
    private static Driver gridDriver(ColumnCase c, Section root) {
        String key = Footprint.gridField(c);
        String value = written(root, key, Integer.toString(Footprint.gridValue(c)));
        boolean shells = key.equals(Footprint.PARTICLE_CELLS);
        return new Driver(key, value + (shells ? " (with " + c.discretization().axialCells() + " axial cells)" : ""),
                "a grid that fits");
    }

    /** The value at the dotted {@code field} below {@code root} as written, or {@code fallback}. */
    private static String written(Section root, String field, String fallback) {
        try {
            Section s = root;
            String[] keys = field.split("\\.");
            for (int i = 0; s != null && i < keys.length - 1; i++) {
                s = s.section(keys[i]);
            }
            return s != null && s.has(keys[keys.length - 1]) ? s.display(keys[keys.length - 1]) : fallback;
        } catch (CaseException e) {
            return fallback;
        }
    }

    /** Which field drives a part of an estimate. */
    private interface Drivers {
        Driver of(Part part);
    }

    private static void require(Footprint f, LongUnaryOperator limits, Drivers drivers) throws CaseException {
        long needed = HostMemory.needed(f.total());
        long limit = limits.applyAsLong(needed);
        if (needed > limit) {
            Driver d = drivers.of(f.largestPart());
            throw new CaseException(d.field(), d.value() + (d.plural() ? " need " : " needs ")
                    + (needed == Long.MAX_VALUE ? "" : "about ") + HostMemory.gib(needed) + " of memory ("
                    + f.largestPart().description() + "); this JVM can use " + HostMemory.gib(limit) + "; expected "
                    + d.expected() + " (" + HostMemory.MORE_MEMORY + ")");
        }
        if (f.longestArray() > Sizes.MAX_ARRAY_LENGTH) {
            Driver d = drivers.of(f.longestArrayPart());
            throw new CaseException(d.field(), d.value() + (d.plural() ? " need" : " needs") + " an array of "
                    + f.longestArray() + " elements (" + f.longestArrayPart().description()
                    + "), more than one Java array holds (" + Sizes.MAX_ARRAY_LENGTH + "); expected " + d.expected());
        }
    }
}
