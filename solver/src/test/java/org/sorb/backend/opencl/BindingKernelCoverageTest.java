package org.sorb.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sorb.model.BindingModels;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.numerics.batch.KernelConstants;
import org.sorb.numerics.batch.NewtonIterationFlops;
import org.sorb.numerics.batch.RandomBatchStates;

/**
 * Every registered binding model ({@link BindingModels#ALL}) reaches the kernel tests: it has a fixture
 * ({@link org.sorb.numerics.batch.BindingFixtures}) and a random draw ({@link RandomBindings}), its structure is one the kernels take, its
 * kernel file {@code kernels/binding/<key>.cl} is on the classpath and the bench counts its flops. No OpenCL device
 * needed.
 */
class BindingKernelCoverageTest {
    @Test
    void everyRegisteredBindingModelHasAFixtureADrawAndAKernelFile() {
        for (String key : BindingModels.keys()) {
            ColumnCase c = RandomBatchStates.designs(ColumnModel.GENERAL_RATE, key, true, 1,
                    KernelPhaseTest.NZ, KernelPhaseTest.NR).get(0);
            KernelConstants k = KernelConstants.of(c);
            assertEquals(key, k.binding());
            assertEquals(key, RandomBindings.of(key).binding(new java.util.Random(1), true).key());
            assertTrue(OpenClBatchDevice.class.getResource("/" + k.bindingSource()) != null,
                    "no kernel file " + k.bindingSource());
            assertTrue(NewtonIterationFlops.perDesign(k, true) > 0, "the bench's flop count of " + key);
        }
    }
}
