package org.sorb.cadet;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sorb.cases.CaseException;

/**
 * Read access to a CADET HDF5 file by absolute path (e.g. {@code /input/model/unit_001/COL_LENGTH}); every refusal is
 * a {@link CaseException} whose field is the HDF5 path and whose value names the file.
 */
final class CadetFile implements AutoCloseable {
    private final HdfFile hdf;
    private final String fileName;

    private CadetFile(HdfFile hdf, Path file) {
        this.hdf = hdf;
        this.fileName = file.getFileName().toString();
    }

    /** Opens {@code file}; an unreadable file is refused on the field {@code (file)}. */
    static CadetFile open(Path file) throws CaseException {
        try {
            return new CadetFile(new HdfFile(file), file);
        } catch (RuntimeException e) {
            throw new CaseException("(file)", "an unreadable HDF5 file " + file + " (" + e.getMessage() + ")",
                    "a CADET input file (HDF5 with an /input group)");
        }
    }

    @Override
    public void close() {
        hdf.close();
    }

    /** True when a dataset or group exists at {@code path}. */
    boolean has(String path) {
        try {
            hdf.getByPath(path);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** True when a group exists at {@code path}. */
    boolean hasGroup(String path) {
        return has(path) && hdf.getByPath(path) instanceof Group;
    }

    /** Every number of the dataset at {@code path}, flattened; missing or non-numeric data is refused. */
    double[] numbers(String path, String expected) throws CaseException {
        List<Double> out = new ArrayList<>();
        for (Object o : values(path, expected)) {
            if (!(o instanceof Number n)) {
                throw refused(path, "'" + o + "'", expected);
            }
            out.add(n.doubleValue());
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The single number at {@code path}. */
    double number(String path, String expected) throws CaseException {
        double[] v = numbers(path, expected);
        if (v.length != 1) {
            throw refused(path, v.length + " values " + Arrays.toString(v), "one value: " + expected);
        }
        return v[0];
    }

    /** The single number at {@code path}, or {@code fallback} when there is no dataset there. */
    double number(String path, double fallback, String expected) throws CaseException {
        return has(path) ? number(path, expected) : fallback;
    }

    /** The integer at {@code path}, or {@code fallback} when absent. */
    int integer(String path, int fallback, String expected) throws CaseException {
        double v = number(path, fallback, expected);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw refused(path, format(v), expected);
        }
        return (int) v;
    }

    /** {@code n} values at {@code path}: as stored, or one value repeated when a single one is stored. */
    double[] perComponent(String path, int n, String expected) throws CaseException {
        double[] v = numbers(path, expected);
        if (v.length == 1 && n > 1) {
            double[] all = new double[n];
            Arrays.fill(all, v[0]);
            return all;
        }
        if (v.length != n) {
            throw refused(path, v.length + " values " + Arrays.toString(v), n + " values (" + expected + ")");
        }
        return v;
    }

    /** The single string at {@code path} (a one-element string array counts), trimmed. */
    String text(String path, String expected) throws CaseException {
        List<Object> v = values(path, expected);
        if (v.size() != 1 || !(v.get(0) instanceof String s)) {
            throw refused(path, v.size() == 1 ? String.valueOf(v.get(0)) : v.toString(), expected);
        }
        return s.trim();
    }

    /** The string at {@code path}, or {@code fallback} when absent. */
    String text(String path, String fallback, String expected) throws CaseException {
        return has(path) ? text(path, expected) : fallback;
    }

    /** The value stored at {@code path} for messages: a string, a number or a list. */
    String display(String path) {
        try {
            List<Object> v = values(path, "");
            return v.size() == 1 ? String.valueOf(v.get(0)) : v.toString();
        } catch (CaseException e) {
            return "nothing";
        }
    }

    /** A refusal of the value at {@code path}, naming this file. */
    CaseException refused(String path, String found, String expected) {
        return new CaseException(path, found + " in " + fileName, expected);
    }

    /** The numbers' text as CADET users read it. */
    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    private List<Object> values(String path, String expected) throws CaseException {
        Node node;
        try {
            node = hdf.getByPath(path);
        } catch (RuntimeException e) {
            throw refused(path, "nothing", expected);
        }
        if (!(node instanceof Dataset dataset)) {
            throw refused(path, "a group", expected);
        }
        List<Object> out = new ArrayList<>();
        flatten(dataset.getData(), out);
        return out;
    }

    private static void flatten(Object o, List<Object> out) {
        if (o != null && o.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(o); i++) {
                flatten(Array.get(o, i), out);
            }
        } else {
            out.add(o);
        }
    }
}
