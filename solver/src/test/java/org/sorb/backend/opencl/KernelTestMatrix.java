package org.sorb.backend.opencl;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.sorb.model.BindingModels;
import org.sorb.model.ColumnModel;

/**
 * The configurations and kernel layouts the OpenCL equivalence tests run, in one place.
 *
 * <p>Every configuration (model x registered binding model x kinetic or equilibrium) runs on the scalar layout and
 * on one other. The binding models of {@link #ON_EVERY_LAYOUT} take the other layout by
 * {@code (model + binding + kinetic) mod 4}, which puts every model, each of these bindings and both kinetic settings
 * on every layout (pairwise coverage, {@link #pairsCovered}); every other registered model ({@link BindingModels#ALL},
 * each with a {@link KernelColumnFixtures} fixture) runs on the scalar layout and {@link #VECTOR} only: its kernel
 * file is the same code on every layout, which the first models already hold to their twins. The sizes and the
 * layout are compile-time constants of the kernels, so each pair is a program build: 60 builds instead of the full
 * 150, which is most of what a first test run costs on an empty PoCL cache.
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
    /** The layout of the binding models not in {@link #ON_EVERY_LAYOUT}: 16 lanes, the CPU's choice here. */
    static final int VECTOR = 1;
    /** The binding models that run on every layout of {@link #OTHERS}. */
    static final List<String> ON_EVERY_LAYOUT = List.of("linear", "langmuir", "bi_langmuir");

    /** One configuration: model, binding model, kinetic or rapid equilibrium. */
    record Configuration(ColumnModel model, String binding, boolean kinetic) {
        /** The index into {@link #OTHERS} of the second layout this configuration runs on. */
        int otherLayout() {
            int b = ON_EVERY_LAYOUT.indexOf(binding);
            return b < 0 ? VECTOR : (model.ordinal() + b + (kinetic ? 1 : 0)) % OTHERS.length;
        }
    }

    private KernelTestMatrix() {
    }

    /** Every column model x every registered binding model x kinetic and equilibrium. */
    static List<Configuration> configurations() {
        List<Configuration> out = new ArrayList<>();
        for (ColumnModel m : ColumnModel.values()) {
            for (String binding : KernelColumnFixtures.keys()) {
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

    /**
     * True when every layout of {@link #OTHERS} gets every model, every binding of {@link #ON_EVERY_LAYOUT} and both
     * kinetic settings from those bindings' configurations.
     */
    static boolean pairsCovered() {
        for (int l = 0; l < OTHERS.length; l++) {
            int layout = l;
            List<Configuration> on = configurations().stream()
                    .filter(c -> ON_EVERY_LAYOUT.contains(c.binding()) && c.otherLayout() == layout).toList();
            for (ColumnModel m : ColumnModel.values()) {
                if (on.stream().noneMatch(c -> c.model() == m)) {
                    return false;
                }
            }
            for (String b : ON_EVERY_LAYOUT) {
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
