package org.sorb.numerics.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sorb.model.BindingModels;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;

/**
 * The reference device against the kernels' hand-written Java twins ({@link JavaBatchDevice}), phase by phase on
 * random states ({@link PhaseAgreement}), for every column model, binding model the kernels take, kinetic setting
 * and both ways of solving the shell blocks, with all designs active and with vectors of mixed lanes: the
 * reference that replaces the twins computes what they compute. Goes with the twins.
 */
class ReferenceAgainstTwinsTest {
    static final int NZ = 7;
    static final int NR = 3;
    static final int DESIGNS = 8;

    static Stream<Arguments> configurations() {
        Stream.Builder<Arguments> s = Stream.builder();
        for (ColumnModel m : ColumnModel.values()) {
            for (String binding : BindingModels.keys()) {
                for (boolean kinetic : new boolean[] {true, false}) {
                    for (boolean blockInverse : new boolean[] {true, false}) {
                        s.add(Arguments.of(m, binding, kinetic, blockInverse));
                    }
                }
            }
        }
        return s.build();
    }

    @Test
    void everyRegisteredBindingModelHasAFixture() {
        assertEquals(List.of(), BindingFixtures.missing());
    }

    @ParameterizedTest(name = "{0} {1} kinetic={2} block inverses={3}")
    @MethodSource("configurations")
    void referenceEqualsTheTwinsPhaseByPhase(ColumnModel model, String binding, boolean kinetic,
                                             boolean blockInverse) {
        List<ColumnCase> designs = RandomBatchStates.designs(model, binding, kinetic, DESIGNS, NZ, NR);
        String why = RandomBatchStates.notOnKernels(designs.get(0));
        Assumptions.assumeTrue(why == null, "no twins for this model yet: " + why);
        KernelConstants k = KernelConstants.of(designs.get(0));
        boolean mustConverge = kinetic || binding.equals("linear");
        for (int[] active : List.of(RandomBatchStates.allActive(DESIGNS), RandomBatchStates.mixedActive(DESIGNS, 4))) {
            try (ReferenceBatchDevice reference = new ReferenceBatchDevice(designs);
                 JavaBatchDevice twins = new JavaBatchDevice(k, DESIGNS, blockInverse)) {
                PhaseAgreement.phases(model + " " + binding + " kinetic=" + kinetic, reference, twins, designs, active,
                        mustConverge);
            }
        }
    }

    @AfterAll
    static void report() {
        System.out.println("largest relative differences, reference device against the twins:\n"
                + PhaseAgreement.report());
    }
}
