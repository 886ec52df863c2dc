// Deliberately broken: OpenClContextTest checks that the build log reaches the exception message.
__kernel void broken(__global double* out)
{
    out[get_global_id(0)] = sorb_undeclared_identifier * 2.0;
}
