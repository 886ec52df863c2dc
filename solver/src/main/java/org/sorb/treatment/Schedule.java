package org.sorb.treatment;

import org.sorb.model.Checks;
import org.sorb.model.InvalidModelException;

/**
 * When sessions run: each ends when the patient's processed plasma volume reaches {@code plasmaVolumes} x PV or
 * after {@code maxDuration}, whichever comes first; session k + 1 starts {@code intervals[k]} after session k
 * started. The patient is followed to {@code followUp} after the last session's start (at least its end).
 *
 * @param sessions         number of sessions
 * @param plasmaVolumes    processed patient plasma per session in plasma volumes (-); infinite: time only
 * @param maxDuration      longest session (s); infinite: volume only
 * @param intervals        start-to-start intervals between sessions (s), sessions - 1 values
 * @param followUp         follow-up after the last session's start (s); 0: the run ends when the session ends
 * @param couplingInterval patient-column coupling interval (s)
 * @param restStep         step of the patient model between sessions (s)
 */
public record Schedule(int sessions, double plasmaVolumes, double maxDuration, double[] intervals, double followUp,
                       double couplingInterval, double restStep) {
    public Schedule {
        if (sessions < 1) {
            throw new InvalidModelException("schedule.sessions", Integer.toString(sessions), "an integer >= 1");
        }
        if (!(plasmaVolumes > 0) || !(maxDuration > 0) || (Double.isInfinite(plasmaVolumes)
                && Double.isInfinite(maxDuration))) {
            throw new InvalidModelException("schedule.plasma_volumes", plasmaVolumes + " (duration " + maxDuration
                    + " s)", "a processed volume > 0 or a session duration > 0 (at least one finite)");
        }
        intervals = intervals == null ? new double[0] : intervals.clone();
        if (intervals.length != sessions - 1) {
            throw new InvalidModelException("schedule.intervals", intervals.length + " values",
                    (sessions - 1) + " start-to-start intervals (one fewer than sessions)");
        }
        Checks.allPositive("schedule.intervals", intervals);
        Checks.nonNegative("schedule.follow_up", followUp);
        Checks.positive("schedule.coupling_interval", couplingInterval);
        Checks.positive("schedule.rest_step", restStep);
    }

    @Override
    public double[] intervals() {
        return intervals.clone();
    }

    /** Start time of session k (s). */
    public double start(int k) {
        double t = 0.0;
        for (int i = 0; i < k; i++) {
            t += intervals[i];
        }
        return t;
    }
}
