package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sorb.backend.JavaBackend;
import org.sorb.backend.opencl.OpenClException;

class BackendsTest {
    @Test
    void autoPrefersTheFirstAvailableAndNotesWhatItSkipped() throws Exception {
        Backends backends = OpenClHooks.with(OpenClHooks.none("no ICD"));
        assertEquals(List.of("auto", "opencl", "java"), backends.choices());
        assertEquals(List.of("auto", "opencl", "java"), Backends.standard().choices());
        Backends.Selection auto = backends.select("auto", BackendOptions.DEFAULT, 2);
        assertEquals("java", auto.backend().name());
        assertEquals("note: opencl unavailable (no OpenCL platform: no ICD); using the java backend", auto.notice());
    }

    @Test
    void autoDoesNotProbeOpenClForASingleDesign() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        Backends backends = OpenClHooks.with(OpenClHooks.gpu(true, s -> {
            throw new AssertionError("must not open");
        }, probes));
        Backends.Selection single = backends.select("auto");
        assertEquals("java", single.backend().name());
        assertEquals("note: opencl passed over (a single design cannot fill an OpenCL device; --backend opencl forces "
                + "it); using the java backend", single.notice());
        assertEquals(0, probes.get());
        backends.select("auto", BackendOptions.DEFAULT, 2);
        assertTrue(probes.get() > 0, "two designs ask the driver");
    }

    @Test
    void autoSkipsOpenClUntilItsColumnKernelsExist() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        Backends backends = OpenClHooks.with(OpenClHooks.gpu(false, s -> {
            throw new AssertionError("must not open");
        }, probes));
        Backends.Selection auto = backends.select("auto", BackendOptions.DEFAULT, 2);
        assertEquals("java", auto.backend().name());
        assertTrue(auto.notice().contains("column kernels are not in this build yet"), auto.notice());
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class, () -> backends.select("opencl"));
        assertTrue(e.getMessage().startsWith("opencl backend not available: the OpenCL column kernels"), e.getMessage());
    }

    @Test
    void autoFallsBackWhenOpenClFailsToOpen() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        Backends broken = OpenClHooks.with(OpenClHooks.gpu(true, s -> {
            throw new OpenClException("cannot open OpenCL device [0]: CL_OUT_OF_HOST_MEMORY");
        }, probes));
        Backends.Selection auto = broken.select("auto", BackendOptions.DEFAULT, 64);
        assertEquals("java", auto.backend().name());
        assertTrue(auto.notice().contains("CL_OUT_OF_HOST_MEMORY"), auto.notice());
        assertThrows(BackendUnavailableException.class, () -> broken.select("opencl"));
        Backends crashing = OpenClHooks.with(OpenClHooks.gpu(true, s -> {
            throw new UnsatisfiedLinkError("libOpenCL.so.1");
        }, probes));
        assertEquals("java", crashing.select("auto", BackendOptions.DEFAULT, 64).backend().name());
    }

    @Test
    void autoKeepsOpenClForBatchesOnAGpuOnly() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        AtomicInteger opens = new AtomicInteger();
        Backends gpu = OpenClHooks.with(OpenClHooks.gpu(true, s -> {
            opens.incrementAndGet();
            throw new OpenClException("opened");
        }, probes));
        Backends.Selection single = gpu.select("auto", BackendOptions.DEFAULT, 1);
        assertEquals("java", single.backend().name());
        assertTrue(single.notice().contains("single design"), single.notice());
        assertEquals(0, opens.get(), "a single design does not open OpenCL");
        Backends.Selection few = gpu.select("auto", BackendOptions.DEFAULT, OpenClHooks.CORES);
        assertEquals("java", few.backend().name());
        assertTrue(few.notice().contains("16 designs are no more than the 16 cores"), few.notice());
        assertEquals(0, opens.get(), "one design per core stays on the Java thread pool");
        gpu.select("auto", BackendOptions.DEFAULT, OpenClHooks.CORES + 1);
        assertEquals(1, opens.get(), "a batch larger than the cores on a GPU opens OpenCL");
    }

    @Test
    void autoTakesACpuDeviceOnlyForBatchesThatFillEveryCoresLanes() throws Exception {
        AtomicInteger opens = new AtomicInteger();
        Backends cpu = OpenClHooks.with(OpenClHooks.cpu(s -> {
            opens.incrementAndGet();
            throw new OpenClException("opened");
        }));
        Backends.Selection small = cpu.select("auto", BackendOptions.DEFAULT, 9);
        assertEquals("java", small.backend().name());
        assertTrue(small.notice().contains("at least 16 designs"), small.notice());
        assertEquals(0, opens.get(), "9 designs do not fill 2 cores x 8 lanes");
        cpu.select("auto", BackendOptions.DEFAULT, 16);
        assertEquals(1, opens.get(), "16 designs fill 2 cores x 8 lanes");
    }

    @Test
    void javaNeverTouchesOpenClAndGetsItsThreads() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        Backends backends = OpenClHooks.with(OpenClHooks.gpu(true, s -> {
            throw new AssertionError("must not open");
        }, probes));
        Backends.Selection java = backends.select("java", new BackendOptions(null, 3));
        assertEquals("java", java.backend().name());
        assertEquals(3, ((JavaBackend) java.backend()).threads());
        assertNull(java.notice());
        assertEquals(0, probes.get());
    }

    @Test
    void namingAnUnavailableOrUnknownBackendFails() {
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> OpenClHooks.with(OpenClHooks.none("no ICD")).select("opencl"));
        assertEquals("opencl backend not available: no OpenCL platform: no ICD", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Backends.standard().select("cuda"));
        Backends none = new Backends(List.of(new FakeBackendProvider("x", "broken", null)));
        assertThrows(BackendUnavailableException.class, () -> none.select("auto"));
        assertThrows(IllegalArgumentException.class, () -> new BackendOptions(null, -1));
    }

    @Test
    void deviceLinesShowPlatformTypeFp64UnitsAndMemory() {
        assertEquals("[0] nvidia / NVIDIA H100 80GB HBM3  GPU  fp64: yes  CUs: 132  memory: 85.0 GiB",
                OpenClBackendProvider.line(OpenClHooks.GPU));
    }
}
