package org.sorb.io;

import static org.sorb.io.ResultNames.*;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.sorb.cases.LoadedCase;
import org.sorb.metrics.MetricsReport;
import org.sorb.model.MassBalance;
import org.sorb.model.Profiles;
import org.sorb.model.SimulationResult;
import org.sorb.model.SolverStats;

/**
 * Writes a simulation result as an HDF5 file (layout in {@link ResultNames}), all or nothing: the file is written
 * under a temporary name in the target directory, checked, and renamed atomically when complete.
 *
 * <p>Two limits of jhdf 0.13.0 shape the layout. A group without children corrupts the file when it is the last
 * node written (jhdf appends its info block at the channel position, over that group's header), so every group
 * gets at least one dataset: {@code /solver} carries its numbers both as attributes and as the vector
 * {@code /solver/stats}. An attribute message must stay below 64 KiB, so a resolved case longer than
 * {@link #MAX_ATTRIBUTE_BYTES} goes to the string dataset {@code /case} and the {@code case} attribute says so.
 * Zero-length datasets cannot be written; every dataset here has at least one element.
 */
public final class ResultWriter {
    /** Longest string (UTF-8 bytes) written as an attribute. */
    static final int MAX_ATTRIBUTE_BYTES = 60_000;

    private ResultWriter() {
    }

    /**
     * Writes {@code result} of {@code loaded} to {@code out}, replacing any existing file; on failure no file and no
     * temporary file remain.
     *
     * @param backendName        short backend name, e.g. {@code java}
     * @param backendDescription one-line device description
     * @throws IOException              when the file cannot be written or renamed into place
     * @throws IllegalArgumentException when the result's array sizes are inconsistent
     */
    public static void write(Path out, LoadedCase loaded, SimulationResult result, String backendName,
                             String backendDescription) throws IOException {
        write(out, loaded, result, backendName, backendDescription, null);
    }

    /** {@link #write} with the run's design metrics ({@code /metrics}, {@code /metrics_grid_error}), when not null. */
    public static void write(Path out, LoadedCase loaded, SimulationResult result, String backendName,
                             String backendDescription, MetricsReport metrics) throws IOException {
        write(out, loaded, result, backendName, backendDescription, metrics, null);
    }

    /**
     * {@link #write} with {@code extra} groups written into the same file (CADET's {@code /input} and
     * {@code /output}, say), when not null; all or nothing as the rest.
     */
    public static void write(Path out, LoadedCase loaded, SimulationResult result, String backendName,
                             String backendDescription, MetricsReport metrics, Content extra) throws IOException {
        List<String> components = loaded.model().components();
        checkSizes(result, components.size());
        publish(out, file -> {
            writeRoot(file, loaded, backendName, backendDescription);
            writeOutlet(file, result, components, loaded.concentrationUnit(),
                    loaded.model().column().residenceTime());
            writeMassBalance(file, result.massBalance(), loaded.concentrationUnit());
            if (result.profiles() != null) {
                writeProfiles(file, result.profiles(), components.size(), loaded.concentrationUnit());
            }
            writeSolver(file, result.stats());
            if (metrics != null) {
                MetricsWriter.single(file, metrics);
            }
            if (extra != null) {
                extra.writeTo(file);
            }
        });
    }

    /** Writes the content of a result file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(WritableHdfFile file);
    }

    /**
     * Writes {@code content} under a temporary name beside {@code out}, reads it back and renames it over {@code out}
     * atomically; on failure neither file nor temporary file remains.
     *
     * @throws IOException when the folder is missing or the file cannot be written or renamed into place
     */
    static void publish(Path out, Content content) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(String.valueOf(dir), null, "output directory does not exist");
        }
        Path tmp = temporaryBeside(target);
        boolean moved = false;
        try {
            try (WritableHdfFile file = HdfFile.write(tmp)) {
                content.writeTo(file);
            }
            checkReadable(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } catch (RuntimeException e) {
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (!moved) {
                deleteQuietly(tmp);
            }
        }
    }

    /** A fresh temporary name beside {@code target} (same directory, so the final rename is atomic). */
    static Path temporaryBeside(Path target) {
        return target.getParent().resolve("." + target.getFileName() + ".tmp-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
    }

    /** Removes a partial file without masking the failure that left it. */
    static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the original failure is what the caller needs to see
        }
    }

    /** The root {@code units} attribute for a case whose concentrations are in {@code concentrationUnit}. */
    public static String unitsDescription(String concentrationUnit) {
        return "time: s; z: m; concentration: " + concentrationUnit + "; bound: " + concentrationUnit
                + " per volume of solid skeleton; mass_balance: " + amountUnit(concentrationUnit)
                + " (amount per column cross-section area, m^3 of column per m^2)";
    }

    static String amountUnit(String concentrationUnit) {
        return concentrationUnit + " x m";
    }

    static void writeRoot(WritableHdfFile file, LoadedCase loaded, String backendName,
                                  String backendDescription) {
        file.putAttribute(SORB_VERSION, SorbVersion.get());
        file.putAttribute(BACKEND, backendName);
        file.putAttribute(BACKEND_DESCRIPTION, backendDescription);
        String yaml = loaded.resolvedYaml();
        int bytes = yaml.getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= MAX_ATTRIBUTE_BYTES) {
            file.putAttribute(CASE, yaml);
        } else {
            file.putDataset(CASE, yaml);
            file.putAttribute(CASE, "in dataset /" + CASE + " (" + bytes + " bytes, too long for an attribute)");
        }
        file.putAttribute(CASE_SOURCE, loaded.source() == null ? "" : loaded.source().toString());
        file.putAttribute(UNITS, unitsDescription(loaded.concentrationUnit()));
        file.putAttribute(CREATED, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
    }

    private static void writeOutlet(WritableHdfFile file, SimulationResult result, List<String> components,
                                    String unit, double residenceTime) {
        WritableGroup outlet = file.putGroup(OUTLET);
        outlet.putAttribute(COMPONENTS, components.toArray(new String[0]));
        double[] time = result.time(); // a copy on every call: once here, not once per sample
        int nT = time.length;
        dataset(outlet, OUTLET_TIME, time, "s");
        double[] columnVolumes = new double[nT];
        for (int k = 0; k < nT; k++) {
            columnVolumes[k] = time[k] / residenceTime;
        }
        dataset(outlet, OUTLET_COLUMN_VOLUMES, columnVolumes, "CV");
        dataset(outlet, OUTLET_CONCENTRATION, Reshape.to2d(result.outlet(), nT, result.nComp()), unit);
    }

    private static void writeMassBalance(WritableHdfFile file, MassBalance mb, String unit) {
        WritableGroup group = file.putGroup(MASS_BALANCE);
        group.putAttribute(RELATIVE_ERROR, mb.relativeError());
        dataset(group, INJECTED, mb.injected(), amountUnit(unit));
        dataset(group, ELUTED, mb.eluted(), amountUnit(unit));
        dataset(group, RETAINED, mb.retained(), amountUnit(unit));
    }

    private static void writeProfiles(WritableHdfFile file, Profiles p, int nComp, String unit) {
        WritableGroup group = file.putGroup(PROFILES);
        int nS = p.time().length;
        int nZ = p.z().length;
        dataset(group, PROFILES_TIME, p.time(), "s");
        dataset(group, PROFILES_Z, p.z(), "m");
        dataset(group, PROFILES_BULK, Reshape.to3d(p.bulk(), nS, nZ, nComp), unit);
        dataset(group, PROFILES_BOUND, Reshape.to3d(p.bound(), nS, nZ, nComp),
                unit + " per volume of solid skeleton, particle-averaged");
    }

    private static void writeSolver(WritableHdfFile file, SolverStats s) {
        WritableGroup group = file.putGroup(SOLVER);
        group.putAttribute(STEPS, s.steps());
        group.putAttribute(REJECTED_STEPS, s.rejectedSteps());
        group.putAttribute(NEWTON_ITERATIONS, s.newtonIterations());
        group.putAttribute(JACOBIAN_EVALUATIONS, s.jacobianEvaluations());
        group.putAttribute(WALL_SECONDS, s.wallSeconds());
        WritableDataset stats = group.putDataset(leaf(SOLVER_STATS), new double[] {s.steps(), s.rejectedSteps(),
                s.newtonIterations(), s.jacobianEvaluations(), s.wallSeconds()});
        stats.putAttribute(NAMES, SOLVER_STATS_NAMES.toArray(new String[0]));
    }

    static void dataset(WritableGroup group, String path, Object data, String units) {
        group.putDataset(leaf(path), data).putAttribute(UNITS, units);
    }

    static String leaf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Reads back every object header, so a file jhdf wrote wrongly is never published. */
    static void checkReadable(Path file) {
        try (HdfFile hdf = new HdfFile(file)) {
            visit(hdf);
        }
    }

    private static void visit(Node node) {
        node.getAttributes().values().forEach(a -> a.getData());
        if (node instanceof Group group) {
            group.getChildren().values().forEach(ResultWriter::visit);
        } else if (node instanceof Dataset dataset) {
            dataset.getDimensions();
        }
    }

    private static void checkSizes(SimulationResult r, int nComp) {
        if (r.nComp() != nComp) {
            throw new IllegalArgumentException("result has " + r.nComp() + " components, the case " + nComp);
        }
        int nT = r.time().length;
        require(nT > 0, "the result has no outlet samples");
        require(r.outlet().length == nT * nComp, "outlet has " + r.outlet().length + " values, expected " + nT * nComp);
        MassBalance mb = r.massBalance();
        require(mb.injected().length == nComp && mb.eluted().length == nComp && mb.retained().length == nComp,
                "mass balance arrays need one value per component");
        Profiles p = r.profiles();
        if (p != null) {
            int cells = p.time().length * p.z().length * nComp;
            require(p.time().length > 0 && p.z().length > 0, "profiles need at least one time and one cell");
            require(p.bulk().length == cells && p.bound().length == cells,
                    "profiles need n_s x n_z x n_comp = " + cells + " values");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
