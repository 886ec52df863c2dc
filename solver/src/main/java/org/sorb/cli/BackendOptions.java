package org.sorb.cli;

/**
 * What the user asked of the backend besides its name.
 *
 * @param device  OpenCL device selector ({@code --device}: a global index or part of the name), or null for the
 *                first fp64 GPU, else the first fp64 device
 * @param threads threads for the Java path's batches ({@code --threads}); 0 for one per core
 */
record BackendOptions(String device, int threads) {
    /** No device chosen, all cores. */
    static final BackendOptions DEFAULT = new BackendOptions(null, 0);

    BackendOptions {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads " + threads + ": expected 0 (all cores) or more");
        }
        device = device == null || device.isBlank() ? null : device.strip();
    }
}
