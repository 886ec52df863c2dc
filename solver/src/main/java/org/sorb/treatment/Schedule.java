package org.sorb.treatment;

import org.sorb.model.InvalidModelException;

/**
 * When sessions run: each ends when the patient's processed plasma volume reaches {@code plasmaVolumes} x PV or
 * after {@code maxDuration}, whichever comes first; session k + 1 starts {@code intervals[k]} after session k
 * started. The patient is followed to {@code followUp} after the last session's start (at least its end).
 *
 * <p>Every session has a finite budget: {@code maxDuration} is always finite (the case reader gives
 * {@link TreatmentLimits#DEFAULT_MAX_DURATION} when a case names none), and every value lies in its
 * {@link TreatmentLimits}.
 *
 * @param sessions         number of sessions
 * @param plasmaVolumes    processed patient plasma per session in plasma volumes (-); infinite: time only
 * @param maxDuration      longest session (s)
 * @param intervals        start-to-start intervals between sessions (s), sessions - 1 values
 * @param followUp         follow-up after the last session's start (s); 0: the run ends when the session ends
 * @param couplingInterval patient-column coupling interval (s)
 * @param restStep         step of the patient model between sessions (s)
 */
public record Schedule(int sessions, double plasmaVolumes, double maxDuration, double[] intervals, double followUp,
                       double couplingInterval, double restStep) {
    /** Relative shortfall below which a session counts as having processed its target volume. */
    public static final double TARGET_TOLERANCE = 1e-9;

    public Schedule {
        TreatmentLimits.SESSIONS.check(sessions);
        if (plasmaVolumes != Double.POSITIVE_INFINITY) {
            TreatmentLimits.PLASMA_VOLUMES.check(plasmaVolumes);
        }
        TreatmentLimits.MAX_DURATION.check(maxDuration);
        intervals = intervals == null ? new double[0] : intervals.clone();
        if (intervals.length != sessions - 1) {
            throw new InvalidModelException("schedule.intervals", intervals.length + " values",
                    (sessions - 1) + " start-to-start intervals (one fewer than sessions)");
        }
        for (double interval : intervals) {
            TreatmentLimits.INTERVAL.check(interval);
        }
        TreatmentLimits.FOLLOW_UP.check(followUp);
        TreatmentLimits.COUPLING_INTERVAL.check(couplingInterval);
        TreatmentLimits.REST_STEP.check(restStep);
    }

    /** True when the schedule ends sessions by volume (not by time alone). */
    public boolean hasVolumeTarget() {
        return plasmaVolumes != Double.POSITIVE_INFINITY;
    }

    /** True when {@code processed} patient plasma (m^3) reaches this schedule's target for plasma volume {@code pv}. */
    public boolean reachedTarget(double processed, double pv) {
        return !hasVolumeTarget() || processed >= plasmaVolumes * pv * (1.0 - TARGET_TOLERANCE);
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
