// Sorb column kernels: the pieces of an ESDIRK step attempt (reference: EsdirkStepper.attemptFactored), used by the one
// attempt source column_attempt.clh in both kernel families. The layouts come as -D constants from KernelLayout.java:
// the tableau buffer (TAB_A + i * TAB_STAGES + j, TAB_B + j, TAB_B_HAT + j, TAB_C + j), each design's STEP record
// (STEP_T, STEP_H, STEP_PREDICTOR + (i - 1) STEP_PREDICTOR_STAGE + k, STEP_INLET_START, STEP_INLET_VALUE + c,
// STEP_INLET_SLOPE + c, STEP_INLET_QUADRATIC + c, STEP_INLET_CUBIC + c), its RESULT record
// (RESULT_FAILED, RESULT_ITERATIONS, RESULT_ERROR_NORM) and the Newton settings (NEWTON_*, NewtonSettings.java).

/** Field q of the lanes' STEP records. */
#define STEP(q) G(step, (q) * nd + b)
/** Stores v into field q of the RESULT records of the lanes in mask m. */
#define SET_RESULT(q, v, m) SM(result, (q) * nd + b, (v), (m))

/**
 * Start of stage i over elements l = first, first + stride, ... < N: sum = h (a_i0 f0 + a_i1 g1 + a_i2 g2) (terms
 * up to j < i) and the predictor ys = wy y + wa pa + wb pb (StagePredictor.java: the weights come in STEP).
 */
void stage_start(int first, int stride, int i, real h, real wy, real wa, real wb, __constant double* tab,
                 __global const double* y, __global const double* pa, __global const double* pb,
                 __global const double* f0, __global const double* g1, __global const double* g2,
                 __global double* sum, __global double* ys, int nd, int b) {
    real a0 = h * tab[TAB_A + i * TAB_STAGES];
    real a1 = h * tab[TAB_A + i * TAB_STAGES + 1];
    real a2 = h * tab[TAB_A + i * TAB_STAGES + 2];
    for (int l = first; l < N; l += stride) {
        real s = a0 * G(f0, AT(l));
        if (i > 1) {
            s += a1 * G(g1, AT(l));
        }
        if (i > 2) {
            s += a2 * G(g2, AT(l));
        }
        S(sum, AT(l), s);
        S(ys, AT(l), wy * G(y, AT(l)) + wa * G(pa, AT(l)) + wb * G(pb, AT(l)));
    }
}

/**
 * The stage's inlet concentrations at t + c_i h from the step description: the section's cubic in dt = t - start by
 * Horner (InletPolynomial.java), value + dt (slope + dt (quadratic + dt cubic)).
 */
void stage_inlet(int i, real t, real h, __constant double* tab, __global const double* step, __global double* cin,
                 int nd, int b) {
    real dt = t + tab[TAB_C + i] * h - STEP(STEP_INLET_START);
    for (int c = 0; c < NC; c++) {
        real upper = STEP(STEP_INLET_QUADRATIC + c) + dt * STEP(STEP_INLET_CUBIC + c);
        S(cin, c * nd + b, STEP(STEP_INLET_VALUE + c) + dt * (STEP(STEP_INLET_SLOPE + c) + dt * upper));
    }
}

/**
 * EsdirkStepper's Newton test (NewtonSettings) after iteration k of the lanes in mask iterating, from the weighted
 * norm of the correction: non-finite, or a contraction rate >= NEWTON_DIVERGENCE_RATE, fails (eta = 1);
 * eta * norm <= NEWTON_TOLERANCE or a zero correction converges (eta carried out). Updates e, etaHere, previous,
 * failed and converged lane by lane.
 */
void newton_test(int k, real norm, lmask iterating, real* e, real* etaHere, real* previous, lmask* failed,
                 lmask* converged) {
    lmask broken = iterating & !isfinite(norm);
    lmask fine = iterating & !broken;
    if (k > 0) {
        real rate = norm / *previous;
        lmask diverging = fine & (rate >= NEWTON_DIVERGENCE_RATE);
        broken = broken | diverging;
        fine = fine & !diverging;
        *etaHere = SEL(*etaHere, rate / (1.0 - rate), fine);
    }
    *e = SEL(*e, 1.0, broken);
    *failed = *failed | broken;
    lmask done = fine & ((*etaHere * norm <= NEWTON_TOLERANCE) | (norm == 0.0));
    *e = SEL(*e, *etaHere, done);
    *converged = *converged | done;
    *previous = SEL(*previous, norm, fine);
}

/** err = h sum_j (b_j - b_hat_j) F_j over elements l = first, first + stride, ... < N. */
void error_combine(int first, int stride, real h, __constant double* tab, __global const double* f0,
                   __global const double* g1, __global const double* g2, __global const double* g3,
                   __global double* err, int nd, int b) {
    real d0 = h * (tab[TAB_B] - tab[TAB_B_HAT]);
    real d1 = h * (tab[TAB_B + 1] - tab[TAB_B_HAT + 1]);
    real d2 = h * (tab[TAB_B + 2] - tab[TAB_B_HAT + 2]);
    real d3 = h * (tab[TAB_B + 3] - tab[TAB_B_HAT + 3]);
    for (int l = first; l < N; l += stride) {
        S(err, AT(l), d0 * G(f0, AT(l)) + d1 * G(g1, AT(l)) + d2 * G(g2, AT(l)) + d3 * G(g3, AT(l)));
    }
}
