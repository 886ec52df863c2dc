package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.numerics.DesignProgress;

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

    @Test
    void aLogGetsOneLinePerTenPercentOfDesignsWithRateAndEta() {
        StringWriter sink = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(sink), false, () -> now);
        int total = 25;
        for (int done = 0; done <= total; done++) {
            now = done * 2_000_000_000L; // one design per 2 s
            p.designs(new DesignProgress(done, done >= 20 ? 1 : 0, total, (double) done / total));
        }
        p.finish();
        List<String> lines = sink.toString().lines().toList();
        assertEquals(10, lines.size(), sink.toString());
        // 10/25 designs after 20 s: 0.5 designs/s, 15 to go at that rate: 30 s
        assertEquals("[sorb] 40%: 10/25 designs done, 0.500 designs/s, ETA 0:00:30 (20.0 s elapsed)", lines.get(3));
        assertEquals("[sorb] 100%: 25/25 designs done, 1 failed, 0.500 designs/s, ETA 0:00:00 (50.0 s elapsed)",
                lines.get(9));
    }

    @Test
    void aTerminalShowsDesignsOfTheTrueTotalAndTheWorkOfRunningOnes() {
        StringWriter sink = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(sink), true, () -> now);
        now = 4_000_000_000L;
        // 25 designs, none finished yet, the running ones a quarter through: ETA 3 x 4 s
        p.designs(new DesignProgress(0, 0, 25, 0.25));
        assertTrue(sink.toString().endsWith("] 0/25 designs, work 25%, 0.00 designs/s, ETA 0:00:12  0:00:04\u001b[K"),
                sink.toString());
        now = 10_000_000_000L;
        p.designs(new DesignProgress(25, 0, 25, 1.0));
        p.finish();
        assertTrue(sink.toString().endsWith("[" + "#".repeat(30) + "] 25/25 designs, 2.50 designs/s, ETA 0:00:00"
                + "  0:00:10\u001b[K\n"), sink.toString());
    }

    @Test
    void aShardsBlockIsShownAsProgressOfTheShardWithItsLabel() {
        StringWriter sink = new StringWriter();
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(sink), false, () -> now);
        // block 2 of 2 of shard 2/3: 10 of its 20 designs (1 failed) done before, this block of 10 half done
        ShardProgress block = new ShardProgress(printer, "2/3", 2, 2, 10, 1, 10, 20);
        now = 30_000_000_000L;
        block.designs(new DesignProgress(5, 0, 10, 0.75));
        // the batch of a block with grid companions: 20 solves for its 10 designs, 11 solved
        block.designs(new DesignProgress(11, 0, 20, 0.8));
        assertEquals("[sorb] 70% shard 2/3, block 2/2: 15/20 designs done, 1 failed, 0.500 designs/s, ETA 0:00:04"
                + " (30.0 s elapsed)\n", sink.toString());
    }
}
