package org.sorb.fit;

import java.util.List;

/**
 * One experiment's measured and fitted curve at the optimum.
 *
 * @param name        the experiment's name
 * @param axis        what x counts
 * @param x           x values of the rows (axis SI unit), n values
 * @param time        the outlet time of each row (s), n values
 * @param components  the measured components, m of them
 * @param measured    measured values, row-major [n][m]
 * @param fitted      the fitted model at the rows, row-major [n][m]
 * @param rmse        root-mean-square of fitted - measured (unweighted), concentration unit
 * @param outletTime  the simulated outlet's times at the optimum (s), n_t values
 * @param outlet      the simulated outlet of the measured components, row-major [n_t][m]
 */
public record CurveFit(String name, XAxis axis, double[] x, double[] time, List<String> components,
                       double[] measured, double[] fitted, double rmse, double[] outletTime, double[] outlet) {
    public CurveFit {
        components = List.copyOf(components);
        x = x.clone();
        time = time.clone();
        measured = measured.clone();
        fitted = fitted.clone();
        outletTime = outletTime.clone();
        outlet = outlet.clone();
    }
}
