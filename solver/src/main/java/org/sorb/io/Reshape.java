package org.sorb.io;

/** Conversions between the solver's flat row-major arrays and the nested arrays jhdf reads and writes. */
final class Reshape {
    private Reshape() {
    }

    /** Row-major [rows * cols] to [rows][cols]. */
    static double[][] to2d(double[] flat, int rows, int cols) {
        check(flat, (long) rows * cols);
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * cols, out[r], 0, cols);
        }
        return out;
    }

    /** Row-major [a * b * c] to [a][b][c]. */
    static double[][][] to3d(double[] flat, int a, int b, int c) {
        check(flat, (long) a * b * c);
        double[][][] out = new double[a][b][c];
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < b; j++) {
                System.arraycopy(flat, (i * b + j) * c, out[i][j], 0, c);
            }
        }
        return out;
    }

    /** [rows][cols] to row-major [rows * cols]. */
    static double[] flatten(double[][] nested) {
        int cols = nested.length == 0 ? 0 : nested[0].length;
        double[] out = new double[Math.multiplyExact(nested.length, cols)];
        for (int r = 0; r < nested.length; r++) {
            System.arraycopy(nested[r], 0, out, r * cols, cols);
        }
        return out;
    }

    /** [a][b][c] to row-major [a * b * c]. */
    static double[] flatten(double[][][] nested) {
        int b = nested.length == 0 ? 0 : nested[0].length;
        int c = b == 0 ? 0 : nested[0][0].length;
        double[] out = new double[Math.multiplyExact(Math.multiplyExact(nested.length, b), c)];
        for (int i = 0; i < nested.length; i++) {
            for (int j = 0; j < b; j++) {
                System.arraycopy(nested[i][j], 0, out, (i * b + j) * c, c);
            }
        }
        return out;
    }

    private static void check(double[] flat, long expected) {
        if (flat.length != expected) {
            throw new IllegalArgumentException("array of " + flat.length + " values, expected " + expected);
        }
    }
}
