package org.sorb.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sorb.io.CadetReference;
import org.sorb.model.ColumnCase;
import org.sorb.model.Discretization;
import org.sorb.model.SimulationResult;
import org.sorb.model.SpectralElements;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.batch.BatchIntegrator;
import org.sorb.numerics.batch.KernelConstants;
import org.sorb.verification.References;

/**
 * CADET's linear pulse benchmarks (CASEMA) on spectral elements through the OpenCL kernels against the Java path:
 * the general rate model on its DG default (8 axial elements of degree 3, one particle element of degree 4, as
 * {@code cases/cadet-linear-pulse-grm-dg.yaml}) on the scalar, vector-lane and work-group layouts, and the LRMP and the
 * lumped rate model on DG transport; the outlets agree to {@link KernelPhaseTest#WHOLE_RUN_RELATIVE}, and the GRM's
 * stays within {@link #GRM_P3X8_ERROR} of the semi-analytic solution on both paths.
 */
class GalerkinCadetReferenceTest extends OnOpenClDevice {
    /** Max abs error of the GRM outlet at P3 x 8 : P4 x 1 against CASEMA (8.6e-7 measured on the Java path). */
    static final double GRM_P3X8_ERROR = 1e-6;
    private static final double ABS_TOL = 1e-10;
    private static final double REL_TOL = 1e-7;

    @ParameterizedTest(name = "{0} lanes={1} group={2}")
    @CsvSource({
        "casema_GRM_dynLin_1comp_benchmark1.h5, 1, 0",
        "casema_GRM_dynLin_1comp_benchmark1.h5, 8, 0",
        "casema_GRM_dynLin_1comp_benchmark1.h5, 1, 4",
        "casema_LRMP_dynLin_1comp_benchmark1.h5, 1, 0",
        "casema_LRM_dynLin_1comp_benchmark1.h5, 1, 0"
    })
    void outletOnTheKernelsEqualsTheJavaPath(String file, int lanes, int group) {
        CadetReference ref = References.load(file);
        ColumnCase c = ref.toCase(Discretization.galerkin(new SpectralElements(8, 3, 1, 4, false)), ABS_TOL, REL_TOL);
        SimulationResult java = new ColumnSimulator(c).run(ProgressListener.NONE);
        List<ColumnCase> designs = Collections.nCopies(lanes, c);
        List<SimulationResult> batch;
        try (OpenClBatchDevice cl = new OpenClBatchDevice(context, KernelConstants.of(c), lanes, lanes, group,
                OpenClBatchDevice.tileFor(lanes, group))) {
            batch = new BatchIntegrator(designs, cl).run(ProgressListener.NONE);
        }
        double[] x = java.outlet();
        double largest = 0.0;
        for (SimulationResult r : batch) {
            double[] y = r.outlet();
            double scale = 0.0;
            double diff = 0.0;
            for (int i = 0; i < x.length; i++) {
                scale = Math.max(scale, Math.abs(x[i]));
                diff = Math.max(diff, Math.abs(x[i] - y[i]));
            }
            largest = Math.max(largest, diff / scale);
            if (file.contains("GRM")) {
                double error = ref.maxError(r.outletOf(0));
                assertTrue(error <= GRM_P3X8_ERROR, "OpenCL: max abs error against CASEMA " + error);
            }
        }
        System.out.printf("%s lanes=%d group=%d: OpenCL against Java %.3e relative%n", file, lanes, group, largest);
        assertTrue(largest <= KernelPhaseTest.WHOLE_RUN_RELATIVE, file + ": relative outlet difference " + largest);
        if (file.contains("GRM")) {
            double error = ref.maxError(java.outletOf(0));
            assertTrue(error <= GRM_P3X8_ERROR, "Java: max abs error against CASEMA " + error);
        }
    }
}
