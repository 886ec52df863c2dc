package org.sorb.backend.opencl;

import static org.jocl.CL.*;

import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_mem;

/** A buffer in device memory, made by {@link OpenClContext#doubles} or {@link OpenClContext#bytes}; blocking copies. */
public final class DeviceBuffer implements AutoCloseable {
    private final OpenClContext owner;
    private final cl_mem mem;
    private final long bytes;
    /** The allocation with the canaries around {@code mem} in a guarded context, else null. */
    private final cl_mem guarded;
    private final GuardBands guards;
    private boolean released;

    DeviceBuffer(OpenClContext owner, cl_mem mem, long bytes) {
        this(owner, mem, bytes, null, null);
    }

    /** A buffer that is the middle of {@code guarded}, between the canaries of {@code guards}. */
    DeviceBuffer(OpenClContext owner, cl_mem mem, long bytes, cl_mem guarded, GuardBands guards) {
        this.owner = owner;
        this.mem = mem;
        this.bytes = bytes;
        this.guarded = guarded;
        this.guards = guards;
    }

    /** Null when this buffer has no guard bands or both still hold their canaries, else what was overwritten. */
    public String guardDamage() {
        checkLive();
        return guarded == null ? null : guards.damage(owner.queue(), guarded, bytes);
    }

    /** The raw memory object, for kernel arguments. */
    public cl_mem mem() {
        checkLive();
        return mem;
    }

    /** Size in bytes. */
    public long bytes() {
        return bytes;
    }

    /** Size in doubles (bytes / 8, rounded down). */
    public long doubles() {
        return bytes / Sizeof.cl_double;
    }

    /** Copies all of {@code data} to the start of the buffer and waits. */
    public void write(double[] data) {
        write(data, 0, 0, data.length);
    }

    /** Copies {@code count} doubles from {@code data[from]} to the buffer at double offset {@code at}, and waits. */
    public void write(double[] data, int from, long at, int count) {
        range(data.length, from, at, count);
        if (count == 0) {
            return;
        }
        clEnqueueWriteBuffer(owner.queue(), mem, true, at * Sizeof.cl_double, (long) count * Sizeof.cl_double,
                Pointer.to(data).withByteOffset((long) from * Sizeof.cl_double), 0, null, null);
    }

    /** Copies the start of the buffer into all of {@code into}, and waits. */
    public void read(double[] into) {
        read(0, into, 0, into.length);
    }

    /** Copies {@code count} doubles from double offset {@code at} of the buffer into {@code into[from]}, and waits. */
    public void read(long at, double[] into, int from, int count) {
        range(into.length, from, at, count);
        if (count == 0) {
            return;
        }
        clEnqueueReadBuffer(owner.queue(), mem, true, at * Sizeof.cl_double, (long) count * Sizeof.cl_double,
                Pointer.to(into).withByteOffset((long) from * Sizeof.cl_double), 0, null, null);
    }

    /**
     * Copies {@code into.length} doubles from every {@code stride}-th element of the buffer, starting at double
     * offset {@code at}, into {@code into} (a rectangular read, e.g. one column of a row-major [rows x stride]
     * array that starts at {@code at}), and waits.
     */
    public void readColumn(long at, long stride, double[] into) {
        checkLive();
        if (into.length == 0) {
            return;
        }
        if (at < 0 || stride < 1 || (into.length - 1) * stride + at >= doubles()) {
            throw new IndexOutOfBoundsException("strided read at " + at + " of " + into.length + " rows with stride "
                    + stride + " in a buffer of " + doubles() + " doubles");
        }
        long d = Sizeof.cl_double;
        clEnqueueReadBufferRect(owner.queue(), mem, true, new long[] {at * d, 0, 0}, new long[] {0, 0, 0},
                new long[] {d, into.length, 1}, stride * d, 0, d, 0, Pointer.to(into), 0, null, null);
    }

    private void range(int arrayLength, int from, long at, int count) {
        checkLive();
        if (from < 0 || count < 0 || at < 0 || from + (long) count > arrayLength || at + count > doubles()) {
            throw new IndexOutOfBoundsException("copy of " + count + " doubles at array index " + from
                    + " (length " + arrayLength + ") and buffer index " + at + " (" + doubles() + " doubles)");
        }
    }

    private void checkLive() {
        if (released) {
            throw new IllegalStateException("device buffer released");
        }
        owner.checkOpen();
    }

    /** True once released. */
    public boolean released() {
        return released;
    }

    /** Releases the device memory; a second call does nothing. */
    @Override
    public void close() {
        synchronized (owner) {
            if (released) {
                return;
            }
            if (guarded != null) {
                owner.recordGuardDamage(guards.damage(owner.queue(), guarded, bytes));
            }
            released = true;
            clReleaseMemObject(mem);
            if (guarded != null) {
                clReleaseMemObject(guarded);
            }
            owner.forget(this);
        }
    }
}
