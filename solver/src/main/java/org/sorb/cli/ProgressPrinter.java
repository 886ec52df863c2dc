package org.sorb.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.sorb.numerics.DesignProgress;
import org.sorb.numerics.ProgressListener;

/**
 * Shows a backend's progress: a one-line bar redrawn with carriage returns on a terminal, otherwise one plain line
 * per 10 % ({@code [sorb] 40% t=1200 s (3.1 s elapsed)}). A batch of designs is shown by designs finished of the
 * total, with the rate (designs/s) and the time to go, {@code ETA = elapsed (1 - w) / w} for the done fraction w of
 * the work (running designs count their simulated-time fraction); in a log, one line per 10 % of the designs.
 */
final class ProgressPrinter implements ProgressListener {
    private static final int BAR_WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long start;
    private int lastDecile;
    private long lastDraw;
    private boolean barShown;

    /**
     * @param out      where to print (stderr, so that stdout keeps the summary)
     * @param terminal true to redraw a bar in place, false for plain lines
     * @param clock    nanosecond clock, {@link System#nanoTime} outside tests
     */
    ProgressPrinter(PrintWriter out, boolean terminal, LongSupplier clock) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    @Override
    public synchronized void progress(double fraction, String message) {
        double f = Double.isNaN(fraction) ? 0.0 : Math.max(0.0, Math.min(1.0, fraction));
        String status = message == null || message.isBlank() ? "" : "  " + message.strip();
        show(clock.getAsLong(), f, f >= 1.0, String.format(Locale.ROOT, "%3d%%", (int) Math.floor(f * 100)) + status,
                status.isEmpty() ? "" : " " + status.strip());
    }

    @Override
    public synchronized void designs(DesignProgress p) {
        long now = clock.getAsLong();
        double elapsed = (now - start) * 1e-9;
        String rate = elapsed > 0 ? String.format(Locale.ROOT, "%.3g designs/s", p.finished() / elapsed)
                : "-- designs/s";
        String eta = p.work() >= 1.0 ? "0:00:00" : p.work() > 0 && elapsed > 0
                ? clockTime(Math.round(elapsed * (1 - p.work()) / p.work() * 1e9)) : "--";
        boolean complete = p.finished() == p.total();
        String running = complete ? "" : String.format(Locale.ROOT, ", work %d%%", (int) Math.floor(p.work() * 100));
        String label = p.label().isEmpty() ? "" : p.label() + ": ";
        show(now, p.finishedFraction(), complete, label + p.finished() + "/" + p.total() + " designs"
                + (p.failed() > 0 ? ", " + p.failed() + " failed" : "") + running + ", " + rate + ", ETA " + eta,
                (label.isEmpty() ? ": " : " " + label) + p.summary() + ", " + rate + ", ETA " + eta);
    }

    /**
     * Draws the bar at {@code f} with {@code barText} (at most every {@link #REDRAW_NANOS} unless complete), or
     * prints {@code logText} when f entered a new tenth.
     */
    private void show(long now, double f, boolean complete, String barText, String logText) {
        if (terminal) {
            if (barShown && now - lastDraw < REDRAW_NANOS && !complete) {
                return;
            }
            lastDraw = now;
            int filled = (int) Math.round(f * BAR_WIDTH);
            out.print("\r[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + barText + "  "
                    + clockTime(now - start) + "\u001b[K");
            barShown = true;
        } else {
            int decile = (int) Math.floor(f * 10 + 1e-9);
            if (decile <= lastDecile) {
                return;
            }
            lastDecile = decile;
            out.println("[sorb] " + decile * 10 + "%" + logText
                    + String.format(Locale.ROOT, " (%.1f s elapsed)", (now - start) * 1e-9));
        }
        out.flush();
    }

    /** Ends the bar's line, if one was drawn; call once when the computation returns or fails. */
    synchronized void finish() {
        if (barShown) {
            out.println();
            out.flush();
            barShown = false;
        }
    }

    private static String clockTime(long nanos) {
        long s = nanos / 1_000_000_000L;
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
