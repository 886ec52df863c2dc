package org.sorb.model;

/**
 * What to record.
 *
 * @param interval     outlet sampling interval (s); the outlet is written from 0 to the inlet's end
 * @param profileTimes times at which whole-column profiles are written (s); empty for none
 */
public record OutputSpec(double interval, double[] profileTimes) {
    public OutputSpec {
        Checks.positive("output.interval", interval);
        profileTimes = profileTimes == null ? new double[0] : profileTimes.clone();
        double previous = -1.0;
        for (int i = 0; i < profileTimes.length; i++) {
            Checks.nonNegative("output.profiles[" + i + "]", profileTimes[i]);
            if (!(profileTimes[i] > previous)) {
                throw new InvalidModelException("output.profiles[" + i + "]", profileTimes[i] + " s",
                        "times in increasing order");
            }
            previous = profileTimes[i];
        }
    }

    @Override
    public double[] profileTimes() {
        return profileTimes.clone();
    }
}
