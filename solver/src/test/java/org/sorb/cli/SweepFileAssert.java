package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.sorb.io.ResultNames;

/**
 * Compares two sweep files bit for bit in every dataset and attribute under {@code /sweep} (and {@code /outlet/time}),
 * except the one number that cannot repeat between runs: the wall seconds column of {@code /sweep/solver_stats}.
 */
final class SweepFileAssert {
    private SweepFileAssert() {
    }

    /** Fails unless {@code actual} equals {@code expected} in /sweep/* (wall seconds aside) and /outlet/time. */
    static void assertSameSweep(Path expected, Path actual) {
        try (HdfFile e = new HdfFile(expected); HdfFile a = new HdfFile(actual)) {
            assertArrayEquals((double[]) e.getDatasetByPath(ResultNames.OUTLET_TIME).getData(),
                    (double[]) a.getDatasetByPath(ResultNames.OUTLET_TIME).getData());
            compare(e.getByPath(ResultNames.SWEEP), a.getByPath(ResultNames.SWEEP));
        }
    }

    /** The design numbers a sweep file holds, in row order. */
    static long[] designIndex(Path file) {
        try (HdfFile f = new HdfFile(file)) {
            return (long[]) f.getDatasetByPath(ResultNames.SWEEP_DESIGN_INDEX).getData();
        }
    }

    /** The {@code /sweep} attribute {@code name} of a file. */
    static Object sweepAttribute(Path file, String name) {
        try (HdfFile f = new HdfFile(file)) {
            return f.getByPath(ResultNames.SWEEP).getAttribute(name).getData();
        }
    }

    private static void compare(Node e, Node a) {
        String path = e.getPath();
        assertEquals(new TreeSet<>(e.getAttributes().keySet()), new TreeSet<>(a.getAttributes().keySet()),
                "attributes of " + path);
        for (String name : e.getAttributes().keySet()) {
            assertTrue(Objects.deepEquals(e.getAttribute(name).getData(), a.getAttribute(name).getData()),
                    "attribute " + name + " of " + path);
        }
        if (e instanceof Group ge) {
            Group ga = (Group) a;
            assertEquals(new TreeSet<>(ge.getChildren().keySet()), new TreeSet<>(ga.getChildren().keySet()),
                    "children of " + path);
            for (String child : ge.getChildren().keySet()) {
                compare(ge.getChild(child), ga.getChild(child));
            }
            return;
        }
        Object de = ((Dataset) e).getData();
        Object da = ((Dataset) a).getData();
        if (path.endsWith(ResultNames.SWEEP_SOLVER_STATS)) {
            int wall = List.of((String[]) e.getAttribute(ResultNames.NAMES).getData())
                    .indexOf(ResultNames.WALL_SECONDS);
            de = withoutColumn((double[][]) de, wall);
            da = withoutColumn((double[][]) da, wall);
        }
        assertTrue(Objects.deepEquals(de, da), path + " differs");
    }

    private static double[][] withoutColumn(double[][] m, int column) {
        double[][] out = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            out[r] = m[r].clone();
            out[r][column] = 0.0;
        }
        return out;
    }

    /** Rows 0..n-1. */
    static long[] allDesigns(int n) {
        long[] out = new long[n];
        Arrays.setAll(out, d -> d);
        return out;
    }
}
