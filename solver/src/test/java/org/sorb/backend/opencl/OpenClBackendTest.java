package org.sorb.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.backend.FailedDesignsTest;
import org.sorb.model.ColumnCase;
import org.sorb.model.DesignOutcome;
import org.sorb.model.ColumnModel;
import org.sorb.model.InvalidModelException;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.HostMemory;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.RecordingProgress;
import org.sorb.numerics.Sizes;
import org.sorb.numerics.RunBudget;
import org.sorb.numerics.batch.BatchBuffers;
import org.sorb.numerics.batch.KernelConstants;
import org.sorb.verification.TestCases;

/** The OpenCL backend: a 64-design sweep equals 64 single runs; chunking gives the same results. */
class OpenClBackendTest {
    static List<ColumnCase> sweep(int count) {
        List<ColumnCase> out = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            double qScale = 0.6 + 0.8 * (d % 8) / 7.0;
            out.add(TestCases.benchmarkColumn(ColumnModel.GENERAL_RATE, TestCases.binding("langmuir", 1, true,
                    qScale), 8, 3, new double[] {1.0}, 40.0 + 5 * (d / 8), 100.0, 2.0, 1e-8, 1e-6));
        }
        return out;
    }

    @Test
    void sixtyFourDesignSweepEqualsSixtyFourSingleRuns() {
        OpenClTestSupport.requirePlatform();
        List<ColumnCase> designs = sweep(64);
        List<SimulationResult> batch;
        try (OpenClBackend backend = new OpenClBackend(OpenClContext.open(null))) {
            batch = backend.simulateBatch(designs, ProgressListener.NONE);
        }
        assertEquals(64, batch.size());
        for (int d = 0; d < designs.size(); d++) {
            SimulationResult single = new ColumnSimulator(designs.get(d)).run(ProgressListener.NONE);
            double[] x = single.outlet();
            double[] y = batch.get(d).outlet();
            double scale = 0.0;
            double diff = 0.0;
            for (int i = 0; i < x.length; i++) {
                scale = Math.max(scale, Math.abs(x[i]));
                diff = Math.max(diff, Math.abs(x[i] - y[i]));
            }
            assertTrue(diff <= KernelPhaseTest.WHOLE_RUN_RELATIVE * scale, "design " + d + ": " + diff / scale);
        }
    }

    @Test
    void nonFiniteDesignsFailOnTheDeviceAndTheOthersEqualTheirSingleRuns() throws Exception {
        OpenClTestSupport.requirePlatform();
        List<ColumnCase> designs = FailedDesignsTest.designsWithNonFiniteOnes();
        List<DesignOutcome> got;
        try (OpenClBackend backend = new OpenClBackend(OpenClContext.open(null))) {
            got = backend.runBatch(designs, RunBudget.UNLIMITED, ProgressListener.NONE);
        }
        FailedDesignsTest.checkNonFiniteOutcomes(designs, got, KernelPhaseTest.WHOLE_RUN_RELATIVE);
    }

    @Test
    void chunkSizeFitsMemoryAndLargestAllocation() {
        KernelConstants k = KernelConstants.of(sweep(1).get(0));
        long perDesign = BatchBuffers.bytesPerDesign(k);
        assertEquals(10, OpenClBackend.chunkSize(k, 20 * perDesign, Long.MAX_VALUE, Long.MAX_VALUE));
        int byAllocation = OpenClBackend.chunkSize(k, Long.MAX_VALUE / 4, 8L * k.unknowns() * 3, Long.MAX_VALUE);
        assertTrue(byAllocation <= 3 && byAllocation >= 1, "limited by the largest buffer: " + byAllocation);
    }

    @Test
    void chunkSizeFitsTheHostStagingAndOneJavaArray() {
        KernelConstants k = KernelConstants.of(sweep(1).get(0));
        long largest = 8L * BatchBuffers.longestPerDesign(k);
        long staging = HostMemory.needed(OpenClBackend.HOST_STAGING_COPIES * largest);
        assertEquals(5, OpenClBackend.chunkSize(k, Long.MAX_VALUE / 4, Long.MAX_VALUE, 5 * staging + 1));
        int byArray = OpenClBackend.chunkSize(k, Long.MAX_VALUE / 4, Long.MAX_VALUE, Long.MAX_VALUE);
        assertEquals(Sizes.MAX_ARRAY_LENGTH / BatchBuffers.longestPerDesign(k), byArray);
    }

    @Test
    void aDesignThatFitsNoDeviceIsRefusedNamingItsGrid() {
        ColumnCase design = sweep(1).get(0);
        KernelConstants k = KernelConstants.of(design);
        assertEquals(0, OpenClBackend.chunkSize(k, BatchBuffers.bytesPerDesign(k), Long.MAX_VALUE, Long.MAX_VALUE));
        assertEquals(0, OpenClBackend.chunkSize(k, Long.MAX_VALUE / 4, Long.MAX_VALUE, 1000));
        InvalidModelException e = OpenClBackend.tooLarge(design, k, device("GPU", 1), 1000);
        assertEquals("discretization.axial_cells", e.field());
        assertTrue(e.getMessage().startsWith("discretization.axial_cells: got 8 ("), e.getMessage());
        assertTrue(e.getMessage().contains("expected a grid whose buffers fit 0.5 of the device's 1.0 GiB"),
                e.getMessage());
    }

    @Test
    void chunkedBatchEqualsWholeBatch() {
        OpenClTestSupport.requirePlatform();
        List<ColumnCase> designs = sweep(5);
        try (OpenClBackend backend = new OpenClBackend(OpenClContext.open(null))) {
            RecordingProgress progress = new RecordingProgress();
            List<SimulationResult> whole = backend.simulateBatch(designs, progress);
            progress.assertCountedUpTo(designs.size()); // 5 designs, though padded to whole vectors of lanes
            List<SimulationResult> parts = new ArrayList<>();
            parts.addAll(backend.simulateBatch(designs.subList(0, 2), ProgressListener.NONE));
            parts.addAll(backend.simulateBatch(designs.subList(2, 5), ProgressListener.NONE));
            for (int d = 0; d < designs.size(); d++) {
                assertArrayEquals(whole.get(d).outlet(), parts.get(d).outlet(), 1e-12, "design " + d);
                // 5, 2 and 3 designs are padded to whole vectors of lanes on a CPU device; the padding is dropped
                SimulationResult single = new ColumnSimulator(designs.get(d)).run(ProgressListener.NONE);
                double scale = 0.0;
                double diff = 0.0;
                for (int i = 0; i < single.outlet().length; i++) {
                    scale = Math.max(scale, Math.abs(single.outlet()[i]));
                    diff = Math.max(diff, Math.abs(single.outlet()[i] - whole.get(d).outlet()[i]));
                }
                assertTrue(diff <= KernelPhaseTest.WHOLE_RUN_RELATIVE * scale, "design " + d);
            }
        }
    }

    private static OpenClDeviceInfo device(String type, int doubleVectorWidth) {
        return new OpenClDeviceInfo(0, 0, "p", "v", 0, "d", "x", type, true, 2, 1L << 30, 1L << 28, 1024, 1000,
                doubleVectorWidth);
    }

    @Test
    void cpuDevicesRunDesignsInVectorLanesAndGpusOnePerWorkItem() {
        assertEquals(1, OpenClBackend.lanesFor(device("GPU", 1), 4096));
        assertEquals(1, OpenClBackend.lanesFor(device("GPU", 8), 4096));
        // Two vectors per work-item once every one of the 2 compute units gets a work-item, else one.
        assertEquals(16, OpenClBackend.lanesFor(device("CPU", 8), 256));
        assertEquals(16, OpenClBackend.lanesFor(device("CPU", 8), 32));
        assertEquals(8, OpenClBackend.lanesFor(device("CPU", 8), 31));
        assertEquals(8, OpenClBackend.lanesFor(device("CPU", 8), 2));
        assertEquals(1, OpenClBackend.lanesFor(device("CPU", 8), 1));
        assertEquals(4, OpenClBackend.lanesFor(device("CPU", 3), 64));
        assertEquals(8, OpenClBackend.lanesFor(device("CPU", 4), 4096));
        assertEquals(16, OpenClBackend.lanesFor(device("CPU", 32), 64));
        assertEquals(1, OpenClBackend.lanesFor(device("CPU", 0), 64));
        assertEquals(1, OpenClBackend.lanesFor(device("CPU", 1), 64));
    }

    @Test
    void gpusShareEachDesignsCellsInAWorkGroup() {
        KernelConstants small = KernelConstants.of(sweep(1).get(0));
        assertEquals(32, OpenClBackend.groupSizeFor(device("GPU", 1), small, 1), "8 cells: a group of 32");
        KernelConstants large = KernelConstants.of(TestCases.benchmarkColumn(ColumnModel.GENERAL_RATE,
                TestCases.binding("langmuir", 1, true, 1.0), 64, 3, new double[] {1.0}, 40.0, 100.0, 2.0, 1e-8, 1e-6));
        assertEquals(64, OpenClBackend.groupSizeFor(device("GPU", 1), large, 1), "64 cells: a group of 64");
        assertEquals(0, OpenClBackend.groupSizeFor(device("CPU", 8), large, 8), "CPUs use vector lanes");
        assertEquals(0, OpenClBackend.groupSizeFor(device("CPU", 1), large, 1));
    }

    @Test
    void eachLayoutHasItsTileWidth() {
        assertEquals(16, OpenClBatchDevice.tileFor(16, 0), "vector lanes: tiles of the lane count");
        assertEquals(1, OpenClBatchDevice.tileFor(1, 64), "a work-group per design: design-major");
        assertEquals(0, OpenClBatchDevice.tileFor(1, 0), "one design per work-item: the host layout");
        KernelConstants k = KernelConstants.of(sweep(1).get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OpenClBatchDevice(null, k, 8, 8, 0, 1));
        assertTrue(e.getMessage().contains("tiles of 1 designs with 8 lanes"), e.getMessage());
    }

    @Test
    void batchesArePaddedToWholeVectorsWithTheirLastDesign() {
        List<ColumnCase> designs = sweep(5);
        List<ColumnCase> padded = OpenClBackend.padToLanes(designs, 8);
        assertEquals(8, padded.size());
        assertEquals(designs, padded.subList(0, 5));
        for (int d = 5; d < 8; d++) {
            assertEquals(designs.get(4), padded.get(d));
        }
        assertEquals(designs, OpenClBackend.padToLanes(designs, 1));
        assertEquals(16, OpenClBackend.padToLanes(sweep(16), 8).size());
    }
}
