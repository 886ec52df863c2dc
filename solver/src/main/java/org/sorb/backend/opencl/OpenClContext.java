package org.sorb.backend.opencl;

import static org.jocl.CL.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_event;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * One OpenCL device opened for work: its context and in-order command queue, the programs built from kernel
 * sources on the classpath (cached per sources and options, build time recorded), their kernels, and the buffers
 * made here; {@link #close()} releases every one of them.
 */
public final class OpenClContext implements AutoCloseable {
    /**
     * One program build.
     *
     * @param resources the classpath resources it was built from
     * @param options   the compiler options
     * @param millis    wall time of the build in milliseconds
     */
    public record ProgramBuild(List<String> resources, String options, double millis) {
        public ProgramBuild {
            resources = List.copyOf(resources);
        }
    }

    private record ProgramKey(String source, String options) {
    }

    private final OpenClDeviceInfo info;
    private final cl_device_id device;
    private final cl_context context;
    private final cl_command_queue queue;
    private final Map<ProgramKey, cl_program> programs = new LinkedHashMap<>();
    private final Map<cl_program, ProgramBuild> builds = new IdentityHashMap<>();
    private final Map<cl_program, Map<String, cl_kernel>> kernels = new IdentityHashMap<>();
    private final List<DeviceBuffer> buffers = new ArrayList<>();
    private final KernelTimes kernelTimes;
    /** Canaries around every buffer (tests), or null. */
    private final GuardBands guards;
    private final List<String> guardDamage = new ArrayList<>();
    private boolean closed;

    private OpenClContext(OpenClDeviceInfo info, cl_device_id device, cl_context context, cl_command_queue queue,
                          KernelTimes kernelTimes, GuardBands guards) {
        this.kernelTimes = kernelTimes;
        this.guards = guards;
        this.info = info;
        this.device = device;
        this.context = context;
        this.queue = queue;
    }

    /**
     * Opens the device that {@code deviceSelector} picks: null for the first fp64 GPU, else the first fp64 device;
     * a global index as {@code sorb devices} lists it; or a case-insensitive part of the device name.
     *
     * @throws IllegalArgumentException when the selector matches no device
     * @throws OpenClException          when OpenCL is missing, no device does double precision, the selected device
     *                                  does not, or the context cannot be created
     */
    public static OpenClContext open(String deviceSelector) {
        return open(deviceSelector, false);
    }

    /**
     * As {@link #open(String)}; with {@code profiling}, the queue records profiling events and every launch made
     * through {@link #enqueue} waits for its end and adds its device time to {@link #kernelTimes()} (for
     * benchmarks: the waits serialise host and device).
     */
    public static OpenClContext open(String deviceSelector, boolean profiling) {
        return open(deviceSelector, profiling, false);
    }

    private static OpenClContext open(String deviceSelector, boolean profiling, boolean guarded) {
        List<OpenClDevices.Found> found;
        try {
            found = OpenClDevices.enumerate();
        } catch (OpenClException e) {
            throw new OpenClException("no OpenCL platform: " + e.getMessage(), e);
        } catch (Throwable t) {
            throw new OpenClException("no OpenCL platform: " + OpenClDevices.describe(t), t);
        }
        OpenClDevices.Found chosen = OpenClDevices.select(found, deviceSelector);
        cl_context context = null;
        try {
            cl_context_properties properties = new cl_context_properties();
            properties.addProperty(CL_CONTEXT_PLATFORM, chosen.platform());
            context = clCreateContext(properties, 1, new cl_device_id[] {chosen.device()}, null, null, null);
            @SuppressWarnings("deprecation")
            cl_command_queue queue = clCreateCommandQueue(context, chosen.device(),
                    profiling ? CL_QUEUE_PROFILING_ENABLE : 0, null);
            return new OpenClContext(chosen.info(), chosen.device(), context, queue,
                    profiling ? new KernelTimes() : null, guarded ? new GuardBands(chosen.device()) : null);
        } catch (CLException e) {
            if (context != null) {
                clReleaseContext(context);
            }
            throw new OpenClException("cannot open OpenCL device [" + chosen.info().index() + "] "
                    + chosen.info().name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #open(String)}, with guard bands: every buffer lies between canaries of at least 4 KiB, checked
     * when it is released ({@link #guardDamage()}) or asked ({@link DeviceBuffer#guardDamage()}), so that a kernel
     * writing outside its buffers is caught. For tests; the kernels see sub-buffers, which costs nothing else.
     */
    public static OpenClContext openGuarded(String deviceSelector) {
        return open(deviceSelector, false, true);
    }

    /** What released buffers of a guarded context found overwritten in their guard bands (empty when nothing). */
    public synchronized List<String> guardDamage() {
        return List.copyOf(guardDamage);
    }

    synchronized void recordGuardDamage(String damage) {
        if (damage != null) {
            guardDamage.add(damage);
        }
    }

    /** The device this context runs on. */
    public OpenClDeviceInfo device() {
        return info;
    }

    /** The raw device handle, for kernels' own queries. */
    public cl_device_id clDevice() {
        return device;
    }

    /** The raw context handle. */
    public cl_context clContext() {
        return context;
    }

    /** The in-order command queue every operation here uses. */
    public cl_command_queue queue() {
        return queue;
    }

    /**
     * The program built from the concatenated classpath resources (e.g. {@code /kernels/column.cl}) with
     * {@code options} (e.g. {@code -D NZ=64 -cl-std=CL1.2}); built once per sources and options for the lifetime of
     * this context.
     *
     * @throws OpenClException      when a resource is not on the classpath
     * @throws OpenClBuildException when the compiler rejects the sources; the message holds the full build log
     */
    public synchronized cl_program build(String options, String... classpathResources) {
        checkOpen();
        if (classpathResources.length == 0) {
            throw new IllegalArgumentException("no kernel sources given");
        }
        String opts = options == null ? "" : options.strip();
        List<String> names = new ArrayList<>();
        StringBuilder source = new StringBuilder();
        for (String r : classpathResources) {
            String name = r.startsWith("/") ? r : "/" + r;
            names.add(name);
            source.append(KernelSources.load(name)).append('\n');
        }
        ProgramKey key = new ProgramKey(source.toString(), opts);
        cl_program cached = programs.get(key);
        if (cached != null) {
            return cached;
        }
        long start = System.nanoTime();
        cl_program program = clCreateProgramWithSource(context, 1, new String[] {key.source()}, null, null);
        try {
            clBuildProgram(program, 1, new cl_device_id[] {device}, opts, null, null);
        } catch (CLException e) {
            String log = buildLog(program);
            clReleaseProgram(program);
            throw new OpenClBuildException("OpenCL build of " + String.join(" + ", names) + " with options '" + opts
                    + "' failed on " + info.name() + " (" + e.getMessage() + "); build log:\n" + log, log);
        }
        double millis = (System.nanoTime() - start) * 1e-6;
        programs.put(key, program);
        builds.put(program, new ProgramBuild(names, opts, millis));
        return program;
    }

    /** The kernel {@code name} of {@code program}, created once and cached. */
    public synchronized cl_kernel kernel(cl_program program, String name) {
        checkOpen();
        Map<String, cl_kernel> byName = kernels.get(program);
        if (byName == null) {
            if (!builds.containsKey(program)) {
                throw new IllegalArgumentException("program not built by this context");
            }
            byName = new LinkedHashMap<>();
            kernels.put(program, byName);
        }
        cl_kernel k = byName.get(name);
        if (k == null) {
            try {
                k = clCreateKernel(program, name, null);
            } catch (CLException e) {
                throw new OpenClException("no kernel '" + name + "' in " + String.join(" + ",
                        builds.get(program).resources()) + " (" + e.getMessage() + ")", e);
            }
            byName.put(name, k);
        }
        return k;
    }

    /** Sets the kernel's arguments in order: DeviceBuffer, cl_mem, Integer, Long, Double, Float or a local size. */
    public void setArgs(cl_kernel kernel, Object... args) {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof DeviceBuffer b) {
                clSetKernelArg(kernel, i, Sizeof.cl_mem, Pointer.to(b.mem()));
            } else if (a instanceof cl_mem m) {
                clSetKernelArg(kernel, i, Sizeof.cl_mem, Pointer.to(m));
            } else if (a instanceof Integer v) {
                clSetKernelArg(kernel, i, Sizeof.cl_int, Pointer.to(new int[] {v}));
            } else if (a instanceof Long v) {
                clSetKernelArg(kernel, i, Sizeof.cl_long, Pointer.to(new long[] {v}));
            } else if (a instanceof Double v) {
                clSetKernelArg(kernel, i, Sizeof.cl_double, Pointer.to(new double[] {v}));
            } else if (a instanceof Float v) {
                clSetKernelArg(kernel, i, Sizeof.cl_float, Pointer.to(new float[] {v}));
            } else if (a instanceof LocalMemory l) {
                clSetKernelArg(kernel, i, l.bytes(), null);
            } else {
                throw new IllegalArgumentException("kernel argument " + i + ": unsupported type "
                        + (a == null ? "null" : a.getClass().getSimpleName()));
            }
        }
    }

    /** Local (work-group) memory of {@code bytes} bytes as a kernel argument for {@link #setArgs}. */
    public record LocalMemory(long bytes) {
        public LocalMemory {
            if (bytes <= 0) {
                throw new IllegalArgumentException("local memory of " + bytes + " bytes");
            }
        }
    }

    /** Enqueues a 1-D launch of {@code globalSize} work-items ({@code localSize} 0: the driver's choice). */
    public void run(cl_kernel kernel, long globalSize, long localSize) {
        checkOpen();
        clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {globalSize},
                localSize > 0 ? new long[] {localSize} : null, 0, null, null);
    }

    /**
     * Enqueues an N-D launch of kernel {@code name} ({@code local} null: the driver's choice); on a profiling
     * context, waits for it and records its device time under {@code name}.
     */
    public void enqueue(String name, cl_kernel kernel, long[] global, long[] local) {
        checkOpen();
        if (kernelTimes == null) {
            clEnqueueNDRangeKernel(queue, kernel, global.length, null, global, local, 0, null, null);
            return;
        }
        cl_event event = new cl_event();
        clEnqueueNDRangeKernel(queue, kernel, global.length, null, global, local, 0, null, event);
        try {
            clWaitForEvents(1, new cl_event[] {event});
            long[] start = new long[1];
            long[] end = new long[1];
            clGetEventProfilingInfo(event, CL_PROFILING_COMMAND_START, Sizeof.cl_ulong, Pointer.to(start), null);
            clGetEventProfilingInfo(event, CL_PROFILING_COMMAND_END, Sizeof.cl_ulong, Pointer.to(end), null);
            kernelTimes.add(name, end[0] - start[0]);
        } finally {
            clReleaseEvent(event);
        }
    }

    /** Device time per kernel of the launches made through {@link #enqueue}; null unless opened with profiling. */
    public KernelTimes kernelTimes() {
        return kernelTimes;
    }

    /** Waits until every enqueued command has finished. */
    public void finish() {
        checkOpen();
        clFinish(queue);
    }

    /** A device buffer of {@code count} doubles, released with this context unless closed before. */
    public DeviceBuffer doubles(long count) {
        return bytes(Math.multiplyExact(count, (long) Sizeof.cl_double));
    }

    /** A device buffer of {@code bytes} bytes, released with this context unless closed before. */
    public synchronized DeviceBuffer bytes(long bytes) {
        checkOpen();
        if (bytes <= 0) {
            throw new IllegalArgumentException("buffer of " + bytes + " bytes");
        }
        if (bytes > info.maxAllocationBytes() && info.maxAllocationBytes() > 0) {
            throw new OpenClException("buffer of " + bytes + " bytes exceeds the device's largest allocation ("
                    + info.maxAllocationBytes() + " bytes) on " + info.name());
        }
        cl_mem mem;
        try {
            mem = clCreateBuffer(context, CL_MEM_READ_WRITE, guards == null ? bytes : guards.total(bytes), null, null);
        } catch (CLException e) {
            throw new OpenClException("cannot allocate " + bytes + " bytes on " + info.name() + ": " + e.getMessage(), e);
        }
        DeviceBuffer b;
        try {
            b = guards == null ? new DeviceBuffer(this, mem, bytes)
                    : new DeviceBuffer(this, guards.middle(queue, mem, bytes), bytes, mem, guards);
        } catch (CLException e) {
            clReleaseMemObject(mem);
            throw new OpenClException("cannot make the guarded buffer on " + info.name() + ": " + e.getMessage(), e);
        }
        buffers.add(b);
        return b;
    }

    /** Every program built so far, with its build time. */
    public synchronized List<ProgramBuild> builds() {
        return List.copyOf(builds.values());
    }

    /** Build time of {@code program} in milliseconds. */
    public synchronized double buildMillis(cl_program program) {
        ProgramBuild b = builds.get(program);
        if (b == null) {
            throw new IllegalArgumentException("program not built by this context");
        }
        return b.millis();
    }

    /** Total build time of every program built by this context, in milliseconds. */
    public synchronized double totalBuildMillis() {
        return builds.values().stream().mapToDouble(ProgramBuild::millis).sum();
    }

    synchronized void forget(DeviceBuffer buffer) {
        buffers.remove(buffer);
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("OpenCL context closed");
        }
    }

    /** Releases every buffer, kernel and program, the queue and the context; a second call does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            clFinish(queue);
        } catch (CLException ignored) {
            // release what can be released
        }
        for (DeviceBuffer b : List.copyOf(buffers)) {
            b.close();
        }
        kernels.values().forEach(m -> m.values().forEach(k -> clReleaseKernel(k)));
        kernels.clear();
        programs.values().forEach(p -> clReleaseProgram(p));
        programs.clear();
        builds.clear();
        clReleaseCommandQueue(queue);
        clReleaseContext(context);
        closed = true;
    }

    private String buildLog(cl_program program) {
        try {
            long[] size = new long[1];
            clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, 0, null, size);
            byte[] buffer = new byte[(int) size[0]];
            clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, buffer.length, Pointer.to(buffer), null);
            int n = buffer.length;
            while (n > 0 && buffer[n - 1] == 0) {
                n--;
            }
            return new String(buffer, 0, n, StandardCharsets.UTF_8).strip();
        } catch (CLException e) {
            return "(no build log: " + e.getMessage() + ")";
        }
    }
}
