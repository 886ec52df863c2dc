// Machine ceilings for `sorb bench batch`: memory and cache bandwidth (copies) and double-precision FMA throughput.
// Needs fp64 (cl_khr_fp64, core in OpenCL 1.2 devices that report CL_DEVICE_DOUBLE_FP_CONFIG != 0).
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

// dst[i] = src[i], one element per work-item (launch exactly n work-items).
__kernel void copy_f64(__global const double* restrict src, __global double* restrict dst)
{
    const size_t i = get_global_id(0);
    dst[i] = src[i];
}

// Eight independent FMA chains per work-item, `iterations` rounds: 16 * iterations flops per work-item.
// The sum is stored so that the compiler cannot drop the loop.
__kernel void fma_f64(__global double* out, const int iterations)
{
    const size_t gid = get_global_id(0);
    const double x = 1.0e-9 * (double) (gid & 1023);
    const double y = 0.999999999;
    double a0 = x, a1 = x + 0.1, a2 = x + 0.2, a3 = x + 0.3, a4 = x + 0.4, a5 = x + 0.5, a6 = x + 0.6, a7 = x + 0.7;
    for (int k = 0; k < iterations; k++) {
        a0 = fma(a0, y, x); a1 = fma(a1, y, x); a2 = fma(a2, y, x); a3 = fma(a3, y, x);
        a4 = fma(a4, y, x); a5 = fma(a5, y, x); a6 = fma(a6, y, x); a7 = fma(a7, y, x);
    }
    out[gid] = ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
}

// The same with eight chains of double8 vectors: 128 * iterations flops per work-item. A CPU device reaches its SIMD
// FMA rate only with explicit vectors (PoCL on AVX-512: ~7x the scalar kernel); a GPU reaches it with either.
__kernel void fma_f64x8(__global double* out, const int iterations)
{
    const size_t gid = get_global_id(0);
    const double8 x = (double8) (1.0e-9 * (double) (gid & 1023));
    const double8 y = (double8) (0.999999999);
    double8 a0 = x, a1 = x + 0.1, a2 = x + 0.2, a3 = x + 0.3, a4 = x + 0.4, a5 = x + 0.5, a6 = x + 0.6, a7 = x + 0.7;
    for (int k = 0; k < iterations; k++) {
        a0 = fma(a0, y, x); a1 = fma(a1, y, x); a2 = fma(a2, y, x); a3 = fma(a3, y, x);
        a4 = fma(a4, y, x); a5 = fma(a5, y, x); a6 = fma(a6, y, x); a7 = fma(a7, y, x);
    }
    double8 s = ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
    out[gid] = ((s.s0 + s.s1) + (s.s2 + s.s3)) + ((s.s4 + s.s5) + (s.s6 + s.s7));
}

// Cache bandwidth: each work-item copies its own slice of n doubles (n a multiple of 8) from a to b and back,
// `rounds` times (2 * rounds copies). With slices that fit a core's cache and one work-item per work-group
// (one per core), the data never leaves the cache; the copies depend on each other, so none can be dropped.
__kernel void copy_slice_f64(__global double* a, __global double* b, const int n, const int rounds)
{
    __global double* x = a + get_global_id(0) * (size_t) n;
    __global double* y = b + get_global_id(0) * (size_t) n;
    for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < n; i += 8) {
            vstore8(vload8(0, x + i), 0, y + i);
        }
        for (int i = 0; i < n; i += 8) {
            vstore8(vload8(0, y + i), 0, x + i);
        }
    }
}
