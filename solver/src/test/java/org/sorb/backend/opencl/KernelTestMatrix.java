package org.sorb.backend.opencl;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.sorb.model.ColumnModel;

/**
 * The configurations and kernel layouts the OpenCL equivalence tests run, in one place.
 *
 * <p>Every configuration (model x binding x kinetic or equilibrium: 18) runs on the scalar layout and on one of the
 * other layouts, chosen by {@code (model + binding + kinetic) mod 4}, which puts every model, every binding and
 * both kinetic settings on every layout (pairwise coverage, {@link #pairsCovered}). The sizes and the layout are
 * compile-time constants of the kernels, so each pair is a program build: 36 builds instead of the full 90,
 * which is most of what a first test run costs on an empty PoCL cache.
 */
final class KernelTestMatrix {
    /** (lanes, work-group size, designs per tile of the device layout): one design per work-item, host layout. */
    static final int[] SCALAR = {1, 0, 0};
    /**
     * 8 and 16 designs per work-item in vector lanes and tiles of as many (one and two AVX-512 vectors: the CPU
     * choices); one work-group of 4 work-items per design on the design-major layout (the GPU choice, with fewer
     * work-items than cells so that each work-item takes several) and on the host layout (bench --device-layout
     * host).
     */
    static final int[][] OTHERS = {{8, 0, 8}, {16, 0, 16}, {1, 4, 1}, {1, 4, 0}};
    static final String[] BINDINGS = {"linear", "langmuir", "bi_langmuir"};

    /** One configuration: model, binding model, kinetic or rapid equilibrium. */
    record Configuration(ColumnModel model, String binding, boolean kinetic) {
        /** The index into {@link #OTHERS} of the second layout this configuration runs on. */
        int otherLayout() {
            int b = List.of(BINDINGS).indexOf(binding);
            return (model.ordinal() + b + (kinetic ? 1 : 0)) % OTHERS.length;
        }
    }

    private KernelTestMatrix() {
    }

    static List<Configuration> configurations() {
        List<Configuration> out = new ArrayList<>();
        for (ColumnModel m : ColumnModel.values()) {
            for (String binding : BINDINGS) {
                for (boolean kinetic : new boolean[] {true, false}) {
                    out.add(new Configuration(m, binding, kinetic));
                }
            }
        }
        return out;
    }

    /** Arguments (model, binding, kinetic, lanes, group, tile) of every configuration on its two layouts. */
    static Stream<Arguments> configurationsAndLayouts() {
        return configurations().stream().flatMap(c -> Stream.of(SCALAR, OTHERS[c.otherLayout()]).map(l ->
                Arguments.of(c.model(), c.binding(), c.kinetic(), l[0], l[1], l[2])));
    }

    /** True when every layout of {@link #OTHERS} gets every model, every binding and both kinetic settings. */
    static boolean pairsCovered() {
        for (int l = 0; l < OTHERS.length; l++) {
            int layout = l;
            List<Configuration> on = configurations().stream().filter(c -> c.otherLayout() == layout).toList();
            for (ColumnModel m : ColumnModel.values()) {
                if (on.stream().noneMatch(c -> c.model() == m)) {
                    return false;
                }
            }
            for (String b : BINDINGS) {
                if (on.stream().noneMatch(c -> c.binding().equals(b))) {
                    return false;
                }
            }
            if (on.stream().noneMatch(Configuration::kinetic) || on.stream().allMatch(Configuration::kinetic)) {
                return false;
            }
        }
        return true;
    }
}
