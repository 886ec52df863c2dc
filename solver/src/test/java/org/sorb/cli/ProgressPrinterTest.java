package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    private long now;

    @Test
    void plainOutputPrintsOneLinePerTenPercent() {
        StringWriter sink = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(sink), false, () -> now);
        for (int k = 0; k <= 100; k++) {
            now = k * 100_000_000L;
            p.progress(k / 100.0, "t=" + 12 * k + " s");
        }
        p.finish();
        List<String> lines = sink.toString().lines().toList();
        assertEquals(10, lines.size(), sink.toString());
        assertEquals("[sorb] 40% t=480 s (4.0 s elapsed)", lines.get(3));
        assertEquals("[sorb] 100% t=1200 s (10.0 s elapsed)", lines.get(9));
    }

    @Test
    void terminalOutputRedrawsOneLineAndEndsIt() {
        StringWriter sink = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(sink), true, () -> now);
        for (int k = 0; k <= 10; k++) {
            now = k * 1_000_000_000L;
            p.progress(k / 10.0, "t=" + k + " s");
        }
        p.finish();
        String s = sink.toString();
        assertEquals(11, s.chars().filter(c -> c == '\r').count());
        assertTrue(s.endsWith("] 100%  t=10 s  0:00:10\u001b[K\n"), s);
        assertEquals(1, s.chars().filter(c -> c == '\n').count());
    }
}
