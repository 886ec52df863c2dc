package org.sorb.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The stage predictors reproduce the polynomials they are built on, from the values each stage knows. */
class StagePredictorTest {
    /** Round-off of the weights and sums at these magnitudes. */
    static final double EXACT = 1e-12;
    static final double T_N = 3.0;

    /** A quadratic in time. */
    static double quadratic(double t) {
        return 0.7 - 1.3 * t + 0.45 * t * t;
    }

    static double linear(double t) {
        return 0.7 - 1.3 * t;
    }

    /** Stage i's prediction for the trajectory f, step h after a step hPrevious ending at T_N. */
    static double predicted(int i, double h, double hPrevious, java.util.function.DoubleUnaryOperator f) {
        double[] w = new double[StagePredictor.WEIGHTS];
        StagePredictor.weights(h, hPrevious, w);
        double[] c = Esdirk32.C;
        double y = f.applyAsDouble(T_N);
        double previous = f.applyAsDouble(T_N - hPrevious);
        double previous2 = f.applyAsDouble(T_N - hPrevious + c[2] * hPrevious);
        double[] stage = {y, f.applyAsDouble(T_N + c[1] * h), f.applyAsDouble(T_N + c[2] * h)};
        double a = i < 3 ? previous : stage[1];
        double b = i == 1 ? previous2 : stage[i - 1];
        double[] out = new double[1];
        StagePredictor.predict(i, w, new double[] {y}, new double[] {a}, new double[] {b}, out);
        return out[0];
    }

    @Test
    void everyStageReproducesAQuadraticAfterAComparableStep() {
        for (double ratio : new double[] {0.3, 1.0, 2.0, StagePredictor.MAX_RATIO}) {
            double h = 0.2;
            for (int i = 1; i < Esdirk32.STAGES; i++) {
                double got = predicted(i, h, h / ratio, StagePredictorTest::quadratic);
                assertEquals(quadratic(T_N + Esdirk32.C[i] * h), got, EXACT, "stage " + i + " at h / h_prev " + ratio);
            }
        }
    }

    @Test
    void afterAMuchShorterStepStagesOneAndTwoFallBackToLines() {
        double h = 0.2;
        double hPrevious = h / (2 * StagePredictor.MAX_RATIO);
        for (int i = 1; i < Esdirk32.STAGES; i++) {
            double got = predicted(i, h, hPrevious, StagePredictorTest::linear);
            assertEquals(linear(T_N + Esdirk32.C[i] * h), got, EXACT, "stage " + i);
        }
        assertEquals(quadratic(T_N + h), predicted(3, h, hPrevious, StagePredictorTest::quadratic), EXACT);
    }

    @Test
    void withoutAPreviousStepStageOneStartsFromTheStateAndStageTwoOnTheLine() {
        double h = 0.2;
        assertEquals(linear(T_N), predicted(1, h, 0.0, StagePredictorTest::linear), EXACT);
        assertEquals(linear(T_N + Esdirk32.C[2] * h), predicted(2, h, 0.0, StagePredictorTest::linear), EXACT);
        assertEquals(quadratic(T_N + h), predicted(3, h, 0.0, StagePredictorTest::quadratic), EXACT);
    }

    @Test
    void aPreviousStepCountsOnlyWhenItEndsHere() {
        assertEquals(0.5, StagePredictor.previousStep(0.5, 10.0, 10.0 + 1e-12));
        assertEquals(0.0, StagePredictor.previousStep(0.5, 10.0, 10.001));
        assertEquals(0.0, StagePredictor.previousStep(0.0, 10.0, 10.0));
    }
}
