package org.sorb.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.OutputSpec;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.Footprint.Part;
import org.sorb.verification.TestCases;

/**
 * The memory estimate against what the code allocates: the arrays reachable from a real integrator, measured by
 * walking its fields, and the result's arrays; and the size arithmetic that must never overflow.
 */
class FootprintTest {
    /** Two components with Langmuir binding on a small grid, profiles every 5 s of a 20 s run. */
    private static ColumnCase small(ColumnModel model) {
        ColumnCase b = TestCases.benchmarkColumn(model, TestCases.binding("langmuir", 2, true, 1.0), 12, 4,
                new double[] {1.0, 0.5}, 10.0, 20.0, 0.5, 1e-6, 1e-4);
        return new ColumnCase(b.name(), b.components(), b.column(), b.particle(), b.binding(), b.inlet(), b.initial(),
                b.discretization(), b.solver(), new OutputSpec(0.5, new double[] {0.0, 5.0, 10.0, 15.0, 20.0}));
    }

    @ParameterizedTest
    @EnumSource(ColumnModel.class)
    void theGridEstimateIsWithinAFactorTwoOfTheIntegratorsArrays(ColumnModel model) {
        ColumnCase c = small(model);
        ColumnSimulator simulator = new ColumnSimulator(c);
        double[] y0 = simulator.initialState();
        ColumnIntegrator integrator = new ColumnIntegrator(simulator.equations(), c.solver(), y0, 0.0);
        long measured = arrayBytes(integrator) + 8L * y0.length;
        long estimate = ColumnSimulator.footprint(c).of(Part.GRID);
        // within a factor two, and the margin covers what the estimate leaves out (arrays of O(cells))
        assertTrue(estimate <= 2 * measured && measured <= HostMemory.needed(estimate),
                model + ": estimate " + estimate + " bytes, arrays " + measured + " bytes");
    }

    @Test
    void theOutletAndProfileEstimatesAreTheResultsArraysTwice() {
        ColumnCase c = small(ColumnModel.GENERAL_RATE);
        SimulationResult r = new ColumnSimulator(c).run(ProgressListener.NONE);
        Footprint f = ColumnSimulator.footprint(c);
        assertEquals(ColumnSimulator.RESULT_COPIES * 8L * (r.time().length + r.outlet().length), f.of(Part.OUTLET));
        assertEquals(ColumnSimulator.RESULT_COPIES * 8L * (r.profiles().bulk().length + r.profiles().bound().length),
                f.of(Part.PROFILES));
        assertEquals(r.profiles().bulk().length, Sizes.times(5, 12, 2));
    }

    @Test
    void theSampleCountIsTheLengthOfTheOutputTimes() {
        double[][] cases = {{10, 4800}, {0.5, 20}, {7, 20}, {0.1, 0.3}, {1.0 / 3, 1}, {3, 3}, {5, 3}, {1e-3, 4800.0001}};
        for (double[] c : cases) {
            assertEquals(ColumnSimulator.outputTimes(c[0], c[1]).length, ColumnSimulator.sampleCount(c[0], c[1]),
                    c[0] + " s to " + c[1] + " s");
        }
    }

    @Test
    void hugeSampleCountsAreCountedAndRefusedNotWrapped() {
        assertEquals(100_000_000_001L, ColumnSimulator.sampleCount(4.8e-8, 4800));
        assertEquals(Long.MAX_VALUE, ColumnSimulator.sampleCount(1e-300, 4800));
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> ColumnSimulator.outputTimes(4.8e-8, 4800));
        assertTrue(e.getMessage().contains("outlet samples: 100000000001 elements"), e.getMessage());
        assertThrows(ArithmeticException.class, () -> ColumnSimulator.outputTimes(4800.0 / Integer.MAX_VALUE, 4800));
    }

    @Test
    void aLayoutTooLargeForAnArrayIsMeasuredExactlyButNotIndexed() {
        ColumnCase c = small(ColumnModel.GENERAL_RATE);
        StateLayout cells = new StateLayout(ColumnModel.GENERAL_RATE, 1_000_000_000, 8, c.binding());
        assertEquals(1_000_000_000L * (2 + 8 * 4), cells.unknowns());
        assertEquals(34, cells.cellStride());
        assertThrows(ArithmeticException.class, cells::size);
        assertThrows(ArithmeticException.class, () -> new IterationMatrix(cells));
        StateLayout shells = new StateLayout(ColumnModel.GENERAL_RATE, 64, Integer.MAX_VALUE, c.binding());
        assertEquals(64L * (2 + 4L * Integer.MAX_VALUE), shells.unknowns());
        assertThrows(ArithmeticException.class, shells::cellStride);
        assertTrue(shells.bulk(1, 0) < 0, "an offset of a layout without int offsets must not wrap silently");
    }

    @Test
    void sizeArithmeticSaturatesInsteadOfOverflowing() {
        assertEquals(6L * Integer.MAX_VALUE, Sizes.times(2, 3, Integer.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, Sizes.times(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, Sizes.plus(Long.MAX_VALUE - 1, 2));
        assertEquals(Long.MAX_VALUE, Sizes.ceil(1e300));
        assertEquals(3, Sizes.ceil(2.5));
        assertEquals(Long.MAX_VALUE, new Footprint().doubles(Part.GRID, 1, Long.MAX_VALUE / 4).total());
        assertThrows(ArithmeticException.class, () -> Sizes.length(Sizes.MAX_ARRAY_LENGTH + 1L, "x"));
    }

    @Test
    void theMemoryAvailableIsWithinTheJvmsMaximumLessTheHeadroom() {
        long max = Runtime.getRuntime().maxMemory() - HostMemory.HEADROOM_BYTES;
        long quick = HostMemory.available();
        assertTrue(quick >= 0 && quick <= max, quick + " of " + max);
        assertEquals(quick, HostMemory.availableFor(0), 64L << 20);
        assertTrue(HostMemory.availableFor(Long.MAX_VALUE) <= max);
        assertEquals(0.0, Double.parseDouble(HostMemory.gib(0).replace(" GiB", "")));
        assertEquals("61.2 GiB", HostMemory.gib((long) (61.2 * HostMemory.GIB)));
        assertTrue(HostMemory.gib(Long.MAX_VALUE).startsWith("more than "));
    }

    /** Bytes of every primitive array reachable from {@code root} through the fields of Sorb's objects. */
    static long arrayBytes(Object root) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(root);
        long bytes = 0;
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (!seen.add(o)) {
                continue;
            }
            Class<?> type = o.getClass();
            if (type.isArray()) {
                Class<?> element = type.getComponentType();
                if (element.isPrimitive()) {
                    bytes += (long) Array.getLength(o) * primitiveBytes(element);
                } else {
                    for (int i = 0; i < Array.getLength(o); i++) {
                        push(todo, Array.get(o, i));
                    }
                }
                continue;
            }
            if (!type.getName().startsWith("org.sorb.")) {
                continue;
            }
            for (Class<?> t = type; t != null && t.getName().startsWith("org.sorb."); t = t.getSuperclass()) {
                for (Field f : t.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
                        f.setAccessible(true);
                        try {
                            push(todo, f.get(o));
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }
        }
        return bytes;
    }

    private static void push(Deque<Object> todo, Object o) {
        if (o != null) {
            todo.push(o);
        }
    }

    private static int primitiveBytes(Class<?> element) {
        if (element == double.class || element == long.class) {
            return 8;
        }
        if (element == int.class || element == float.class) {
            return 4;
        }
        return element == short.class || element == char.class ? 2 : 1;
    }
}
