package org.sorb.backend.opencl;

import static org.jocl.CL.*;

import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_buffer_region;
import org.jocl.cl_command_queue;
import org.jocl.cl_device_id;
import org.jocl.cl_mem;

/**
 * Canaries around every buffer of a guarded context ({@link OpenClContext#openGuarded}), to catch kernels that
 * write outside their buffers: each allocation is {@code guard} bytes of a fixed pattern, the buffer, and
 * {@code guard} bytes more; the kernels get a sub-buffer of the middle, and the pattern is checked when asked and
 * when the buffer is released. For tests: production contexts have no guard bands.
 */
final class GuardBands {
    /** Bytes of canary wanted on each side (rounded up to the device's base-address alignment). */
    static final long MIN_GUARD_BYTES = 4096;
    /** The canary, a signalling NaN with a payload no computation produces, repeated byte by byte. */
    static final long CANARY = 0x7FF4_5A5A_DEAD_BEEFL;

    private final long guard;

    /** Guard bands of at least {@link #MIN_GUARD_BYTES} that keep every sub-buffer on {@code device} aligned. */
    GuardBands(cl_device_id device) {
        int[] bits = new int[1];
        clGetDeviceInfo(device, CL_DEVICE_MEM_BASE_ADDR_ALIGN, Sizeof.cl_uint, Pointer.to(bits), null);
        long align = Math.max(8, bits[0] / 8);
        this.guard = (MIN_GUARD_BYTES + align - 1) / align * align;
    }

    /** Bytes to allocate for a buffer of {@code bytes}. */
    long total(long bytes) {
        return Math.addExact(bytes, 2 * guard);
    }

    /** Fills both bands of {@code parent} (allocated with {@link #total}) and returns the sub-buffer between them. */
    cl_mem middle(cl_command_queue queue, cl_mem parent, long bytes) {
        byte[] band = pattern();
        clEnqueueWriteBuffer(queue, parent, true, 0, guard, Pointer.to(band), 0, null, null);
        clEnqueueWriteBuffer(queue, parent, true, guard + bytes, guard, Pointer.to(band), 0, null, null);
        return clCreateSubBuffer(parent, CL_MEM_READ_WRITE, CL_BUFFER_CREATE_TYPE_REGION,
                new cl_buffer_region(guard, bytes), null);
    }

    /** Null when both bands of {@code parent} hold the canary, else which bytes were overwritten. */
    String damage(cl_command_queue queue, cl_mem parent, long bytes) {
        byte[] expected = pattern();
        byte[] head = new byte[(int) guard];
        byte[] tail = new byte[(int) guard];
        clEnqueueReadBuffer(queue, parent, true, 0, guard, Pointer.to(head), 0, null, null);
        clEnqueueReadBuffer(queue, parent, true, guard + bytes, guard, Pointer.to(tail), 0, null, null);
        int before = 0;
        long furthestBefore = 0;
        int after = 0;
        long furthestAfter = 0;
        for (int i = 0; i < guard; i++) {
            if (head[i] != expected[i]) {
                before++;
                furthestBefore = Math.max(furthestBefore, guard - i);
            }
            if (tail[i] != expected[i]) {
                after++;
                furthestAfter = i + 1;
            }
        }
        if (before == 0 && after == 0) {
            return null;
        }
        StringBuilder s = new StringBuilder("buffer of " + bytes + " bytes:");
        if (before > 0) {
            s.append(' ').append(before).append(" bytes before its start overwritten (up to ").append(furthestBefore)
                    .append(" bytes before it)");
        }
        if (after > 0) {
            s.append(before > 0 ? ";" : "").append(' ').append(after).append(" bytes after its end overwritten (up to ")
                    .append(furthestAfter).append(" bytes past it)");
        }
        return s.toString();
    }

    private byte[] pattern() {
        byte[] band = new byte[(int) guard];
        for (int i = 0; i < band.length; i++) {
            band[i] = (byte) (CANARY >>> (8 * (i % 8)));
        }
        return band;
    }
}
