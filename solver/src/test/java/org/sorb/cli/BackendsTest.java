package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BackendsTest {
    @Test
    void autoPrefersTheFirstAvailableAndNotesWhatItSkipped() throws Exception {
        Backends standard = Backends.standard();
        assertEquals(List.of("auto", "opencl", "java"), standard.choices());
        Backends.Selection auto = standard.select("auto");
        assertEquals("java", auto.backend().name());
        assertTrue(auto.notice().startsWith("note: opencl unavailable ("), auto.notice());
        assertTrue(auto.notice().endsWith("; using the java backend"), auto.notice());
    }

    @Test
    void namingAnAvailableBackendGivesItWithoutANotice() throws Exception {
        Backends.Selection java = Backends.standard().select("java");
        assertEquals("java", java.backend().name());
        assertNull(java.notice());
    }

    @Test
    void namingAnUnavailableOrUnknownBackendFails() {
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> Backends.standard().select("opencl"));
        assertTrue(e.getMessage().startsWith("opencl backend not available: "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Backends.standard().select("cuda"));
        Backends none = new Backends(List.of(new FakeBackendProvider("x", "broken", null)));
        assertThrows(BackendUnavailableException.class, () -> none.select("auto"));
    }
}
