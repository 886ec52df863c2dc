package org.sorb.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReshapeTest {
    @Test
    void rowMajorRoundTrips() {
        double[] flat = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        double[][] m = Reshape.to2d(flat, 4, 3);
        assertEquals(5.0, m[1][2]);
        assertArrayEquals(flat, Reshape.flatten(m));
        double[][][] t = Reshape.to3d(flat, 2, 3, 2);
        assertEquals(9.0, t[1][1][1]);
        assertArrayEquals(flat, Reshape.flatten(t));
        assertThrows(IllegalArgumentException.class, () -> Reshape.to2d(flat, 5, 3));
    }
}
