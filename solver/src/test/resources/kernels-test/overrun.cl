// For GuardBandsTest: kernels that write where they must not, so that the guard bands can be seen to catch it.
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

__kernel void write_at(__global double* x, long at) {
    x[at] = 1.0;
}
