package org.sorb.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.StericMassActionBinding;
import org.sorb.numerics.StateLayout;
import org.sorb.numerics.batch.BatchBuffers;
import org.sorb.numerics.batch.BatchDevice;
import org.sorb.numerics.batch.BatchDevice.Buf;
import org.sorb.numerics.batch.BatchDevice.IntBuf;
import org.sorb.numerics.batch.KernelConstants;
import org.sorb.numerics.batch.PhaseAgreement;
import org.sorb.numerics.batch.RandomBatchStates;
import org.sorb.numerics.batch.ReferenceBatchDevice;

/**
 * The SMA kernel where pow is delicate, against the Java model: characteristic charges 0 (the derivative terms
 * nu (..)^(nu - 1) selected to 0), integer and fractional, and states where the free capacity qbar_0 has gone
 * negative (as a Newton iterate can): there a fractional nu gives NaN and an integer one a finite value on both
 * paths, in the same places, lane by lane in a vector with the other designs finite. The residual must match the
 * reference device ({@link ReferenceBatchDevice}: the Java model per design) NaN for NaN, and so must the ok flags
 * of the factorization and the solve of the designs it factored.
 */
class SmaEdgeStatesTest extends OnOpenClDevice {
    /** Characteristic charge of the fixture's one protein, by design (mod 4): zero, integer, fractional. */
    private static final double[][] CHARGES = {{0.0}, {3.0}, {2.4}, {0.0}};
    /**
     * Bound protein concentration that makes the free capacity of the fixture (Lambda 25, sigma 1.5) negative for the
     * nonzero charges: 25 - (3 + 1.5) 8 < 0 and 25 - (2.4 + 1.5) 8 < 0.
     */
    private static final double OVERLOADED = 8.0;

    @ParameterizedTest(name = "lanes={0}")
    @ValueSource(ints = {1, 16})
    void residualAndJacobianMatchTheJavaModelWherePowIsDelicate(int lanes) {
        List<ColumnCase> designs = new ArrayList<>();
        for (int d = 0; d < Math.max(8, lanes); d++) {
            ColumnCase c = RandomBatchStates.designs(ColumnModel.GENERAL_RATE, "steric_mass_action", true,
                    1, KernelPhaseTest.NZ, KernelPhaseTest.NR).get(0);
            StericMassActionBinding b = (StericMassActionBinding) c.binding();
            StericMassActionBinding charged = new StericMassActionBinding(true, b.lambda(), b.ka(), b.kd(),
                    CHARGES[d % CHARGES.length], b.sigma(), 1.0, 1.0);
            designs.add(new ColumnCase(c.name(), c.components(), c.column(), c.particle(), charged, c.inlet(),
                    c.initial(), c.discretization(), c.solver(), c.output()));
        }
        KernelConstants k = KernelConstants.of(designs.get(0));
        StateLayout layout = StateLayout.of(designs.get(0));
        int nd = designs.size();
        int[] active = new int[nd];
        Arrays.fill(active, 1);
        try (OpenClBatchDevice cl = new OpenClBatchDevice(context, k, nd, lanes);
             ReferenceBatchDevice java = new ReferenceBatchDevice(designs)) {
            RandomBatchStates.fill(List.of(java, cl), designs, active);
            double[] y = new double[BatchBuffers.size(Buf.Y, k, nd)];
            java.read(Buf.Y, y);
            // designs 0 - 3 of every 8 overloaded in every cell and shell (qbar_0 < 0 where nu > 0), one of each charge
            for (int b = 0; b < nd; b++) {
                if (b % 8 >= CHARGES.length) {
                    continue;
                }
                for (int j = 0; j < k.nz(); j++) {
                    for (int kk = 0; kk < k.nblk(); kk++) {
                        for (int s = 1; s < k.nb(); s++) {
                            y[layout.bound(j, kk, s) * nd + b] = OVERLOADED;
                        }
                    }
                }
            }
            java.write(Buf.Y, y);
            cl.write(Buf.Y, y);
            java.residual(Buf.Y, Buf.F1);
            cl.residual(Buf.Y, Buf.F1);
            boolean[] nan = sameNaNsAndValues(java, cl, Buf.F1, k, nd, "residual");
            assertTrue(nan[0], "no NaN: no overloaded design has a fractional charge");
            assertTrue(nan[1], "only NaN: nothing finite compared");
            java.factor(Buf.Y);
            cl.factor(Buf.Y);
            int[] okJava = new int[nd];
            int[] okCl = new int[nd];
            java.read(IntBuf.OK, okJava);
            cl.read(IntBuf.OK, okCl);
            assertArrayEquals(okJava, okCl, "ok flags");
            java.write(IntBuf.ACTIVE, okJava);
            cl.write(IntBuf.ACTIVE, okJava);
            java.solve(Buf.RHS);
            cl.solve(Buf.RHS);
            double[] x = new double[BatchBuffers.size(Buf.RHS, k, nd)];
            double[] z = new double[x.length];
            java.read(Buf.RHS, x);
            cl.read(Buf.RHS, z);
            for (int b = 0; b < nd; b++) {
                if (okJava[b] != 0) {
                    for (int i = 0; i < k.unknowns(); i++) {
                        assertTrue(Double.isNaN(x[i * nd + b]) == Double.isNaN(z[i * nd + b]),
                                "solve of design " + b + "[" + i + "]: " + x[i * nd + b] + " vs " + z[i * nd + b]);
                        assertTrue(Double.isNaN(x[i * nd + b]) || Math.abs(x[i * nd + b] - z[i * nd + b]) <= PhaseAgreement.PHASE_RELATIVE
                                * Math.max(1.0, Math.abs(x[i * nd + b])), "solve of design " + b + "[" + i + "]");
                    }
                }
            }
        }
    }

    /** NaN in the same elements, the finite ones equal to 1e-12 of their scale; returns {any NaN, any finite}. */
    private static boolean[] sameNaNsAndValues(BatchDevice java, BatchDevice cl, Buf buf, KernelConstants k, int nd,
                                               String what) {
        double[] x = new double[BatchBuffers.size(buf, k, nd)];
        double[] y = new double[x.length];
        java.read(buf, x);
        cl.read(buf, y);
        double scale = 0.0;
        boolean anyNaN = false;
        boolean anyFinite = false;
        for (int i = 0; i < x.length; i++) {
            assertTrue(Double.isNaN(x[i]) == Double.isNaN(y[i]), what + "[" + i + "]: " + x[i] + " vs " + y[i]);
            anyNaN |= Double.isNaN(x[i]);
            if (Double.isFinite(x[i])) {
                anyFinite = true;
                scale = Math.max(scale, Math.abs(x[i]));
            }
        }
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i])) {
                assertTrue(Math.abs(x[i] - y[i]) <= PhaseAgreement.PHASE_RELATIVE * scale,
                        what + "[" + i + "]: " + x[i] + " vs " + y[i] + " at scale " + scale);
            }
        }
        return new boolean[] {anyNaN, anyFinite};
    }
}
