package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sorb.model.InvalidModelException;

/** A case too large for memory exits 2 from run and validate within seconds, naming its field, writing nothing. */
class MemoryGuardCliTest {
    /** Longest a refusal may take through the CLI. */
    private static final long REFUSAL_MILLIS = 2000;

    @TempDir
    Path work;

    /** A backend that must never be reached: the refusal comes before any simulation. */
    private static Backends unreachable() {
        return new Backends(List.of(new FakeBackendProvider("java", null, c -> {
            throw new AssertionError("the backend ran");
        })));
    }

    private void refused(String field, String start, String... args) throws IOException {
        long started = System.nanoTime();
        CliHarness.Outcome o = CliHarness.run(work, unreachable(), args);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().startsWith("error: " + field + ": " + start), o.err());
        assertTrue(o.err().contains("GiB") && o.err().contains("expected"), o.err());
        assertTrue(millis < REFUSAL_MILLIS, String.join(" ", args) + " took " + millis + " ms");
        try (Stream<Path> s = Files.list(work)) {
            assertEquals(List.of(), s.toList());
        }
    }

    @Test
    void tenMillionCellsAreRefusedByRunAndValidate() throws IOException {
        String file = SorbCliTest.resource("malformed/huge-axial-cells.yaml").toString();
        refused("discretization.axial_cells", "10000000 needs about", "run", file, "-o", work.resolve("x.h5").toString());
        refused("discretization.axial_cells", "10000000 needs about", "validate", file);
    }

    @Test
    void aHundredBillionSamplesAreRefused() throws IOException {
        String file = SorbCliTest.resource("cases/valid-langmuir.yaml").toString();
        refused("output.interval", "4.8e-8 (100000000001 outlet samples", "run", file, "--set", "output.interval=4.8e-8");
        refused("output.interval", "4.8e-8 (100000000001 outlet samples", "validate", file, "--set",
                "output.interval=4.8e-8");
    }

    @Test
    void aBackendThatCannotHoldTheGridExits2() throws IOException {
        Backends small = new Backends(List.of(new FakeBackendProvider("java", null, c -> {
            throw new InvalidModelException("discretization.axial_cells", "8 (2.0 GiB of OpenCL buffers per design)",
                    "a grid whose buffers fit the device");
        })));
        String file = SorbCliTest.resource("sweeps/grid-langmuir.yaml").toString();
        CliHarness.Outcome o = CliHarness.run(work, small, "run", file);
        assertEquals(2, o.status(), o.err());
        assertTrue(o.err().contains("error: discretization.axial_cells: got 8 (2.0 GiB"), o.err());
        try (Stream<Path> s = Files.list(work)) {
            assertEquals(List.of(), s.toList());
        }
    }

    @Test
    void aSweepOfAMillionDesignsIsRefused() throws IOException {
        String file = SorbCliTest.resource("malformed/too-many-designs.yaml").toString();
        refused("sweep.parameters", "1000000 designs need about", "run", file);
        refused("sweep.parameters", "1000000 designs need about", "validate", file);
    }
}
