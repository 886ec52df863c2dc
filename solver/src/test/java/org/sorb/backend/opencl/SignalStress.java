package org.sorb.backend.opencl;

import static org.jocl.CL.*;

import org.jocl.CLException;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;
import org.jocl.cl_program;

/**
 * A child-process program for {@link SignalChainingTest}: initialises the first OpenCL platform, then for the
 * given seconds compiles programs that no cache holds while three threads allocate, so that garbage collections
 * bring every running thread to a safepoint poll (a SIGSEGV the JVM raises on purpose) while the driver's
 * compiler re-installs its signal handlers. Without signal chaining on PoCL this dies with exit 139 within
 * seconds; it prints {@code survived N builds} and exits 0 otherwise.
 */
public final class SignalStress {
    private static volatile Object sink;

    private SignalStress() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = Double.parseDouble(args[0]);
        setExceptionsEnabled(true);
        cl_platform_id[] platform = new cl_platform_id[1];
        clGetPlatformIDs(1, platform, null);
        cl_device_id[] device = new cl_device_id[1];
        clGetDeviceIDs(platform[0], CL_DEVICE_TYPE_ALL, 1, device, null);
        cl_context_properties properties = new cl_context_properties();
        properties.addProperty(CL_CONTEXT_PLATFORM, platform[0]);
        cl_context context = clCreateContext(properties, 1, device, null, null, null);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        Thread[] allocators = new Thread[3];
        for (int i = 0; i < allocators.length; i++) {
            allocators[i] = new Thread(() -> {
                for (long n = 0; System.nanoTime() < end; n++) {
                    sink = new double[(int) (n & 255)];
                }
            });
            allocators[i].start();
        }
        int builds = 0;
        do {
            String source = "__kernel void k(__global double* x) { x[get_global_id(0)] *= " + (builds + 2)
                    + ".0 + " + System.nanoTime() + ".0; }";
            cl_program program = clCreateProgramWithSource(context, 1, new String[] {source}, null, null);
            try {
                clBuildProgram(program, 0, null, null, null, null);
            } catch (CLException e) {
                throw new IllegalStateException("build failed: " + e.getMessage(), e);
            }
            clReleaseProgram(program);
            builds++;
        } while (System.nanoTime() < end);
        for (Thread t : allocators) {
            t.join();
        }
        Thread.sleep(300); // let -Xcheck:jni's periodic check of the signal handlers run once more
        clReleaseContext(context);
        System.out.println("survived " + builds + " builds");
    }
}
