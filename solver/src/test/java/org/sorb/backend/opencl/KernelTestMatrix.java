package org.sorb.backend.opencl;

/**
 * The kernel layouts the OpenCL phase tests run ({@link KernelPhaseTest}), in one place.
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

    private KernelTestMatrix() {
    }
}
