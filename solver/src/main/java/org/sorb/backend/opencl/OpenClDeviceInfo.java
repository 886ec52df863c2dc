package org.sorb.backend.opencl;

/**
 * One OpenCL device as the platform reports it.
 *
 * @param index               global index over all platforms, in listing order (what {@code --device N} selects)
 * @param platformIndex       index of the platform
 * @param platformName        platform name, e.g. {@code Portable Computing Language}
 * @param platformVersion     platform version string, e.g. {@code OpenCL 3.0 PoCL 3.1}
 * @param deviceIndex         index of the device within its platform
 * @param name                device name
 * @param vendor              device vendor
 * @param type                {@code GPU}, {@code CPU}, {@code ACCELERATOR}, {@code CUSTOM} or {@code OTHER}
 * @param fp64                true when the device does double precision (cl_khr_fp64 or a double FP config)
 * @param computeUnits        number of compute units
 * @param globalMemoryBytes   global memory size in bytes
 * @param maxAllocationBytes  largest single buffer in bytes
 * @param maxWorkGroupSize    largest work-group size
 * @param clockMhz            maximum clock frequency in MHz (0 when not reported)
 * @param doubleVectorWidth   preferred vector width for doubles (CL_DEVICE_PREFERRED_VECTOR_WIDTH_DOUBLE; 0 or 1
 *                            when the device prefers scalars)
 */
public record OpenClDeviceInfo(int index, int platformIndex, String platformName, String platformVersion,
                               int deviceIndex, String name, String vendor, String type, boolean fp64,
                               int computeUnits, long globalMemoryBytes, long maxAllocationBytes,
                               long maxWorkGroupSize, int clockMhz, int doubleVectorWidth) {
    public OpenClDeviceInfo {
        if (index < 0 || platformIndex < 0 || deviceIndex < 0) {
            throw new IllegalArgumentException("negative device index");
        }
        platformName = platformName == null ? "" : platformName.strip();
        platformVersion = platformVersion == null ? "" : platformVersion.strip();
        name = name == null ? "" : name.strip();
        vendor = vendor == null ? "" : vendor.strip();
        type = type == null ? "OTHER" : type;
        doubleVectorWidth = Math.max(1, doubleVectorWidth);
    }

    /** True for a GPU. */
    public boolean isGpu() {
        return "GPU".equals(type);
    }

    /** The platform's short name (its first word, lower case), e.g. {@code pocl} for the Portable Computing Language. */
    public String platformShortName() {
        String p = platformName.toLowerCase(java.util.Locale.ROOT);
        if (p.startsWith("portable computing language")) {
            return "pocl";
        }
        int space = p.indexOf(' ');
        return space < 0 ? p : p.substring(0, space);
    }
}
