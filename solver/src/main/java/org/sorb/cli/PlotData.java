package org.sorb.cli;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;

/** What {@code sorb plot} reads from a result file: datasets as arrays, string attributes, units. */
final class PlotData {
    private PlotData() {
    }

    static double[] doubles(HdfFile h5, String path) {
        return (double[]) h5.getDatasetByPath(path).getData();
    }

    static double[][] matrix(HdfFile h5, String path) {
        return (double[][]) h5.getDatasetByPath(path).getData();
    }

    static double[][][] cube(HdfFile h5, String path) {
        return (double[][][]) h5.getDatasetByPath(path).getData();
    }

    static double[] column(double[][] m, int k) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][k];
        }
        return out;
    }

    /** A string or string-array attribute; an empty array when the node has none. */
    static String[] strings(Node node, String name) {
        Attribute a = node.getAttribute(name);
        if (a == null) {
            return new String[0];
        }
        Object data = a.getData();
        if (data instanceof String[] s) {
            return s;
        }
        return new String[] {String.valueOf(data)};
    }

    /** The {@code units} attribute of the dataset at {@code path}, or {@code fallback} when it has none. */
    static String units(HdfFile h5, String path, String fallback) {
        Dataset d = h5.getDatasetByPath(path);
        String[] u = strings(d, "units");
        return u.length == 1 && !u[0].isBlank() ? u[0] : fallback;
    }

    /** {@code t} (s) in minutes. */
    static double[] minutes(double[] t) {
        double[] x = new double[t.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = t[i] / 60.0;
        }
        return x;
    }
}
