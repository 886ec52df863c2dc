package org.sorb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sorb.model.ConvectionScheme;
import org.sorb.model.Discretization;
import org.sorb.model.ParticleGrid;
import org.sorb.model.SpectralElements;

/** {@code bench reference}'s configurations: finite volumes, spectral elements, tolerances and what is refused. */
class BenchConfigurationTest {
    @Test
    void finiteVolumesKeepTodaysSyntaxAndAbsoluteTolerance() {
        BenchConfiguration c = BenchConfiguration.parse("64x16@1e-4");
        assertEquals(new Discretization(64, 16, ParticleGrid.EQUIDISTANT, ConvectionScheme.WENO3), c.grid());
        assertEquals(1e-4, c.relTol());
        assertEquals(1e-4 * BenchConfiguration.ABS_PER_REL, c.absTol());
        assertEquals("FV", c.method());
        assertEquals("64x16", c.label());
        assertEquals(c, BenchConfiguration.parse("fv:64x16@1e-4"));
    }

    @Test
    void spectralElementsTakeDegreeByElementsInAxisAndParticle() {
        BenchConfiguration c = BenchConfiguration.parse("dg:P3x8:P4x1@1e-6");
        assertEquals(Discretization.galerkin(new SpectralElements(8, 3, 1, 4, false)), c.grid());
        assertEquals(1e-6, c.relTol());
        assertEquals(1e-10, c.absTol(), 1e-25);
        assertEquals("DG", c.method());
        assertEquals("dg:P3x8:P4x1", c.label());
        assertEquals(c.grid(), BenchConfiguration.parse("dg:3x8:4x1@1e-6").grid(), "the Ps may be left out");
    }

    @Test
    void exactIntegrationAndFiniteVolumeShellsUnderGalerkinElements() {
        BenchConfiguration exact = BenchConfiguration.parse("dg:P3x8:P4x1:exact@1e-6");
        assertTrue(exact.grid().dg().exactIntegration());
        assertEquals("dg:P3x8:P4x1:exact", exact.label());
        BenchConfiguration hybrid = BenchConfiguration.parse("dg:P3x8:P0x8@1e-5");
        assertEquals(0, hybrid.grid().dg().particleDegree());
        assertEquals(8, hybrid.grid().particleCells(), "8 finite-volume shells");
        assertEquals(32, hybrid.grid().axialCells(), "8 elements of 4 nodes");
        assertFalse(hybrid.grid().dg().exactIntegration());
    }

    @Test
    void anExplicitAbsoluteToleranceWinsAndRoundTrips() {
        BenchConfiguration c = BenchConfiguration.parse("dg:P3x4:P3x1@1e-3/1e-7");
        assertEquals(1e-3, c.relTol());
        assertEquals(1e-7, c.absTol());
        assertEquals("dg:P3x4:P3x1@1e-3/1e-7", c.toString());
        assertEquals(c, BenchConfiguration.parse(c.toString()));
        assertEquals("64x8@1e-5", BenchConfiguration.parse(" 64x8@1e-5 ").toString());
        assertEquals("64x8@2.5e-7/3e-12", BenchConfiguration.parse("64x8@0.00000025/3e-12").toString());
        assertEquals("1.2345e2", BenchConfiguration.number(123.45));
    }

    @Test
    void aListParsesInOrder() {
        List<BenchConfiguration> cs = BenchConfiguration.parseAll(List.of("dg:P3x8:P4x1@1e-6", "64x16@1e-4"));
        assertEquals(List.of("dg:P3x8:P4x1", "64x16"), cs.stream().map(BenchConfiguration::label).toList());
        assertThrows(IllegalArgumentException.class, () -> BenchConfiguration.parseAll(List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"64x8", "64x8@", "64x8@1e-5@1e-6", "64@1e-5", "64x8x2@1e-5", "x8@1e-5", "2x8@1e-5",
        "64x0@1e-5", "64x8@abc", "64x8@0", "64x8@-1e-5", "64x8@1", "64x8@NaN", "64x8@1e-5/", "64x8@1e-5/0",
        "dg:P3x8@1e-6", "dg:P3x8:P4@1e-6", "dg:P0x8:P4x1@1e-6", "dg:P9x8:P4x1@1e-6", "dg:P3x0:P4x1@1e-6",
        "dg:P3x8:P4x0@1e-6", "dg:P3x8:P9x1@1e-6", "dg:P3x8:P4x1:exakt@1e-6", "dg:Q3x8:P4x1@1e-6",
        "dg:P3x99999999999:P4x1@1e-6", "dg:P8x2000000000:P4x1@1e-6", "fv:dg:P3x8:P4x1@1e-6", ""})
    void aBadConfigurationIsRefusedByName(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchConfiguration.parse(text));
        assertTrue(e.getMessage().startsWith("--grid '" + text + "': "), e.getMessage());
        assertTrue(e.getMessage().contains(BenchConfiguration.SYNTAX), e.getMessage());
    }
}
