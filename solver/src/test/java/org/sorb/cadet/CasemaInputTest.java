package org.sorb.cadet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sorb.cases.LoadedCase;
import org.sorb.io.CadetReference;
import org.sorb.model.Column;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.ConvectionScheme;
import org.sorb.model.Discretization;
import org.sorb.model.InitialState;
import org.sorb.model.Inlet;
import org.sorb.model.InletSection;
import org.sorb.model.LinearBinding;
import org.sorb.model.OutputSpec;
import org.sorb.model.Particle;
import org.sorb.model.ParticleGrid;
import org.sorb.model.SimulationResult;
import org.sorb.model.TimeIntegration;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;
import org.sorb.verification.References;
import org.sorb.verification.Tolerances;

/**
 * The three CASEMA files run unchanged from their own {@code /input} (only the grid and tolerances set, as in
 * {@code CadetReferenceTest}) give the outlet of the same cases built by hand from the parameters in
 * {@code shared/reference/README.md}, to round-off, and so the errors of the README's verification table.
 */
class CasemaInputTest {
    private static final double REL_TOL = 1e-7;
    private static final double ABS_TOL = 1e-11;
    /**
     * Largest outlet difference (mol/m^3, pulse of 1 mol/m^3) between the file's case and the hand-built one. The
     * file's velocity is Q / (A eps_c) = 5.750000000000001e-4 m/s, one unit in the last place from the README's
     * 5.75e-4, so the two runs are equal up to round-off carried through the adaptive steps.
     */
    private static final double ROUND_OFF = 1e-12;

    @ParameterizedTest(name = "{0} at {1} x {2} cells")
    @CsvSource({
        "casema_GRM_dynLin_1comp_benchmark1.h5, 128, 48",
        "casema_LRMP_dynLin_1comp_benchmark1.h5, 128, 1",
        "casema_LRM_dynLin_1comp_benchmark1.h5, 2048, 1"
    })
    void runsFromItsOwnInputAsTheHandBuiltCase(String file, int nz, int nr, TestReporter reporter) throws Exception {
        CadetReference ref = References.load(file);
        List<String> overrides = CadetReference.overrides(nz, nr, ParticleGrid.EQUIDISTANT, ConvectionScheme.WENO3,
                ABS_TOL, REL_TOL);
        LoadedCase loaded = CadetInput.load(References.folder().resolve(file), overrides);
        ColumnCase handBuilt = handBuilt(loaded.model().column().model(), nz, nr);
        long started = System.nanoTime();
        SimulationResult fromFile = new ColumnSimulator(loaded.model()).run(ProgressListener.NONE);
        double seconds = (System.nanoTime() - started) * 1e-9;
        SimulationResult byHand = new ColumnSimulator(handBuilt).run(ProgressListener.NONE);
        double[] a = fromFile.outletOf(0);
        double[] b = byHand.outletOf(0);
        assertEquals(b.length, a.length, "outlet samples");
        double diff = 0.0;
        for (int k = 0; k < a.length; k++) {
            diff = Math.max(diff, Math.abs(a[k] - b[k]));
        }
        double error = ref.maxError(a);
        double handError = ref.maxError(b);
        reporter.publishEntry(file, String.format(Locale.ROOT, "%d x %d: max error %.2e (hand-built %.2e), "
                + "difference %.1e, %.1f s", nz, nr, error, handError, diff, seconds));
        assertTrue(diff <= ROUND_OFF, file + ": outlets differ by " + diff);
        assertTrue(error <= Tolerances.REFERENCE_MAX_ERROR, file + ": max abs error " + error);
    }

    /** The case from the parameters in shared/reference/README.md. */
    static ColumnCase handBuilt(ColumnModel model, int nz, int nr) {
        Column column;
        Particle particle;
        LinearBinding binding;
        if (model == ColumnModel.LUMPED_RATE) {
            column = new Column(model, 1.0, 0.6, 1.0 / 30.0, 1e-4);
            particle = new Particle(0.0, 0.0, null, null);
            binding = new LinearBinding(true, new double[] {1.0}, new double[] {1.0});
        } else {
            column = new Column(model, 0.014, 0.37, 5.75e-4, 5.75e-8);
            particle = new Particle(4.5e-5, 0.75, new double[] {6.9e-6},
                    model == ColumnModel.GENERAL_RATE ? new double[] {6.07e-11} : null);
            binding = new LinearBinding(true, new double[] {3.55}, new double[] {0.1});
        }
        Inlet inlet = new Inlet(List.of(new InletSection(10.0, new double[] {1.0}, null),
                new InletSection(1500.0, new double[] {0.0}, null)));
        return new ColumnCase("hand-built", List.of("A"), column, particle, binding, inlet, InitialState.empty(1),
                new Discretization(nz, nr, ParticleGrid.EQUIDISTANT, ConvectionScheme.WENO3),
                new TimeIntegration(ABS_TOL, REL_TOL, 1e-4, 10_000_000), new OutputSpec(0.25, null));
    }
}
