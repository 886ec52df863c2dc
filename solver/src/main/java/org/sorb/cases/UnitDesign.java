package org.sorb.cases;

/** A space-filling design in the unit cube: {@code n} points in [0, 1)^dimensions, reproducible by seed. */
interface UnitDesign {
    /**
     * The points, {@code [n][dimensions]}, each coordinate in [0, 1).
     *
     * @param seed the seed of the design's random numbers; equal seeds give equal points
     */
    double[][] points(int n, int dimensions, long seed);
}
