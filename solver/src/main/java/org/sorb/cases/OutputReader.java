package org.sorb.cases;

import java.util.ArrayList;
import java.util.List;
import org.sorb.model.OutputSpec;

/**
 * Reads the optional {@code output:} section: the outlet sampling interval (default: end time / 1000) and
 * whole-column profiles, either every {@code interval} from 0 or at explicit {@code times}.
 */
final class OutputReader {
    static final List<String> KEYS = List.of("interval", "profiles");
    static final List<String> PROFILE_KEYS = List.of("interval", "times");
    static final int DEFAULT_SAMPLES = 1000;
    static final int MAX_PROFILES = 100_000;

    private OutputReader() {
    }

    static OutputSpec read(Section s, double endTime) throws CaseException {
        double fallback = endTime / DEFAULT_SAMPLES;
        if (s == null) {
            return new OutputSpec(fallback, new double[0]);
        }
        s.allowKeys(KEYS);
        double interval = s.number("interval", QuantityKind.TIME, Range.POSITIVE, fallback);
        return new OutputSpec(interval, profileTimes(s.section("profiles"), endTime));
    }

    private static double[] profileTimes(Section p, double endTime) throws CaseException {
        if (p == null) {
            return new double[0];
        }
        p.allowKeys(PROFILE_KEYS);
        if (p.has("interval") == p.has("times")) {
            throw new CaseException(p.field(p.has("times") ? "times" : "interval"),
                    p.has("times") ? p.display("times") + " together with interval " + p.display("interval")
                            : "nothing", "either interval (a time) or times (a list of times), not both");
        }
        if (p.has("interval")) {
            double every = p.number("interval", QuantityKind.TIME, Range.POSITIVE);
            if (endTime / every > MAX_PROFILES) {
                throw new CaseException(p.field("interval"), p.display("interval"),
                        "an interval that gives at most " + MAX_PROFILES + " profiles up to the end time");
            }
            List<Double> times = new ArrayList<>();
            for (long k = 0; k * every <= endTime * (1 + 1e-12); k++) {
                times.add(k * every);
            }
            return times.stream().mapToDouble(Double::doubleValue).toArray();
        }
        int count = p.raw("times").isArray() ? p.raw("times").size() : 1;
        Range withinRun = new Range(0.0, true, endTime, true, "in [0, " + Format.number(endTime) + " s]");
        double[] times = p.numbers("times", QuantityKind.TIME, withinRun, count, "times within the run");
        for (int i = 1; i < times.length; i++) {
            if (!(times[i] > times[i - 1])) {
                throw new CaseException(p.field("times") + "[" + i + "]", YamlTree.display(p.raw("times").get(i)),
                        "times in increasing order");
            }
        }
        return times;
    }
}
