package org.sorb.numerics.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sorb.numerics.Esdirk32;
import org.sorb.numerics.EsdirkStepper;
import org.sorb.numerics.InletSegment;
import org.sorb.numerics.NewtonSettings;
import org.sorb.numerics.StagePredictor;

/**
 * The host-kernel contract of the step attempt, stated once: the records the host writes and reads (the tableau,
 * each design's STEP description and RESULT), every buffer's elements per design ({@link BatchBuffers}) and the
 * Newton settings ({@link NewtonSettings}). The host indexes the records through these enums, and
 * {@link #constants} turns the same description into the -D constants the kernels use ({@code TAB_*},
 * {@code STEP_*} with {@code STEP_PREDICTOR_STAGE}, the predictor weights per stage, {@code TOL_*},
 * {@code RESULT_*}, {@code BAND_*}, {@code LEN_*}, {@code N}, {@code NEWTON_*}), so no offset is typed twice.
 * These names are kept apart from {@link KernelConstants}' sizes and parameter offsets.
 */
public final class KernelLayout {
    /** A {@link Step} field's width marker: one value per component. */
    private static final int PER_COMPONENT = -1;

    private KernelLayout() {
    }

    /** The tableau buffer, shared by all designs: a_ij (row-major), b, b_hat and c of {@link Esdirk32}. */
    public enum Tableau {
        A(Esdirk32.STAGES * Esdirk32.STAGES), B(Esdirk32.STAGES), B_HAT(Esdirk32.STAGES), C(Esdirk32.STAGES);

        private final int width;

        Tableau(int width) {
            this.width = width;
        }

        /** Index of this field's first value. */
        public int offset() {
            int at = 0;
            for (Tableau f : values()) {
                if (f == this) {
                    return at;
                }
                at += f.width;
            }
            throw new AssertionError(this);
        }

        /** Values in the buffer. */
        public static int length() {
            return C.offset() + C.width;
        }

        /** The buffer's contents, from {@link Esdirk32}. */
        public static double[] contents() {
            double[] tab = new double[length()];
            System.arraycopy(Esdirk32.A, 0, tab, A.offset(), A.width);
            System.arraycopy(Esdirk32.B, 0, tab, B.offset(), B.width);
            System.arraycopy(Esdirk32.B_HAT, 0, tab, B_HAT.offset(), B_HAT.width);
            System.arraycopy(Esdirk32.C, 0, tab, C.offset(), C.width);
            return tab;
        }
    }

    /**
     * A design's step description: start time t, step h, the stage predictors' weights ({@link StagePredictor}:
     * w_y, w_a, w_b of stage 1, then of stage 2 and 3), the start of the inlet's current segment and its cubic's
     * coefficients per component ({@link InletSegment}: value, slope, quadratic, cubic). Value c of field f of
     * design b is at [(f.offset(nc) + c) * nd + b].
     */
    public enum Step {
        T(1), H(1), PREDICTOR(StagePredictor.WEIGHTS), INLET_START(1), INLET_VALUE(PER_COMPONENT),
        INLET_SLOPE(PER_COMPONENT), INLET_QUADRATIC(PER_COMPONENT), INLET_CUBIC(PER_COMPONENT);

        /** The fields of the inlet cubic's terms, by power of dt. */
        private static final Step[] INLET_TERMS = {INLET_VALUE, INLET_SLOPE, INLET_QUADRATIC, INLET_CUBIC};

        /** Values of the field, or {@link KernelLayout#PER_COMPONENT} for one per component. */
        private final int values;

        Step(int values) {
            this.values = values;
        }

        private int width(int nc) {
            return values == PER_COMPONENT ? nc : values;
        }

        /** Index of this field's first value per design. */
        public int offset(int nc) {
            int at = 0;
            for (Step f : values()) {
                if (f == this) {
                    return at;
                }
                at += f.width(nc);
            }
            throw new AssertionError(this);
        }

        /** Values per design. */
        public static int length(int nc) {
            Step last = values()[values().length - 1];
            return last.offset(nc) + last.width(nc);
        }

        /** The field of the inlet term of power p (0 to {@link InletSegment#TERMS} - 1). */
        public static Step inletTerm(int p) {
            return INLET_TERMS[p];
        }

        /** Writes design b's inlet segment (start and terms) into a STEP buffer of nd designs. */
        public static void putInlet(InletSegment segment, double[] stepInfo, int nc, int nd, int b) {
            stepInfo[INLET_START.at(nc, nd, b, 0)] = segment.start();
            for (int p = 0; p < InletSegment.TERMS; p++) {
                for (int c = 0; c < nc; c++) {
                    stepInfo[INLET_TERMS[p].at(nc, nd, b, c)] = segment.term(p, c);
                }
            }
        }

        /** Host index of design b's value c (the component of a per-component field, the weight of PREDICTOR). */
        public int at(int nc, int nd, int b, int c) {
            return (offset(nc) + c) * nd + b;
        }
    }

    /** A design's tolerances (TOL): absolute and relative, as the error norm and the Newton weights use them. */
    public enum Tol {
        ABS, REL;

        /** Values per design. */
        public static int length() {
            return values().length;
        }

        /** Host index of design b's value. */
        public int at(int nd, int b) {
            return ordinal() * nd + b;
        }
    }

    /** What a step attempt reports per design: failed (0 or 1), Newton iterations, squared error norm. */
    public enum Result {
        FAILED, ITERATIONS, ERROR_NORM;

        /** Values per design. */
        public static int length() {
            return values().length;
        }

        /** Host index of design b's value. */
        public int at(int nd, int b) {
            return ordinal() * nd + b;
        }
    }

    /** The kernels' names of these constants and their values, in a fixed order. */
    public static Map<String, String> constants(KernelConstants k) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("TAB_STAGES", Integer.toString(Esdirk32.STAGES));
        for (Tableau f : Tableau.values()) {
            out.put("TAB_" + f.name(), Integer.toString(f.offset()));
        }
        for (Step f : Step.values()) {
            out.put("STEP_" + f.name(), Integer.toString(f.offset(k.nc())));
        }
        out.put("STEP_PREDICTOR_STAGE", Integer.toString(StagePredictor.PER_STAGE));
        for (Result f : Result.values()) {
            out.put("RESULT_" + f.name(), Integer.toString(f.ordinal()));
        }
        for (Tol f : Tol.values()) {
            out.put("TOL_" + f.name(), Integer.toString(f.ordinal()));
        }
        out.put("BAND_KL", Integer.toString(k.bandLower()));
        out.put("BAND_KU", Integer.toString(k.bandUpper()));
        out.put("BAND_W", Integer.toString(k.bandWidth()));
        out.put("N", Long.toString(k.unknowns()));
        for (BatchDevice.Buf b : BatchDevice.Buf.values()) {
            out.put("LEN_" + b.name(), Long.toString(BatchBuffers.perDesign(b, k)));
        }
        for (BatchDevice.IntBuf b : BatchDevice.IntBuf.values()) {
            out.put("LEN_" + b.name(), Long.toString(BatchBuffers.perDesign(b, k)));
        }
        NewtonSettings newton = EsdirkStepper.NEWTON;
        out.put("NEWTON_MAX_ITERATIONS", Integer.toString(newton.maxIterations()));
        out.put("NEWTON_TOLERANCE", literal(newton.tolerance()));
        out.put("NEWTON_DIVERGENCE_RATE", literal(newton.divergenceRate()));
        out.put("NEWTON_ETA_EXPONENT", literal(newton.etaExponent()));
        out.put("NEWTON_ETA_FLOOR", literal(newton.etaFloor()));
        return out;
    }

    /** The OpenCL build options defining {@link #constants}. */
    public static String defines(KernelConstants k) {
        StringBuilder s = new StringBuilder();
        constants(k).forEach((name, value) -> s.append(" -D ").append(name).append('=').append(value));
        return s.toString().trim();
    }

    /** A double as an OpenCL C literal that reads back as the same double (Java's shortest round-trip digits). */
    static String literal(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite constant: " + v);
        }
        String s = Double.toString(v);
        return s.indexOf('.') >= 0 || s.indexOf('E') >= 0 ? s : s + ".0";
    }
}
