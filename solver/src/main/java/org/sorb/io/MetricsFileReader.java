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
import java.util.ArrayList;
import java.util.List;
import org.sorb.metrics.MetricsReport;

/**
 * Reads the design metrics of a result file ({@code /sweep/metrics} of a sweep, {@code /metrics} of a single run as
 * one row) with their grid errors; a file written before metrics existed reads as null.
 */
public final class MetricsFileReader {
    private MetricsFileReader() {
    }

    /**
     * The metrics of {@code file}, or null when it has none.
     *
     * @throws IOException when the file is missing or not HDF5
     */
    public static MetricsReport read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        try (HdfFile hdf = new HdfFile(file)) {
            boolean sweep = hdf.getChild(SWEEP) != null;
            Node parent = sweep ? hdf.getByPath(SWEEP) : hdf;
            if (!(parent instanceof Group group) || group.getChild(leaf(SWEEP_METRICS)) == null) { // leaf: metrics
                return null;
            }
            Dataset values = hdf.getDatasetByPath(sweep ? SWEEP_METRICS : METRICS);
            Dataset errors = hdf.getDatasetByPath(sweep ? SWEEP_METRICS_GRID_ERROR : METRICS_GRID_ERROR);
            double[][] v = sweep ? (double[][]) values.getData() : new double[][] {(double[]) values.getData()};
            double[][] e = sweep ? (double[][]) errors.getData() : new double[][] {(double[]) errors.getData()};
            List<List<String>> notes = new ArrayList<>();
            for (int d = 0; d < v.length; d++) {
                notes.add(sweep ? List.of() : strings(values, NOTES));
            }
            return new MetricsReport(strings(values, NAMES), strings(values, UNITS), v, e,
                    (double) errors.getAttribute(TOLERANCE).getData(), (String) errors.getAttribute(METHOD).getData(),
                    notes);
        } catch (HdfException | ClassCastException e) {
            throw new IOException("cannot read the metrics of " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> strings(Node node, String name) {
        Attribute a = node.getAttribute(name);
        return a == null ? List.of() : List.of((String[]) a.getData());
    }

    private static String leaf(String path) {
        return ResultWriter.leaf(path);
    }
}
