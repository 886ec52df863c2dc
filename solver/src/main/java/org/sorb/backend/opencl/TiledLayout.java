package org.sorb.backend.opencl;

/**
 * The device layout of batch buffers in tiles of {@code tile} designs: element l of design b at
 * {@code (b / tile) * len * tile + l * tile + b % tile}, against the host layout {@code l * nd + b}
 * (len elements per design, nd designs, nd a multiple of tile). With tile = nd the two are the same.
 *
 * <p>A work-item that advances the {@code tile} designs of one tile in vector lanes then finds its data
 * contiguous: one 64-byte vector per element for 8 lanes, whatever the batch size, where the host layout puts
 * consecutive elements nd x 8 bytes apart (32 KiB at 4096 designs: every element on its own page and in the same
 * few cache sets).
 */
public final class TiledLayout {
    private final int nd;
    private final int tile;

    /**
     * @throws IllegalArgumentException when tile is not positive or does not divide nd
     */
    public TiledLayout(int nd, int tile) {
        if (nd < 1 || tile < 1 || nd % tile != 0) {
            throw new IllegalArgumentException(nd + " designs in tiles of " + tile
                    + ": expected a positive number of designs that the tile width divides");
        }
        this.nd = nd;
        this.tile = tile;
    }

    /** True when the device layout equals the host layout (one tile of all designs, or one element per design). */
    public boolean isIdentity(int len) {
        return tile == nd || len <= 1;
    }

    /** Index in the tiled layout of element l of design b. */
    public long index(int l, int b, int len) {
        return (long) (b / tile) * len * tile + (long) l * tile + b % tile;
    }

    /** Elements per design of a buffer of {@code length} elements in the host layout. */
    public int perDesign(int length) {
        if (length % nd != 0) {
            throw new IllegalArgumentException("buffer of " + length + " elements is not " + nd + " designs' worth");
        }
        return length / nd;
    }

    private static void sameLength(int tiled, int host) {
        if (tiled != host) {
            throw new IllegalArgumentException("tiled array of " + tiled + " elements for a host array of " + host);
        }
    }

    /** The host index (l * nd + b) of the element at index i of the tiled layout. */
    private int hostIndex(int i, int len) {
        int tileLength = len * tile;
        int within = i % tileLength;
        return (within / tile) * nd + (i / tileLength) * tile + within % tile;
    }

    /** Host layout [l * nd + b] to tiles; returns {@code host} itself where the layouts agree. */
    public double[] toTiles(double[] host) {
        int len = perDesign(host.length);
        if (isIdentity(len)) {
            return host;
        }
        double[] out = new double[host.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = host[hostIndex(i, len)];
        }
        return out;
    }

    /** Tiles back to the host layout [l * nd + b], into {@code host} (same length). */
    public void fromTiles(double[] tiled, double[] host) {
        sameLength(tiled.length, host.length);
        int len = perDesign(host.length);
        for (int i = 0; i < tiled.length; i++) {
            host[hostIndex(i, len)] = tiled[i];
        }
    }

    /** Host layout [l * nd + b] to tiles; returns {@code host} itself where the layouts agree. */
    public int[] toTiles(int[] host) {
        int len = perDesign(host.length);
        if (isIdentity(len)) {
            return host;
        }
        int[] out = new int[host.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = host[hostIndex(i, len)];
        }
        return out;
    }

    /** Tiles back to the host layout [l * nd + b], into {@code host} (same length). */
    public void fromTiles(int[] tiled, int[] host) {
        sameLength(tiled.length, host.length);
        int len = perDesign(host.length);
        for (int i = 0; i < tiled.length; i++) {
            host[hostIndex(i, len)] = tiled[i];
        }
    }

    /** Offset of design b's first element in the tiled layout; its elements follow at stride {@link #stride()}. */
    public long first(int b, int len) {
        return index(0, b, len);
    }

    /** Distance between consecutive elements of one design in the tiled layout. */
    public int stride() {
        return tile;
    }
}
