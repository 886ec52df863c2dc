package org.sorb.backend.opencl;

import java.util.List;

/**
 * What a look for OpenCL found: the devices, or why there are none.
 *
 * @param devices every device of every platform, in listing order (empty when OpenCL cannot be used)
 * @param problem null when at least one platform answered, otherwise a one-line reason
 *                ({@code no OpenCL platform: ...})
 */
public record OpenClProbe(List<OpenClDeviceInfo> devices, String problem) {
    public OpenClProbe {
        devices = List.copyOf(devices);
        if (problem == null && devices.isEmpty()) {
            problem = "no OpenCL platform: the platforms list no devices";
        }
    }

    /** A probe that found nothing, for {@code reason}. */
    public static OpenClProbe none(String reason) {
        return new OpenClProbe(List.of(), "no OpenCL platform: " + reason);
    }

    /** True when at least one device does double precision. */
    public boolean hasFp64Device() {
        return devices.stream().anyMatch(OpenClDeviceInfo::fp64);
    }
}
