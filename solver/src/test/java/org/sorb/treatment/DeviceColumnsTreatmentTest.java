package org.sorb.treatment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.cases.LoadedTreatment;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.batch.DeviceColumns;
import org.sorb.numerics.batch.ReferenceBatchDevice;

/**
 * The protein A session (coarse grid) with its columns on batch devices ({@link DeviceColumns}, the batched step
 * core driven interval by interval) instead of Java integrators: on the reference device, whose step attempts are
 * the single-column classes', the session equals the Java path's, the amounts balance as tightly, and every device
 * is opened once per column and design (loading, regeneration) for the whole run, then closed.
 */
class DeviceColumnsTreatmentTest {
    /** Same step attempts on both paths: only the order of host arithmetic differs. */
    static final double SAME_STEPS = 1e-9;
    /** The treatment mass balance the Java path meets ({@link SessionTest}). */
    static final double BALANCE = 1e-8;

    @Test
    void sessionOnTheReferenceDeviceEqualsTheJavaPath() throws Exception {
        LoadedTreatment t = TreatmentFixtures.load("immunoadsorption-protein-a-session.yaml", TreatmentFixtures.COARSE);
        TreatmentResult java = TreatmentFixtures.session();
        TreatmentResult device;
        int opened;
        try (DeviceColumns columns = new DeviceColumns(c -> new ReferenceBatchDevice(List.of(c)))) {
            device = new TreatmentSimulator(t.model(), null, columns).run(ProgressListener.NONE);
            opened = columns.devicesOpened();
            assertEquals(2 * t.model().operation().columns(), opened, "a device per column and design");
        }
        double d = TreatmentAgreement.difference(java, device);
        System.out.printf("reference device vs Java: difference %.3e, balance %.3e, %d cycles%n", d,
                device.balance().relativeError(), device.cycles().size());
        assertEquals(java.cycles().size(), device.cycles().size(), "cycles");
        assertTrue(d <= SAME_STEPS, "difference " + d);
        assertTrue(device.balance().relativeError() <= BALANCE, "balance " + device.balance().relativeError());
    }
}
