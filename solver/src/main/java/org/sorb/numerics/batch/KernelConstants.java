package org.sorb.numerics.batch;

import org.sorb.model.BiLangmuirBinding;
import org.sorb.model.BindingModel;
import org.sorb.model.ColumnCase;
import org.sorb.model.LangmuirBinding;
import org.sorb.model.LinearBinding;
import org.sorb.numerics.StateLayout;

/**
 * Compile-time sizes and parameter offsets shared by the column kernels and the reference batch device: everything that
 * must be equal across the designs of one batch (model, grid, binding kind, convection scheme).
 *
 * <p>Per-design parameters, design index fastest: velocity u, dispersion D, cell width dz, bound-phase weight,
 * bulk fraction, 1 / dz, D / dz, bulk film (NC), shell film (NC), to-outer and to-inner couplings (NS NC each), ka,
 * kd, qmax, 1 / qmax (NB each). The reciprocals and D / dz are packed once so that the residual, evaluated every
 * Newton iteration, multiplies instead of dividing (a double division costs ~8x a multiplication on the vector
 * units and was the hottest instruction of the step attempt).
 */
public record KernelConstants(int nz, int nc, int nb, int ns, int nblk, int bs, int cs, boolean hasPores,
                              boolean kinetic, int binding, int scheme) {
    public static final int P_VEL = 0;
    public static final int P_DISP = 1;
    public static final int P_DZ = 2;
    public static final int P_BOUNDW = 3;
    public static final int P_BULKFRAC = 4;
    public static final int P_INVDZ = 5;
    public static final int P_DISPDZ = 6;
    public static final int P_BULKFILM = 7;

    /** The constants of a case's structure. */
    public static KernelConstants of(ColumnCase c) {
        BindingModel bm = c.binding();
        StateLayout layout = StateLayout.of(c);
        int kind = bm instanceof LinearBinding ? 1 : bm instanceof LangmuirBinding ? 2
                : bm instanceof BiLangmuirBinding ? 3 : 0;
        if (kind == 0) {
            throw new IllegalArgumentException("binding model " + bm.key() + " has no column kernel");
        }
        return new KernelConstants(layout.axialCells(), layout.components(), layout.boundStates(), layout.shells(),
                layout.localBlocks(), layout.blockSize(), layout.cellStride(), layout.hasPores(), bm.kinetic(), kind,
                c.discretization().convection().ordinal());
    }

    public int shellFilm() {
        return P_BULKFILM + nc;
    }

    public int toOuter() {
        return shellFilm() + nc;
    }

    public int toInner() {
        return toOuter() + ns * nc;
    }

    public int ka() {
        return toInner() + ns * nc;
    }

    public int kd() {
        return ka() + nb;
    }

    public int qmax() {
        return kd() + nb;
    }

    public int invQmax() {
        return qmax() + nb;
    }

    /** Parameters per design. */
    public int parameters() {
        return invQmax() + nb;
    }

    /** Unknowns per design. */
    public int unknowns() {
        return Math.multiplyExact(nz, cs);
    }

    /** Rows of the banded column system. */
    public int bandRows() {
        return Math.multiplyExact(nz, nc);
    }

    /** Width of a stored band row: 2 kl + ku + 1 with kl = 2 NC, ku = NC. */
    public int bandWidth() {
        return 5 * nc + 1;
    }

    /** The OpenCL build options defining these constants. */
    public String defines() {
        StringBuilder s = new StringBuilder();
        def(s, "NZ", nz);
        def(s, "NC", nc);
        def(s, "NB", nb);
        def(s, "NS", ns);
        def(s, "NBLK", nblk);
        def(s, "BS", bs);
        def(s, "CS", cs);
        def(s, "HAS_PORES", hasPores ? 1 : 0);
        def(s, "KINETIC", kinetic ? 1 : 0);
        def(s, "BINDING", binding);
        def(s, "SCHEME", scheme);
        def(s, "P_VEL", P_VEL);
        def(s, "P_DISP", P_DISP);
        def(s, "P_DZ", P_DZ);
        def(s, "P_BOUNDW", P_BOUNDW);
        def(s, "P_BULKFRAC", P_BULKFRAC);
        def(s, "P_INVDZ", P_INVDZ);
        def(s, "P_DISPDZ", P_DISPDZ);
        def(s, "P_BULKFILM", P_BULKFILM);
        def(s, "P_SHELLFILM", shellFilm());
        def(s, "P_TOOUTER", toOuter());
        def(s, "P_TOINNER", toInner());
        def(s, "P_KA", ka());
        def(s, "P_KD", kd());
        def(s, "P_QMAX", qmax());
        def(s, "P_INVQMAX", invQmax());
        def(s, "NPAR", parameters());
        return s.toString().trim();
    }

    private static void def(StringBuilder s, String name, int value) {
        s.append(" -D ").append(name).append('=').append(value);
    }
}
