package org.sorb.verification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sorb.cases.CaseLoader;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;

/**
 * The protein A case (kinetic Langmuir, a ~0.1 um intraparticle front) against its converged reference outlet,
 * {@code protein-a/reference-outlet.h5} in the test resources, made by {@code make_reference.sh} beside it
 * (BENCHMARKS.md, section 9): the hybrid grid of {@code cases/protein-a-igg-breakthrough-dg-shells.yaml} (DG P3 x 8
 * along the column, 8 finite-volume shells) is within its claimed error, and the finite-volume 64 x 8 of
 * {@code cases/protein-a-igg-breakthrough.yaml} is not, so that the comparison can fail both ways; the fine grid of
 * {@code cases/protein-a-igg-breakthrough-fine.yaml} (P3 x 32 : 64 shells) is within 1e-3 of the feed.
 */
class ProteinAReferenceTest {
    /** The feed concentration (kg/m^3) that scales every outlet difference. */
    private static final double FEED = 4.69;
    private static final double SAME_TIMES = 1e-9;
    private static double[] refTime;
    private static double[] refOutlet;

    @BeforeAll
    static void loadReference() {
        try (HdfFile h = new HdfFile(resource("reference-outlet.h5"))) {
            refTime = (double[]) ((Dataset) h.getByPath("/outlet/time")).getData();
            double[][] c = (double[][]) ((Dataset) h.getByPath("/outlet/concentration")).getData();
            refOutlet = new double[c.length];
            for (int k = 0; k < c.length; k++) {
                refOutlet[k] = c[k][0];
            }
        }
    }

    @Test
    void hybridGridIsWithinItsClaim() throws Exception {
        double err = maxError("protein-a-igg-breakthrough-dg-shells.yaml");
        assertTrue(err <= Tolerances.PROTEIN_A_HYBRID, "dg:P3x8:P0x8 max outlet error / feed " + err);
    }

    @Test
    void finiteVolumes64x8AreNotWithinTheHybridClaim() throws Exception {
        double err = maxError("protein-a-igg-breakthrough.yaml");
        assertTrue(err > Tolerances.PROTEIN_A_HYBRID && err <= Tolerances.PROTEIN_A_FV_64X8,
                "64 x 8 max outlet error / feed " + err);
    }

    @Test
    void fineGridIsWithinAThousandthOfTheFeed() throws Exception {
        double err = maxError("protein-a-igg-breakthrough-fine.yaml");
        assertTrue(err <= Tolerances.PROTEIN_A_FINE, "dg:P3x32:P0x64 max outlet error / feed " + err);
    }

    /** Max abs outlet difference to the reference over the 10 s samples, as a fraction of the feed. */
    private static double maxError(String caseFile) throws Exception {
        Path file = Path.of(System.getProperty("sorb.repoRoot", ".")).resolve("cases").resolve(caseFile);
        SimulationResult r = new ColumnSimulator(CaseLoader.load(file, List.of()).model()).run(ProgressListener.NONE);
        assertArrayEquals(refTime, r.time(), SAME_TIMES, "output times");
        double[] out = r.outletOf(0);
        double err = 0.0;
        for (int k = 0; k < out.length; k++) {
            err = Math.max(err, Math.abs(out[k] - refOutlet[k]) / FEED);
        }
        return err;
    }

    private static Path resource(String name) {
        try {
            return Path.of(ProteinAReferenceTest.class.getResource("/protein-a/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
