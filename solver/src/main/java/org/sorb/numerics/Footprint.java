package org.sorb.numerics;

import java.util.EnumMap;
import java.util.Map;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.Discretization;

/**
 * Bytes of host memory a computation allocates, by what the memory holds, and its longest array (in elements):
 * what the case guards compare with the memory this JVM can use before anything is allocated. Built by the
 * allocating classes themselves ({@code footprint} beside each constructor), from the same sizes they allocate.
 */
public final class Footprint {
    /** Bytes of a double. */
    public static final int DOUBLE_BYTES = Double.BYTES;
    /** Bytes of an int. */
    public static final int INT_BYTES = Integer.BYTES;
    /** Header of one Java array (mark word, class pointer, length), as counted for nested arrays. */
    public static final int ARRAY_HEADER_BYTES = 16;
    /** One object reference (uncompressed, the larger case). */
    public static final int REFERENCE_BYTES = 8;

    /** The case fields of the grid. */
    public static final String AXIAL_CELLS = "discretization.axial_cells";
    public static final String PARTICLE_CELLS = "discretization.particle_cells";

    /** What an allocation holds; each is driven by its own case field. */
    public enum Part {
        /** State and stage vectors, Jacobian blocks and the band: the grid. */
        GRID("state, Jacobian and band"),
        /** Outlet samples and their times. */
        OUTLET("outlet samples"),
        /** Profile snapshots. */
        PROFILES("profile snapshots"),
        /** What every design of a batch keeps: its case, results and their copies in the result file. */
        DESIGNS("the designs' cases and results"),
        /** Trajectory samples of a treatment. */
        SAMPLES("treatment samples");

        private final String description;

        Part(String description) {
            this.description = description;
        }

        /** A few words for messages, e.g. {@code state, Jacobian and band}. */
        public String description() {
            return description;
        }
    }

    /**
     * The case field that drives the grid's size: {@code discretization.particle_cells} when the shells outnumber the
     * axial cells (general rate model), else {@code discretization.axial_cells}.
     */
    public static String gridField(ColumnCase c) {
        boolean shells = c.column().model() == ColumnModel.GENERAL_RATE
                && c.discretization().particleCells() > c.discretization().axialCells();
        return shells ? PARTICLE_CELLS : AXIAL_CELLS;
    }

    /** The value of {@link #gridField} in {@code c}. */
    public static int gridValue(ColumnCase c) {
        Discretization d = c.discretization();
        return gridField(c).equals(PARTICLE_CELLS) ? d.particleCells() : d.axialCells();
    }

    private final Map<Part, Long> bytes = new EnumMap<>(Part.class);
    private long longest;
    private Part longestPart = Part.GRID;

    /** Adds {@code arrays} arrays of {@code length} doubles. */
    public Footprint doubles(Part part, long arrays, long length) {
        return arrays(part, arrays, length, DOUBLE_BYTES);
    }

    /** Adds {@code arrays} arrays of {@code length} ints. */
    public Footprint ints(Part part, long arrays, long length) {
        return arrays(part, arrays, length, INT_BYTES);
    }

    /** Adds {@code arrays} arrays of {@code length} references (lists, nested arrays' outer level). */
    public Footprint references(Part part, long arrays, long length) {
        return arrays(part, arrays, length, REFERENCE_BYTES);
    }

    /** Adds a nested {@code double[rows][cols]}: rows arrays of cols doubles, each with its header and reference. */
    public Footprint doubleRows(Part part, long rows, long cols) {
        doubles(part, rows, cols);
        references(part, 1, rows);
        return bytes(part, Sizes.times(rows, ARRAY_HEADER_BYTES));
    }

    /** Adds {@code count} bytes that are not one array (objects, strings). */
    public Footprint bytes(Part part, long count) {
        bytes.merge(part, count, Sizes::plus);
        return this;
    }

    /** Adds {@code times} x everything {@code other} counts, under {@code part}; its longest array counts once. */
    public Footprint plus(Footprint other, long times, Part part) {
        bytes(part, Sizes.times(other.total(), times));
        note(part, other.longest);
        return this;
    }

    /** Adds everything {@code other} counts, part by part. */
    public Footprint plus(Footprint other) {
        other.bytes.forEach(this::bytes);
        note(other.longestPart, other.longest);
        return this;
    }

    private Footprint arrays(Part part, long arrays, long length, int elementBytes) {
        bytes(part, Sizes.times(arrays, length, elementBytes));
        if (arrays > 0) {
            note(part, length);
        }
        return this;
    }

    private void note(Part part, long length) {
        if (length > longest) {
            longest = length;
            longestPart = part;
        }
    }

    /** All bytes counted, at most Long.MAX_VALUE. */
    public long total() {
        long t = 0;
        for (long b : bytes.values()) {
            t = Sizes.plus(t, b);
        }
        return t;
    }

    /** Bytes counted under {@code part}. */
    public long of(Part part) {
        return bytes.getOrDefault(part, 0L);
    }

    /** The part that holds the most bytes. */
    public Part largestPart() {
        Part best = Part.GRID;
        for (Map.Entry<Part, Long> e : bytes.entrySet()) {
            if (e.getValue() > of(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** Elements of the longest single array. */
    public long longestArray() {
        return longest;
    }

    /** The part the longest array belongs to. */
    public Part longestArrayPart() {
        return longestPart;
    }
}
