package org.sorb.io;

import static org.sorb.io.ResultNames.*;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sorb.model.MassBalance;
import org.sorb.model.Profiles;
import org.sorb.model.SimulationResult;
import org.sorb.model.SolverStats;

/** Reads a result file written by {@link ResultWriter} back into memory. */
public final class ResultReader {
    private ResultReader() {
    }

    /**
     * Reads every dataset and attribute of the Sorb layout.
     *
     * @throws IOException when the file is missing, not HDF5, or lacks part of the layout
     */
    public static ResultFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        try (HdfFile hdf = new HdfFile(file)) {
            return read(hdf);
        } catch (HdfException | IllegalStateException | ClassCastException e) {
            throw new IOException("not a readable Sorb result file: " + file + ": " + e.getMessage(), e);
        }
    }

    private static ResultFile read(HdfFile hdf) {
        Map<String, String> units = new HashMap<>();
        double[] time = (double[]) data(hdf, OUTLET_TIME, units);
        double[][] outlet = (double[][]) data(hdf, OUTLET_CONCENTRATION, units);
        List<String> components = List.of((String[]) attribute(hdf.getByPath(OUTLET), COMPONENTS));

        Node mb = hdf.getByPath(MASS_BALANCE);
        MassBalance massBalance = new MassBalance((double[]) data(hdf, INJECTED, units),
                (double[]) data(hdf, ELUTED, units), (double[]) data(hdf, RETAINED, units),
                (Double) attribute(mb, RELATIVE_ERROR));

        Profiles profiles = null;
        if (hdf.getChild(PROFILES) != null) {
            profiles = new Profiles((double[]) data(hdf, PROFILES_TIME, units), (double[]) data(hdf, PROFILES_Z, units),
                    Reshape.flatten((double[][][]) data(hdf, PROFILES_BULK, units)),
                    Reshape.flatten((double[][][]) data(hdf, PROFILES_BOUND, units)));
        }

        Node s = hdf.getByPath(SOLVER);
        SolverStats stats = new SolverStats((Long) attribute(s, STEPS), (Long) attribute(s, REJECTED_STEPS),
                (Long) attribute(s, NEWTON_ITERATIONS), (Long) attribute(s, JACOBIAN_EVALUATIONS),
                (Double) attribute(s, WALL_SECONDS));

        Map<String, String> attributes = new HashMap<>();
        for (String name : ROOT_STRING_ATTRIBUTES) {
            Attribute a = hdf.getAttribute(name);
            if (a != null) {
                attributes.put(name, (String) a.getData());
            }
        }
        Node caseDataset = hdf.getChild(CASE);
        if (caseDataset instanceof Dataset d) {
            attributes.put(CASE, (String) d.getData());
        }
        SimulationResult result = new SimulationResult(time, Reshape.flatten(outlet), components.size(), massBalance,
                profiles, stats);
        return new ResultFile(result, components, attributes, units);
    }

    private static Object data(HdfFile hdf, String path, Map<String, String> units) {
        Dataset d = hdf.getDatasetByPath(path);
        Attribute u = d.getAttribute(UNITS);
        if (u != null) {
            units.put(path, (String) u.getData());
        }
        return d.getData();
    }

    private static Object attribute(Node node, String name) {
        Attribute a = node.getAttribute(name);
        if (a == null) {
            throw new IllegalStateException("missing attribute " + name + " on " + node.getPath());
        }
        return a.getData();
    }
}
