package org.sorb.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sorb.model.ColumnModel;
import org.sorb.model.SpectralElements;
import org.sorb.numerics.Esdirk32;
import org.sorb.numerics.EsdirkStepper;
import org.sorb.numerics.StagePredictor;
import org.sorb.numerics.batch.BatchBuffers;
import org.sorb.numerics.batch.BatchDevice.Buf;
import org.sorb.numerics.batch.KernelConstants;
import org.sorb.numerics.batch.RandomBatchStates;
import org.sorb.numerics.batch.KernelLayout;

/**
 * The host-kernel contract ({@link KernelLayout}) against the kernel sources, without a device: every name of the
 * generated families that a kernel source uses is defined by the description (so a forgotten constant fails here,
 * not in a build on a user's GPU), every generated record field is used, and the records the host writes have the
 * layout the description states.
 */
class KernelContractTest {
    /** The generated families: tableau, step and result records, lengths per design, Newton settings, N. */
    static final Pattern GENERATED = Pattern.compile("\\b(?:(?:TAB|STEP|TOL|RESULT|BAND|LEN|NEWTON)_[A-Z0-9_]+|N)\\b");
    /** Families whose every generated name a kernel must use (the LEN_ family covers buffers no kernel tiles). */
    static final Pattern MUST_BE_USED = Pattern.compile("(?:TAB|STEP|TOL|RESULT|BAND|NEWTON)_[A-Z0-9_]+");
    /** Values of a STEP record before the inlet's terms: t, h, the predictor weights, the inlet's start. */
    private static final int STEP_SCALARS = 3 + StagePredictor.WEIGHTS;
    private static final Pattern DEFINE = Pattern.compile("#\\s*define\\s+([A-Za-z_][A-Za-z0-9_]*)");
    /** A structure with pores, two components and bi-Langmuir binding (the sizes do not change the names). */
    private static final KernelConstants K = KernelConstants.of(RandomBatchStates.designs(
            ColumnModel.GENERAL_RATE, "bi_langmuir", true, 1, 7, 3).get(0));

    /** The DG names: sizes (DG_*) and parameter offsets (P_DG_*), from KernelConstants and DgStructure. */
    static final Pattern DG_NAMES = Pattern.compile("\\b(?:P_)?DG_[A-Z0-9_]+\\b");
    private static final Pattern BUILD_DEFINE = Pattern.compile("-D ([A-Z0-9_]+)=");

    /** The program's sources without comments, each once. */
    private static String program() {
        return program(K);
    }

    /** The program's sources for structure k without comments, each once. */
    private static String program(KernelConstants k) {
        StringBuilder s = new StringBuilder();
        for (String r : new LinkedHashSet<>(java.util.List.of(OpenClBatchDevice.sources(k)))) {
            s.append(withoutComments(KernelSources.load("/" + r))).append('\n');
        }
        return s.toString();
    }

    static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
    }

    /** Names of the generated families that {@code source} uses but neither defines itself nor finds in defined. */
    static Set<String> undefined(String source, Set<String> defined) {
        return undefined(source, defined, GENERATED);
    }

    /** Names matching {@code family} that {@code source} uses but neither defines itself nor finds in defined. */
    static Set<String> undefined(String source, Set<String> defined, Pattern family) {
        Set<String> own = new TreeSet<>();
        Matcher d = DEFINE.matcher(source);
        while (d.find()) {
            own.add(d.group(1));
        }
        Set<String> missing = new TreeSet<>();
        Matcher m = family.matcher(source);
        while (m.find()) {
            if (!own.contains(m.group()) && !defined.contains(m.group())) {
                missing.add(m.group());
            }
        }
        return missing;
    }

    @Test
    void everyGeneratedNameTheKernelsUseIsDefined() {
        Set<String> defined = KernelLayout.constants(K).keySet();
        assertEquals(Set.of(), undefined(program(), defined), "names the kernels use that KernelLayout does not define");
    }

    /**
     * On spectral elements (a general rate model, whose particle is DG too) every DG size and parameter offset the
     * kernels use is one KernelConstants defines, and every one it defines is used; on finite volumes it defines none.
     */
    @Test
    void everyDgNameTheKernelsUseIsDefinedAndUsed() {
        KernelConstants dg = KernelConstants.of(RandomBatchStates.designs(ColumnModel.GENERAL_RATE, "bi_langmuir", true,
                1, new SpectralElements(2, 3, 2, 2, true)).get(0));
        Set<String> defined = new TreeSet<>();
        Matcher d = BUILD_DEFINE.matcher(dg.defines());
        while (d.find()) {
            defined.add(d.group(1));
        }
        String program = program(dg);
        assertEquals(Set.of(), undefined(program, defined, DG_NAMES), "DG names the kernels use that are not defined");
        for (String name : defined) {
            if (DG_NAMES.matcher(name).matches()) {
                assertTrue(Pattern.compile("\\b" + name + "\\b").matcher(program).find(),
                        name + " is used by no kernel");
            }
        }
        assertTrue(defined.contains("P_DG_A") && defined.contains("DG_TW"), defined.toString());
        assertTrue(!K.defines().contains("DG_"), K.defines());
    }

    @Test
    void theCheckFindsAForgottenConstant() {
        Set<String> defined = KernelLayout.constants(K).keySet();
        String source = "#define STEP_LOCAL 1\nreal x = tab[TAB_D + 1] + STEP_LOCAL; // TAB_COMMENT\n";
        assertEquals(Set.of("TAB_D"), undefined(withoutComments(source), defined));
    }

    @Test
    void everyGeneratedRecordFieldAndSettingIsUsed() {
        String program = program();
        for (String name : KernelLayout.constants(K).keySet()) {
            if (MUST_BE_USED.matcher(name).matches()) {
                assertTrue(Pattern.compile("\\b" + name + "\\b").matcher(program).find(), name + " is used by no kernel");
            }
        }
    }

    @Test
    void theConstantsAreTheHostsLayoutAndSettings() {
        Map<String, String> c = KernelLayout.constants(K);
        assertEquals("0", c.get("TAB_A"));
        assertEquals("16", c.get("TAB_B"));
        assertEquals("20", c.get("TAB_B_HAT"));
        assertEquals("24", c.get("TAB_C"));
        assertEquals("2", c.get("STEP_PREDICTOR"));
        assertEquals(Integer.toString(StagePredictor.PER_STAGE), c.get("STEP_PREDICTOR_STAGE"));
        assertEquals(Integer.toString(STEP_SCALARS), c.get("STEP_INLET_VALUE"));
        assertEquals(Integer.toString(STEP_SCALARS + K.nc()), c.get("STEP_INLET_SLOPE"));
        assertEquals(Integer.toString(STEP_SCALARS + 2 * K.nc()), c.get("STEP_INLET_QUADRATIC"));
        assertEquals(Integer.toString(STEP_SCALARS + 3 * K.nc()), c.get("STEP_INLET_CUBIC"));
        assertEquals(Integer.toString(STEP_SCALARS + 4 * K.nc()), c.get("LEN_STEP"));
        assertEquals("3", c.get("LEN_RESULT"));
        assertEquals(Integer.toString(K.unknowns()), c.get("N"));
        for (Buf b : Buf.values()) {
            assertEquals(Integer.toString(BatchBuffers.size(b, K, 1)), c.get("LEN_" + b.name()), b.name());
        }
        assertEquals(EsdirkStepper.NEWTON.maxIterations(), Integer.parseInt(c.get("NEWTON_MAX_ITERATIONS")));
        assertEquals(EsdirkStepper.NEWTON.tolerance(), Double.parseDouble(c.get("NEWTON_TOLERANCE")));
        assertEquals(EsdirkStepper.NEWTON.divergenceRate(), Double.parseDouble(c.get("NEWTON_DIVERGENCE_RATE")));
        assertEquals(EsdirkStepper.NEWTON.etaExponent(), Double.parseDouble(c.get("NEWTON_ETA_EXPONENT")));
        assertEquals(EsdirkStepper.NEWTON.etaFloor(), Double.parseDouble(c.get("NEWTON_ETA_FLOOR")));
    }

    @Test
    void theTableauBufferHoldsEsdirk32() {
        double[] tab = KernelLayout.Tableau.contents();
        int s = Esdirk32.STAGES;
        for (int i = 0; i < s; i++) {
            assertEquals(Esdirk32.B[i], tab[KernelLayout.Tableau.B.offset() + i]);
            assertEquals(Esdirk32.B_HAT[i], tab[KernelLayout.Tableau.B_HAT.offset() + i]);
            assertEquals(Esdirk32.C[i], tab[KernelLayout.Tableau.C.offset() + i]);
            for (int j = 0; j < s; j++) {
                assertEquals(Esdirk32.a(i, j), tab[KernelLayout.Tableau.A.offset() + i * s + j]);
            }
        }
        assertEquals(KernelLayout.Tableau.length(), tab.length);
        double[] ends = {KernelLayout.Step.T.at(2, 5, 1, 0), KernelLayout.Step.INLET_SLOPE.at(2, 5, 1, 1),
            KernelLayout.Step.INLET_CUBIC.at(2, 5, 1, 1)};
        assertArrayEquals(new double[] {1, (STEP_SCALARS + 2 + 1) * 5 + 1, (STEP_SCALARS + 6 + 1) * 5 + 1}, ends, 0.0);
    }
}
