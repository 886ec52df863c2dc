package org.sorb.numerics;

import org.sorb.model.BindingModel;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;

/**
 * Offsets of every unknown of one column in its flat state vector.
 *
 * <p>Cell-major: axial cell j holds its bulk concentrations c (n_comp), then, for the models with pores,
 * shell k = 0 (outermost) .. n_shell - 1 (innermost) each with pore concentrations c_p (n_comp) and bound
 * states q (n_bound); for the lumped rate model the cell holds c then q. The unknowns of one shell (or of the
 * lumped rate model's bound phase) form one local block of size {@link #blockSize()}.
 *
 * <p>Any grid makes a layout, so that its size can be measured ({@link #unknowns()}, exact in long); one whose
 * size does not fit a Java array cannot be indexed: {@link #size()} and {@link #cellStride()} refuse it.
 */
public final class StateLayout {
    private final ColumnModel model;
    private final int axialCells;
    private final int components;
    private final int boundStates;
    private final int shells;
    private final int blockSize;
    private final long cellUnknowns;
    private final long unknowns;
    /** cellUnknowns as an int offset, or -1 when it is none (then every offset is negative, never a silent wrap). */
    private final int stride;
    /** Component and site type of each bound state. */
    private final int[] boundComponent;
    private final int[] boundSite;
    private final int[] sitesOf;

    public StateLayout(ColumnModel model, int axialCells, int particleCells, BindingModel binding) {
        this.model = model;
        this.axialCells = axialCells;
        this.components = binding.components();
        this.boundStates = binding.boundStates();
        this.shells = switch (model) {
            case GENERAL_RATE -> particleCells;
            case LUMPED_RATE_WITH_PORES -> 1;
            case LUMPED_RATE -> 0;
        };
        this.blockSize = hasPores() ? components + boundStates : boundStates;
        this.cellUnknowns = Sizes.plus(components, Sizes.times(localBlocks(), blockSize));
        this.unknowns = Sizes.times(axialCells, cellUnknowns);
        this.stride = cellUnknowns <= Sizes.MAX_ARRAY_LENGTH ? (int) cellUnknowns : -1;
        this.boundComponent = new int[boundStates];
        this.boundSite = new int[boundStates];
        this.sitesOf = new int[components];
        for (int s = 0; s < boundStates; s++) {
            int c = binding.componentOf(s);
            boundComponent[s] = c;
            boundSite[s] = sitesOf[c]++;
        }
    }

    /** The layout of {@code c}'s column: its model, grid and binding. */
    public static StateLayout of(ColumnCase c) {
        return new StateLayout(c.column().model(), c.discretization().axialCells(), c.discretization().particleCells(),
                c.binding());
    }

    public ColumnModel model() {
        return model;
    }

    /** True when the particles have a pore phase of their own (general rate model and LRMP). */
    public boolean hasPores() {
        return model != ColumnModel.LUMPED_RATE;
    }

    public int axialCells() {
        return axialCells;
    }

    public int components() {
        return components;
    }

    public int boundStates() {
        return boundStates;
    }

    /** Number of particle shells (0 for the lumped rate model). */
    public int shells() {
        return shells;
    }

    /** Number of local blocks per axial cell: the shells, or one bound-phase block for the lumped rate model. */
    public int localBlocks() {
        return Math.max(shells, 1);
    }

    /** Unknowns per local block: c_p and q of one shell, or q alone for the lumped rate model. */
    public int blockSize() {
        return blockSize;
    }

    /** Unknowns per axial cell, n_comp + local blocks x block size, as an array offset. */
    public int cellStride() {
        return Sizes.length(cellUnknowns, "unknowns per axial cell");
    }

    /** Unknowns per column, N_z x cell stride, as an array length. */
    public int size() {
        return Sizes.length(unknowns, "unknowns of the column");
    }

    /** Unknowns per column, N_z x (n_comp + local blocks x block size), exact (saturating at Long.MAX_VALUE). */
    public long unknowns() {
        return unknowns;
    }

    /** Offset of bulk concentration c of component i in cell j. */
    public int bulk(int j, int i) {
        return j * stride + i;
    }

    /** Offset of the first unknown of local block k of cell j. */
    public int block(int j, int k) {
        return j * stride + components + k * blockSize;
    }

    /** Offset of pore concentration c_p of component i in shell k of cell j (models with pores). */
    public int pore(int j, int k, int i) {
        return block(j, k) + i;
    }

    /** Offset of bound state s in shell k of cell j (k = 0 for the lumped rate model). */
    public int bound(int j, int k, int s) {
        return block(j, k) + (hasPores() ? components : 0) + s;
    }

    /** Index of the first bound state within a local block. */
    public int boundInBlock() {
        return hasPores() ? components : 0;
    }

    /** Where unknown {@code index} of the state vector lives: phase, cell, shell, component and site type. */
    public StateEntry locate(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("state index " + index + " of " + size());
        }
        int cell = index / stride;
        int r = index % stride;
        if (r < components) {
            return new StateEntry(StateEntry.Phase.BULK, cell, axialCells, -1, shells, r, 0, 1);
        }
        r -= components;
        int block = r / blockSize;
        int shell = hasPores() ? block : -1;
        int inBlock = r % blockSize;
        if (inBlock < boundInBlock()) {
            return new StateEntry(StateEntry.Phase.PORE, cell, axialCells, shell, shells, inBlock, 0, 1);
        }
        int s = inBlock - boundInBlock();
        int c = boundComponent[s];
        return new StateEntry(StateEntry.Phase.BOUND, cell, axialCells, shell, shells, c, boundSite[s], sitesOf[c]);
    }

    /** Index of the first entry of {@code y[0 .. size())} that is NaN or infinite, or -1 when all are finite. */
    public int firstNonFinite(double[] y) {
        int n = size();
        for (int l = 0; l < n; l++) {
            if (!Double.isFinite(y[l])) {
                return l;
            }
        }
        return -1;
    }
}
