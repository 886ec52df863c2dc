package org.sorb.backend.opencl;

import static org.jocl.CL.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * Lists the OpenCL platforms and devices of this machine through JOCL. Never throws: a missing libOpenCL, a
 * missing ICD or a broken driver gives an empty list and a reason ({@link #probe()}).
 */
public final class OpenClDevices {
    /** A device together with the handles needed to open it. */
    record Found(OpenClDeviceInfo info, cl_platform_id platform, cl_device_id device) {
    }

    private static volatile OpenClProbe cached;

    private OpenClDevices() {
    }

    /** Every device of every platform, in listing order; empty when OpenCL cannot be used here. */
    public static List<OpenClDeviceInfo> list() {
        return probe().devices();
    }

    /** The devices, or why there are none; computed once per JVM (loading the native library is not free). */
    public static OpenClProbe probe() {
        OpenClProbe p = cached;
        if (p == null) {
            synchronized (OpenClDevices.class) {
                p = cached;
                if (p == null) {
                    p = probeNow();
                    cached = p;
                }
            }
        }
        return p;
    }

    private static OpenClProbe probeNow() {
        try {
            List<OpenClDeviceInfo> infos = new ArrayList<>();
            for (Found f : enumerate()) {
                infos.add(f.info());
            }
            return infos.isEmpty() ? OpenClProbe.none("the OpenCL platforms list no devices") : new OpenClProbe(infos, null);
        } catch (Throwable t) {
            return OpenClProbe.none(describe(t));
        }
    }

    /**
     * Loads JOCL's native library and enumerates every device.
     *
     * @throws Throwable anything JOCL throws when the library, the loader or an ICD is missing or broken
     */
    static List<Found> enumerate() {
        CL.setExceptionsEnabled(true);
        int[] count = new int[1];
        try {
            clGetPlatformIDs(0, null, count);
        } catch (org.jocl.CLException e) {
            if (e.getStatus() == CL_PLATFORM_NOT_FOUND_KHR) {
                throw new OpenClException("no ICD installed (/etc/OpenCL/vendors is empty or missing; "
                        + "e.g. apt-get install pocl-opencl-icd)", e);
            }
            throw e;
        }
        if (count[0] == 0) {
            return List.of();
        }
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        clGetPlatformIDs(platforms.length, platforms, null);
        List<Found> out = new ArrayList<>();
        for (int p = 0; p < platforms.length; p++) {
            String platformName = platformString(platforms[p], CL_PLATFORM_NAME);
            String platformVersion = platformString(platforms[p], CL_PLATFORM_VERSION);
            cl_device_id[] devices;
            try {
                int[] n = new int[1];
                clGetDeviceIDs(platforms[p], CL_DEVICE_TYPE_ALL, 0, null, n);
                devices = new cl_device_id[n[0]];
                if (n[0] > 0) {
                    clGetDeviceIDs(platforms[p], CL_DEVICE_TYPE_ALL, n[0], devices, null);
                }
            } catch (org.jocl.CLException e) {
                continue; // a platform without devices reports CL_DEVICE_NOT_FOUND
            }
            for (int d = 0; d < devices.length; d++) {
                cl_device_id id = devices[d];
                String extensions = deviceString(id, CL_DEVICE_EXTENSIONS);
                boolean fp64 = extensions.contains("cl_khr_fp64") || deviceLong(id, CL_DEVICE_DOUBLE_FP_CONFIG, 8) != 0;
                OpenClDeviceInfo info = new OpenClDeviceInfo(out.size(), p, platformName, platformVersion, d,
                        deviceString(id, CL_DEVICE_NAME), deviceString(id, CL_DEVICE_VENDOR),
                        type(deviceLong(id, CL_DEVICE_TYPE, 8)), fp64,
                        (int) deviceLong(id, CL_DEVICE_MAX_COMPUTE_UNITS, 4),
                        deviceLong(id, CL_DEVICE_GLOBAL_MEM_SIZE, 8), deviceLong(id, CL_DEVICE_MAX_MEM_ALLOC_SIZE, 8),
                        deviceLong(id, CL_DEVICE_MAX_WORK_GROUP_SIZE, Sizeof.size_t),
                        (int) deviceLong(id, CL_DEVICE_MAX_CLOCK_FREQUENCY, 4),
                        (int) deviceLong(id, CL_DEVICE_PREFERRED_VECTOR_WIDTH_DOUBLE, 4));
                out.add(new Found(info, platforms[p], id));
            }
        }
        return out;
    }

    /**
     * The device {@code selector} picks: null for the first fp64 GPU, else the first fp64 device; a number for the
     * global index; otherwise the first device whose name contains the text, ignoring case.
     *
     * @throws IllegalArgumentException when the selector matches no device
     * @throws OpenClException          when no device does double precision, or the selected one does not
     */
    static Found select(List<Found> devices, String selector) {
        if (devices.isEmpty()) {
            throw new OpenClException("no OpenCL device found");
        }
        Found chosen = null;
        if (selector == null || selector.isBlank()) {
            for (Found f : devices) {
                if (f.info().fp64() && f.info().isGpu()) {
                    return f;
                }
            }
            for (Found f : devices) {
                if (f.info().fp64()) {
                    return f;
                }
            }
            throw new OpenClException("no OpenCL device does double precision (cl_khr_fp64), which Sorb's kernels "
                    + "need; devices: " + names(devices));
        }
        String s = selector.strip();
        if (s.matches("\\d{1,9}")) {
            int index = Integer.parseInt(s);
            if (index >= devices.size()) {
                throw new IllegalArgumentException("--device " + s + ": no OpenCL device with that index; devices: "
                        + names(devices));
            }
            chosen = devices.get(index);
        } else {
            String needle = s.toLowerCase(Locale.ROOT);
            for (Found f : devices) {
                if (f.info().name().toLowerCase(Locale.ROOT).contains(needle)) {
                    chosen = f;
                    break;
                }
            }
            if (chosen == null) {
                throw new IllegalArgumentException("--device " + s + ": no OpenCL device name contains '" + s
                        + "'; devices: " + names(devices));
            }
        }
        if (!chosen.info().fp64()) {
            throw new OpenClException("OpenCL device [" + chosen.info().index() + "] " + chosen.info().name()
                    + " does not do double precision (no cl_khr_fp64), which Sorb's kernels need");
        }
        return chosen;
    }

    private static String names(List<Found> devices) {
        List<String> names = new ArrayList<>();
        for (Found f : devices) {
            names.add("[" + f.info().index() + "] " + f.info().name() + (f.info().fp64() ? "" : " (no fp64)"));
        }
        return String.join(", ", names);
    }

    /** One line for a Throwable from JOCL: its message, or its class when there is none. */
    static String describe(Throwable t) {
        Throwable root = t;
        if (t instanceof OpenClException && t.getMessage() != null) {
            return t.getMessage();
        }
        String m = root.getMessage();
        if (root instanceof UnsatisfiedLinkError || root instanceof NoClassDefFoundError
                || root instanceof ExceptionInInitializerError) {
            Throwable cause = root.getCause();
            String detail = m != null ? m : cause != null ? String.valueOf(cause.getMessage()) : "";
            return "the OpenCL library cannot be loaded (" + root.getClass().getSimpleName()
                    + (detail.isEmpty() ? "" : ": " + firstLine(detail)) + "; e.g. apt-get install ocl-icd-libopencl1 "
                    + "pocl-opencl-icd)";
        }
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + firstLine(m));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String type(long bits) {
        if ((bits & CL_DEVICE_TYPE_GPU) != 0) {
            return "GPU";
        }
        if ((bits & CL_DEVICE_TYPE_CPU) != 0) {
            return "CPU";
        }
        if ((bits & CL_DEVICE_TYPE_ACCELERATOR) != 0) {
            return "ACCELERATOR";
        }
        if ((bits & CL_DEVICE_TYPE_CUSTOM) != 0) {
            return "CUSTOM";
        }
        return "OTHER";
    }

    private static String platformString(cl_platform_id platform, int param) {
        long[] size = new long[1];
        clGetPlatformInfo(platform, param, 0, null, size);
        byte[] buffer = new byte[(int) size[0]];
        clGetPlatformInfo(platform, param, buffer.length, Pointer.to(buffer), null);
        return cString(buffer);
    }

    static String deviceString(cl_device_id device, int param) {
        long[] size = new long[1];
        clGetDeviceInfo(device, param, 0, null, size);
        byte[] buffer = new byte[(int) size[0]];
        clGetDeviceInfo(device, param, buffer.length, Pointer.to(buffer), null);
        return cString(buffer);
    }

    /** A numeric device property of {@code bytes} bytes (4 or 8), or 0 when the device does not answer. */
    private static long deviceLong(cl_device_id device, int param, int bytes) {
        try {
            if (bytes == 4) {
                int[] v = new int[1];
                clGetDeviceInfo(device, param, Sizeof.cl_uint, Pointer.to(v), null);
                return v[0] & 0xffffffffL;
            }
            long[] v = new long[1];
            clGetDeviceInfo(device, param, 8, Pointer.to(v), null);
            return v[0];
        } catch (org.jocl.CLException e) {
            return 0;
        }
    }

    private static String cString(byte[] buffer) {
        int n = 0;
        while (n < buffer.length && buffer[n] != 0) {
            n++;
        }
        return new String(buffer, 0, n, StandardCharsets.UTF_8).strip();
    }
}
