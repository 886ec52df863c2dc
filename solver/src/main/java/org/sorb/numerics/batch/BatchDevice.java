package org.sorb.numerics.batch;

/**
 * Where a batch of columns lives and its kernels run: buffers named by {@link Buf} and {@link IntBuf}, and one
 * method per kernel launch (see {@code kernels/*.cl}). {@link BatchIntegrator} drives it; implementations:
 * {@link ReferenceBatchDevice} (the single-column reference classes per design: the oracle) and the OpenCL device.
 */
public interface BatchDevice extends AutoCloseable {
    /**
     * Double buffers. Stage 0 is (Y, F1); stages 1..3 are (S1..S3, FS1..FS3); PREV and PREV_S2 hold the last accepted
     * step's start and stage 2 (for the stage predictors); WEIGHT holds the inverse Newton weights
     * 1 / (abstol + reltol |Y|).
     */
    enum Buf { Y, F1, PREV, PREV_S2, S1, S2, S3, FS1, FS2, FS3, SUM, RHS, ERR, WEIGHT, BULK_RHS, CIN, PAR, HG, TOL,
        NORM, OUTLET, BLOCKS, LOWER, UPPER, BMAT, CMAT, BAND, STEP, ETA, RESULT, TABLEAU }

    /** Integer buffers. */
    enum IntBuf { ACTIVE, OK, PIV, BAND_PIV }

    /** The sizes every buffer is made for. */
    KernelConstants constants();

    /** Number of designs nd. */
    int designs();

    void write(Buf buffer, double[] data);

    void read(Buf buffer, double[] data);

    /**
     * Reads design b's elements of a buffer laid out as [l * nd + b] (l = 0 .. into.length - 1) into {@code into}:
     * one design's column, without moving the other designs' data.
     */
    void readDesign(Buf buffer, int b, double[] into);

    void write(IntBuf buffer, int[] data);

    void read(IntBuf buffer, int[] data);

    /** Kernel residual: f = F(y) with CIN, PAR, ACTIVE. */
    void residual(Buf y, Buf f);

    /** Kernel stage_rhs: RHS = -(M (ys - Y) - SUM - HG F(ys)). */
    void stageRhs(Buf ys);

    /** Kernel factor_design: assemble_eliminate (at y) over all cells and band_factor; clears OK of singular designs. */
    void factor(Buf y);

    /** Kernel solve_design: solve_forward, band_solve, solve_back on x in place. */
    void solve(Buf x);

    /** Kernel newton_iteration: stage_rhs at ys, the direct solve of RHS, newton_update of ys (NORM, with WEIGHT). */
    void newtonIteration(Buf ys);

    /**
     * Kernel attempt_design: a whole step attempt (stages, Newton, error estimate) of every ACTIVE design on the
     * factored matrix, from STEP (t, h, stage predictor weights, inlet start, inlet cubic terms) and ETA;
     * writes S1..S3, FS1..FS3, WEIGHT, ETA and RESULT (failed, Newton iterations, squared error norm).
     */
    void attempt();

    /** Kernel newton_weights: WEIGHT = 1 / (abstol + reltol |Y|) with TOL. */
    void newtonWeights();

    /** Kernel copy_active: dst = src for active designs. */
    void copyActive(Buf src, Buf dst);

    /**
     * Kernel gather_stage_outlets: OUTLET[j * nc + i][b] = the last cell's bulk concentration of component i in
     * stage state j (Y, S1, S2, S3), so that one read brings the outlet quadrature and interpolation every stage.
     */
    void gatherStageOutlets();

    @Override
    void close();
}
