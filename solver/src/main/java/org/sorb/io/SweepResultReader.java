package org.sorb.io;

import static org.sorb.io.ResultNames.*;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a sweep result file written by {@link SweepResultWriter}; a file written before failed designs were recorded
 * (no {@code /sweep/failed}) reads as one in which no design failed.
 */
public final class SweepResultReader {
    private SweepResultReader() {
    }

    /** True when {@code file} is a Sorb result with a {@code /sweep} group. */
    public static boolean isSweep(Path file) throws IOException {
        try (HdfFile hdf = new HdfFile(file)) {
            return hdf.getChild(SWEEP) != null;
        } catch (HdfException e) {
            throw new IOException("not a readable HDF5 file: " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads every dataset and attribute of the sweep layout.
     *
     * @throws IOException when the file is missing, not HDF5, or not a sweep result
     */
    public static SweepResultFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        try (HdfFile hdf = new HdfFile(file)) {
            if (hdf.getChild(SWEEP) == null) {
                throw new IOException("not a sweep result (no /" + SWEEP + "): " + file);
            }
            Node sweep = hdf.getByPath(SWEEP);
            Dataset parameters = hdf.getDatasetByPath(SWEEP_PARAMETERS);
            Dataset stats = hdf.getDatasetByPath(SWEEP_SOLVER_STATS);
            String definition = (String) attribute(sweep, DEFINITION);
            if (definition.startsWith("in dataset /")) {
                definition = (String) hdf.getDatasetByPath(SWEEP + "/" + DEFINITION).getData();
            }
            Map<String, String> attributes = new HashMap<>();
            for (String name : ROOT_STRING_ATTRIBUTES) {
                Attribute a = hdf.getAttribute(name);
                if (a != null) {
                    attributes.put(name, (String) a.getData());
                }
            }
            if (hdf.getChild(CASE) instanceof Dataset d) {
                attributes.put(CASE, (String) d.getData());
            }
            int n = parameters.getDimensions()[0];
            boolean[] failed = new boolean[n];
            List<String> reasons = Collections.nCopies(n, "");
            if (sweep instanceof Group g && g.getChild(leaf(SWEEP_FAILED)) != null) {
                byte[] flags = (byte[]) hdf.getDatasetByPath(SWEEP_FAILED).getData();
                for (int d = 0; d < n; d++) {
                    failed[d] = flags[d] != 0;
                }
                reasons = List.of((String[]) hdf.getDatasetByPath(SWEEP_FAILURE_REASON).getData());
            }
            return new SweepResultFile((double[]) hdf.getDatasetByPath(OUTLET_TIME).getData(),
                    List.of((String[]) attribute(hdf.getByPath(OUTLET), COMPONENTS)),
                    List.of((String[]) attribute(parameters, NAMES)), (double[][]) parameters.getData(),
                    (double[][][]) hdf.getDatasetByPath(SWEEP_OUTLET_CONCENTRATION).getData(),
                    (double[]) hdf.getDatasetByPath(SWEEP_MASS_BALANCE_ERROR).getData(),
                    (double[][]) stats.getData(), failed, reasons, (String) attribute(sweep, MODE), definition,
                    attributes);
        } catch (HdfException | IllegalStateException | ClassCastException e) {
            throw new IOException("not a readable Sorb sweep file: " + file + ": " + e.getMessage(), e);
        }
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Object attribute(Node node, String name) {
        Attribute a = node.getAttribute(name);
        if (a == null) {
            throw new IllegalStateException("missing attribute " + name + " on " + node.getPath());
        }
        return a.getData();
    }
}
