package org.sorb.cases;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * A Latin hypercube: in every dimension the n strata [k/n, (k + 1)/n) hold one point each, the strata paired at
 * random between dimensions (a seeded Fisher-Yates permutation per dimension, Well19937c) and each point placed
 * uniformly at random inside its stratum (McKay, Beckman and Conover 1979).
 */
final class LatinHypercubeDesign implements UnitDesign {
    @Override
    public double[][] points(int n, int dimensions, long seed) {
        RandomGenerator random = new Well19937c(seed);
        double[][] out = new double[n][dimensions];
        int[] strata = new int[n];
        for (int j = 0; j < dimensions; j++) {
            for (int k = 0; k < n; k++) {
                strata[k] = k;
            }
            for (int k = n - 1; k > 0; k--) {
                int other = random.nextInt(k + 1);
                int t = strata[k];
                strata[k] = strata[other];
                strata[other] = t;
            }
            for (int i = 0; i < n; i++) {
                out[i][j] = inStratum(strata[i], n, random.nextDouble());
            }
        }
        return out;
    }

    /** (k + u)/n, moved by an ulp where round-off would put it outside [k/n, (k + 1)/n) as floor(x n) sees it. */
    static double inStratum(int k, int n, double u) {
        double x = (k + u) / n;
        while (Math.floor(x * n) > k) {
            x = Math.nextDown(x);
        }
        while (Math.floor(x * n) < k) {
            x = Math.nextUp(x);
        }
        return x;
    }
}
