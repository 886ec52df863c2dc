package org.sorb.numerics.batch;

import java.util.ArrayList;
import java.util.List;
import org.sorb.model.BindingDeclaration;
import org.sorb.model.BindingModel;
import org.sorb.model.BindingModels;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.SpectralElements;
import org.sorb.numerics.StateLayout;

/**
 * Compile-time sizes and parameter offsets shared by the column kernels and the reference batch device: everything that
 * must be equal across the designs of one batch (model, grid, binding model and its per-state structure, convection
 * scheme).
 *
 * <p>Per-design parameters, design index fastest: velocity u, dispersion D, cell width dz, bound-phase weight,
 * bulk fraction, 1 / dz, D / dz, bulk film (NC), shell film (NC), to-outer and to-inner couplings (NS NC each),
 * then the binding model's declared parameters ({@link BindingSlot}: {@code P_<KEY>}, and {@code P_INV_<KEY>} for
 * every parameter declared positive). The reciprocals and D / dz are packed once so that the residual, evaluated
 * every Newton iteration, multiplies instead of dividing (a double division costs ~8x a multiplication on the
 * vector units and was the hottest instruction of the step attempt).
 *
 * <p>On discontinuous Galerkin spectral elements ({@code dg} not null) nz and ns count the axial and particle points
 * (the state layout is unchanged), the band is the DG transport's, and each design's DG operators follow the
 * transport parameters ({@link DgStructure}: the axial band T and its inlet column; with a DG particle D_p, k_f /
 * eps_p, the coupling A and the film sources, in place of the shells' couplings); the finite-volume slots that do
 * not apply (dz, 1 / dz, D / dz, and with a DG particle the shell film) hold zeros.
 *
 * @param binding         the binding model's key; the kernels are built with {@code kernels/binding/<key>.cl}
 * @param kinetic         the binding model's kinetic flag (the case file's)
 * @param kineticStates   per bound state: dq_s/dt = f_s (true) or 0 = f_s ({@link BindingModel#kinetic(int)})
 * @param stateComponents per bound state: its liquid component ({@link BindingModel#componentOf(int)})
 * @param dg              the spectral-element structure, or null for finite volumes
 */
public record KernelConstants(int nz, int nc, int nb, int ns, int nblk, int bs, int cs, boolean hasPores,
                              String binding, boolean kinetic, List<Boolean> kineticStates,
                              List<Integer> stateComponents, int scheme, DgStructure dg) {
    public static final int P_VEL = 0;
    public static final int P_DISP = 1;
    public static final int P_DZ = 2;
    public static final int P_BOUNDW = 3;
    public static final int P_BULKFRAC = 4;
    public static final int P_INVDZ = 5;
    public static final int P_DISPDZ = 6;
    public static final int P_BULKFILM = 7;

    public KernelConstants {
        if (BindingModels.find(binding) == null) {
            throw new IllegalArgumentException("binding model " + binding + " is not registered");
        }
        kineticStates = List.copyOf(kineticStates);
        stateComponents = List.copyOf(stateComponents);
        if (kineticStates.size() != nb || stateComponents.size() != nb) {
            throw new IllegalArgumentException(nb + " bound states, but " + kineticStates.size()
                    + " kinetic flags and " + stateComponents.size() + " components");
        }
    }

    /** Finite volumes. */
    public KernelConstants(int nz, int nc, int nb, int ns, int nblk, int bs, int cs, boolean hasPores, String binding,
                           boolean kinetic, List<Boolean> kineticStates, List<Integer> stateComponents, int scheme) {
        this(nz, nc, nb, ns, nblk, bs, cs, hasPores, binding, kinetic, kineticStates, stateComponents, scheme, null);
    }

    /** The constants of a case's structure. */
    public static KernelConstants of(ColumnCase c) {
        BindingModel bm = c.binding();
        StateLayout layout = StateLayout.of(c);
        List<Boolean> kinetic = new ArrayList<>();
        List<Integer> components = new ArrayList<>();
        for (int s = 0; s < layout.boundStates(); s++) {
            kinetic.add(bm.kinetic(s));
            components.add(bm.componentOf(s));
        }
        return new KernelConstants(layout.axialCells(), layout.components(), layout.boundStates(), layout.shells(),
                layout.localBlocks(), layout.blockSize(), layout.cellStride(), layout.hasPores(), bm.key(),
                bm.kinetic(), kinetic, components, c.discretization().convection().ordinal(), dg(c));
    }

    /** The DG structure of {@code c}, or null on finite volumes. */
    private static DgStructure dg(ColumnCase c) {
        SpectralElements dg = c.discretization().dg();
        // particle degree 0: finite-volume shells under the DG axial elements (as ColumnEquations)
        return dg == null ? null : DgStructure.of(dg, c.column().model() == ColumnModel.GENERAL_RATE
                && dg.particleDegree() > 0);
    }

    /** True when the particle is discretized by spectral elements (the general rate model on DG). */
    public boolean dgParticle() {
        return dg != null && dg.particle();
    }

    /** The binding model's declaration. */
    public BindingDeclaration declaration() {
        return BindingModels.find(binding);
    }

    public int shellFilm() {
        return P_BULKFILM + nc;
    }

    public int toOuter() {
        return shellFilm() + nc;
    }

    public int toInner() {
        return toOuter() + shellCouplings();
    }

    /** Couplings per shell level and direction: NS NC on finite-volume shells, none on a DG particle. */
    private int shellCouplings() {
        return dgParticle() ? 0 : ns * nc;
    }

    /** P_DG_T: the DG transport band, nz rows of {@link DgStructure#transportWidth()} (none on finite volumes). */
    public int dgTransport() {
        return toInner() + shellCouplings();
    }

    /** P_DG_TIN: the DG transport's inlet column, nz values. */
    public int dgInlet() {
        return dgTransport() + (dg == null ? 0 : nz * dg.transportWidth());
    }

    /** P_DG_PORE: pore diffusion D_p per component (DG particle). */
    public int dgPoreDiffusion() {
        return dgInlet() + (dg == null ? 0 : nz);
    }

    /** P_DG_FILMRATE: k_f / eps_p per component (DG particle). */
    public int dgFilmRate() {
        return dgPoreDiffusion() + (dgParticle() ? nc : 0);
    }

    /** P_DG_A: the particle coupling per unit D_p, ns x ns (DG particle). */
    public int dgCoupling() {
        return dgFilmRate() + (dgParticle() ? nc : 0);
    }

    /** P_DG_FILM: the film sources of the particle's outer points (DG particle). */
    public int dgFilm() {
        return dgCoupling() + (dgParticle() ? ns * ns : 0);
    }

    /** The first parameter after the transport's. */
    private int transportEnd() {
        return dgFilm() + (dgParticle() ? dg.filmPoints() : 0);
    }

    /** The binding model's parameters: offsets and sizes from its declaration, after the transport parameters. */
    public List<BindingSlot> bindingSlots() {
        return BindingSlot.of(declaration(), nc, transportEnd());
    }

    /** Parameters per design. */
    public int parameters() {
        List<BindingSlot> slots = bindingSlots();
        BindingSlot last = slots.get(slots.size() - 1);
        return last.offset() + last.size();
    }

    /** Unknowns per design. */
    public int unknowns() {
        return Math.multiplyExact(nz, cs);
    }

    /** Rows of the banded column system. */
    public int bandRows() {
        return Math.multiplyExact(nz, nc);
    }

    /**
     * Sub-diagonals kl of the banded column system: 2 NC on finite volumes (a row couples to the cells j - 2 .. j + 1
     * through the WENO stencil's derivatives), NC times the DG transport's lower band on spectral elements. The
     * stored rows hold kl more for the fill-in of partial pivoting (LAPACK's band storage, {@link #bandWidth}).
     */
    public int bandLower() {
        return dg == null ? 2 * nc : nc * dg.lower();
    }

    /**
     * Super-diagonals ku of the banded column system: NC (the next cell), or NC times the DG transport's upper band.
     */
    public int bandUpper() {
        return dg == null ? nc : nc * dg.upper();
    }

    /** Width of a stored band row: 2 kl + ku + 1. */
    public int bandWidth() {
        return 2 * bandLower() + bandUpper() + 1;
    }

    /** The kernel source of the binding model, as a classpath resource. */
    public String bindingSource() {
        return "kernels/binding/" + binding + ".cl";
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
        s.append(" -D KINETIC_STATES={");
        for (int st = 0; st < nb; st++) {
            s.append(st == 0 ? "" : ",").append(kineticStates.get(st) ? 1 : 0);
        }
        s.append("} -D STATE_COMPONENTS={");
        for (int st = 0; st < nb; st++) {
            s.append(st == 0 ? "" : ",").append(stateComponents.get(st));
        }
        s.append('}');
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
        for (BindingSlot slot : bindingSlots()) {
            def(s, slot.define(), slot.offset());
            def(s, slot.define() + "_COUNT", slot.size());
        }
        def(s, "NPAR", parameters());
        if (dg != null) {
            dg.defines(s, this);
        }
        return s.toString().trim();
    }

    static void def(StringBuilder s, String name, int value) {
        s.append(" -D ").append(name).append('=').append(value);
    }
}
