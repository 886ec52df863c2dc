package org.sorb.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenClDevicesTest {
    @Test
    void listingNeverThrowsAndAgreesWithTheProbe() {
        List<OpenClDeviceInfo> devices = assertDoesNotThrow(OpenClDevices::list);
        OpenClProbe probe = OpenClDevices.probe();
        assertEquals(probe.devices(), devices);
        if (devices.isEmpty()) {
            assertNotNull(probe.problem());
            assertTrue(probe.problem().startsWith("no OpenCL platform: "), probe.problem());
        } else {
            for (int i = 0; i < devices.size(); i++) {
                OpenClDeviceInfo d = devices.get(i);
                assertEquals(i, d.index());
                assertFalse(d.name().isEmpty());
                assertTrue(d.computeUnits() > 0, d.toString());
                assertTrue(d.globalMemoryBytes() > 0, d.toString());
            }
        }
    }

    @Test
    void aProbeWithoutDevicesAlwaysSaysWhy() {
        OpenClProbe none = OpenClProbe.none("libOpenCL.so.1 missing");
        assertEquals("no OpenCL platform: libOpenCL.so.1 missing", none.problem());
        assertFalse(none.hasFp64Device());
        assertNotNull(new OpenClProbe(List.of(), null).problem());
    }

    @Test
    void aDeviceRecordRejectsNegativeIndices() {
        assertThrows(IllegalArgumentException.class, () -> new OpenClDeviceInfo(-1, 0, "p", "v", 0, "d", "x", "GPU",
                true, 1, 1, 1, 1, 1, 1));
        OpenClDeviceInfo pocl = new OpenClDeviceInfo(0, 0, "Portable Computing Language", "OpenCL 3.0 PoCL", 0,
                "cpu", "x", "CPU", true, 2, 1L << 30, 1L << 28, 4096, 2000, 8);
        assertEquals("pocl", pocl.platformShortName());
        assertFalse(pocl.isGpu());
    }
}
