package org.sorb.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.model.ColumnCase;
import org.sorb.model.StericMassActionBinding;
import org.sorb.verification.References;

/** The built-in SMA load-wash-elute case holds CADET's {@code /input} of the reference file, value for value. */
class SmaLoadWashEluteTest {
    private static final String FILE = "cadet_GRM_reqSMA_4comp_LWE_FV_Z512parZ64.h5";
    private static final String UNIT = "/input/model/unit_000/";
    private static final String INLET = "/input/model/unit_001/";

    @Test
    void theBuiltInCaseIsCadetsInput() {
        ColumnCase c = SmaLoadWashElute.of(8, 2);
        StericMassActionBinding b = (StericMassActionBinding) c.binding();
        try (HdfFile h = new HdfFile(References.folder().resolve(FILE))) {
            assertEquals(4, (int) number(h, UNIT + "NCOMP"));
            assertEquals("STERIC_MASS_ACTION", text(h, UNIT + "ADSORPTION_MODEL"));
            assertEquals(number(h, UNIT + "adsorption/IS_KINETIC") != 0.0, b.kinetic());
            assertEquals(number(h, UNIT + "adsorption/SMA_LAMBDA"), b.lambda());
            assertArrayEquals(proteins(numbers(h, UNIT + "adsorption/SMA_KA")), b.ka());
            assertArrayEquals(proteins(numbers(h, UNIT + "adsorption/SMA_KD")), b.kd());
            assertArrayEquals(proteins(numbers(h, UNIT + "adsorption/SMA_NU")), b.nu());
            assertArrayEquals(proteins(numbers(h, UNIT + "adsorption/SMA_SIGMA")), b.sigma());
            assertEquals(number(h, UNIT + "COL_LENGTH"), c.column().length());
            assertEquals(number(h, UNIT + "COL_POROSITY"), c.column().bedPorosity());
            assertEquals(number(h, UNIT + "VELOCITY"), c.column().interstitialVelocity());
            assertEquals(number(h, UNIT + "COL_DISPERSION"), c.column().axialDispersion());
            assertEquals(number(h, UNIT + "PAR_RADIUS"), c.particle().radius());
            assertEquals(number(h, UNIT + "PAR_POROSITY"), c.particle().porosity());
            assertArrayEquals(numbers(h, UNIT + "FILM_DIFFUSION"), c.particle().filmDiffusion());
            assertArrayEquals(numbers(h, UNIT + "PAR_DIFFUSION"), c.particle().poreDiffusion());
            assertArrayEquals(numbers(h, UNIT + "INIT_C"), c.initial().bulk());
            // INIT_Q is the equilibrium with INIT_C (q_0 = Lambda), which the case leaves to the solver
            assertArrayEquals(new double[] {b.lambda(), 0.0, 0.0, 0.0}, numbers(h, UNIT + "INIT_Q"));
            double[] ends = numbers(h, "/input/solver/sections/SECTION_TIMES");
            for (int s = 0; s < c.inlet().sections().size(); s++) {
                String sec = INLET + String.format("sec_%03d/", s);
                assertEquals(ends[s + 1], c.inlet().sections().get(s).end());
                assertArrayEquals(numbers(h, sec + "CONST_COEFF"), c.inlet().sections().get(s).concentration());
                assertArrayEquals(numbers(h, sec + "LIN_COEFF"), c.inlet().sections().get(s).slope());
                assertArrayEquals(new double[4], numbers(h, sec + "QUAD_COEFF"));
                assertArrayEquals(new double[4], numbers(h, sec + "CUBE_COEFF"));
            }
            assertEquals(ends.length - 1, c.inlet().sections().size());
            assertEquals(number(h, "/input/solver/time_integrator/ABSTOL"), c.solver().absTol());
            assertEquals(number(h, "/input/solver/time_integrator/RELTOL"), c.solver().relTol());
        }
    }

    /** CADET lists the salt's (unused) entry first; the model's protein parameters are the rest. */
    private static double[] proteins(double[] all) {
        assertEquals(0.0, all[0], "CADET's salt entry");
        return Arrays.copyOfRange(all, 1, all.length);
    }

    private static String text(HdfFile h, String path) {
        Object data = ((Dataset) h.getByPath(path)).getData();
        return data instanceof String s ? s : Array.get(data, 0).toString();
    }

    private static double number(HdfFile h, String path) {
        return numbers(h, path)[0];
    }

    private static double[] numbers(HdfFile h, String path) {
        List<Double> out = new ArrayList<>();
        flatten(((Dataset) h.getByPath(path)).getData(), out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void flatten(Object o, List<Double> out) {
        if (o != null && o.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(o); i++) {
                flatten(Array.get(o, i), out);
            }
        } else if (o instanceof Number n) {
            out.add(n.doubleValue());
        }
    }
}
