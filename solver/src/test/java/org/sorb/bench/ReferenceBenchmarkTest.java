package org.sorb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.bench.ReferenceBenchmark.Fastest;
import org.sorb.bench.ReferenceBenchmark.Measurement;

/** The side-by-side summary of {@code bench reference}: fastest finite-volume and DG configuration per decade. */
class ReferenceBenchmarkTest {
    private static Measurement m(String config, double error, double seconds) {
        return new Measurement(BenchConfiguration.parse(config), 1, error, seconds, seconds, 1, 1);
    }

    @Test
    void eachDecadeGetsTheFastestOfEachMethodThatReachesIt() {
        List<Measurement> ms = List.of(m("64x8@1e-5", 2.0e-4, 0.18), m("64x16@1e-5", 6.8e-5, 0.24),
                m("32x4@1e-3", 8.8e-4, 0.03), m("dg:P3x4:P3x1@1e-4", 2.4e-5, 0.05),
                m("dg:P3x8:P4x1@1e-6", 8.6e-7, 0.30), m("dg:P3x8:P4x1:exact@1e-6", 8.0e-7, 0.40));
        List<Fastest> fs = ReferenceBenchmark.fastestPerDecade(ms);
        assertEquals(List.of(1e-3, 1e-4, 1e-5, 1e-6), fs.stream().map(Fastest::bound).toList());
        assertEquals("32x4", fs.get(0).fv().orElseThrow().config().label());
        assertEquals("dg:P3x4:P3x1", fs.get(0).dg().orElseThrow().config().label());
        assertEquals("64x16", fs.get(1).fv().orElseThrow().config().label());
        assertEquals("dg:P3x4:P3x1", fs.get(1).dg().orElseThrow().config().label());
        assertTrue(fs.get(2).fv().isEmpty());
        assertEquals("dg:P3x8:P4x1", fs.get(2).dg().orElseThrow().config().label());
        assertEquals("dg:P3x8:P4x1", fs.get(3).dg().orElseThrow().config().label(), "faster of the two within 1e-6");
    }

    @Test
    void anErrorOnADecadeCountsWithinIt() {
        List<Fastest> fs = ReferenceBenchmark.fastestPerDecade(List.of(m("64x8@1e-5", 1e-4, 0.1)));
        assertEquals(1, fs.size());
        assertEquals(1e-4, fs.get(0).bound());
        assertTrue(ReferenceBenchmark.fastestPerDecade(List.of()).isEmpty());
    }
}
