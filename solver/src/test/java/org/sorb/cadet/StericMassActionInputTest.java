package org.sorb.cadet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sorb.verification.References;
import org.sorb.verification.Tolerances;

/**
 * CADET-Core's steric mass action reference (load-wash-elute, salt + 3 proteins, rapid equilibrium, salt gradient;
 * CADET's finite volumes at 512 x 64 cells) runs from its own {@code /input} with only the grid set, on the Java path
 * and on the OpenCL kernels (PoCL in the tests; required in CI):
 * each protein's max outlet error against the file's {@code /output} stays within a fraction of its peak (the bounds of
 * {@code SmaReferenceTest}, which runs the hand-written case file; CADET's own finite volumes reach 0.7 % at 64 x 8 and
 * 0.17 % at 128 x 16), and the mass balance closes. Written with {@code --format cadet}, whose {@code /input} reads
 * back to the same binding.
 */
class StericMassActionInputTest {
    static final String FILE = "cadet_GRM_reqSMA_4comp_LWE_FV_Z512parZ64.h5";
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} x {1} cells, {2}")
    @CsvSource({"64, 8, java", "128, 16, java", "64, 8, opencl", "128, 16, opencl"})
    void outletWithinAFractionOfEachPeak(int nz, int nr, String backend, TestReporter reporter) throws Exception {
        if (backend.equals("opencl")) {
            org.sorb.backend.opencl.OpenClTestSupport.requirePlatform();
        }
        double bound = nz == 64 ? Tolerances.SMA_REFERENCE_64X8 : Tolerances.SMA_REFERENCE_128X16;
        Path file = References.folder().resolve(FILE);
        Path out = dir.resolve("sma.h5");
        CadetCli.Outcome o = CadetCli.run(dir, "run", file.toString(), "-o", out.toString(), "--backend", backend,
                "--format", "cadet", "--set", "discretization.axial_cells=" + nz, "--set",
                "discretization.particle_cells=" + nr);
        assertEquals(0, o.status(), o.err());
        double[][] ref;
        double[][] sorb;
        double[][] cadetLayout;
        double massBalance;
        try (HdfFile r = new HdfFile(file); HdfFile s = new HdfFile(out)) {
            ref = (double[][]) ((Dataset) r.getByPath("/output/solution/unit_000/SOLUTION_OUTLET")).getData();
            sorb = (double[][]) ((Dataset) s.getByPath("/outlet/concentration")).getData();
            cadetLayout = (double[][]) ((Dataset) s.getByPath("/output/solution/unit_000/SOLUTION_OUTLET")).getData();
            massBalance = ((Number) s.getByPath("/mass_balance").getAttribute("relative_error").getData())
                    .doubleValue();
        }
        assertEquals(ref.length, sorb.length, "outlet samples");
        assertTrue(java.util.Arrays.deepEquals(sorb, cadetLayout), "--format cadet's unit_000 differs from /outlet");
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%d x %d, %s:", nz, nr, backend));
        for (int i = 1; i < ref[0].length; i++) {
            double peak = 0.0;
            double error = 0.0;
            for (int k = 0; k < ref.length; k++) {
                peak = Math.max(peak, Math.abs(ref[k][i]));
                error = Math.max(error, Math.abs(sorb[k][i] - ref[k][i]));
            }
            report.append(String.format(Locale.ROOT, " protein %d %.3f %% of peak;", i, 100 * error / peak));
            assertTrue(error <= bound * peak, "protein " + i + ": max error " + error + " = " + error / peak
                    + " of its peak " + peak + ", bound " + bound);
        }
        reporter.publishEntry(FILE, report + String.format(Locale.ROOT, " mass balance %.1e", massBalance));
        assertTrue(Math.abs(massBalance) <= Tolerances.MASS_BALANCE, "mass balance " + massBalance);
        java.util.Map<?, ?> original = (java.util.Map<?, ?>) CadetInput.read(file).tree().get("binding");
        java.util.Map<?, ?> written = (java.util.Map<?, ?>) CadetInput.read(out).tree().get("binding");
        for (Object key : original.keySet()) {
            assertEquals(text(original.get(key)), text(written.get(key)), "binding." + key + " of --format cadet's /input");
        }
    }

    private static String text(Object v) {
        if (v instanceof double[] a) {
            return java.util.Arrays.toString(a);
        }
        if (v instanceof java.util.Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, x) -> sb.append(k).append('=').append(text(x)).append(", "));
            return sb.append('}').toString();
        }
        return String.valueOf(v);
    }
}
