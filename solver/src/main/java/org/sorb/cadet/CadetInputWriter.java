package org.sorb.cadet;

import io.jhdf.api.WritableGroup;
import java.util.Arrays;
import java.util.Locale;
import org.sorb.model.BiLangmuirBinding;
import org.sorb.model.BindingModel;
import org.sorb.model.Column;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.ConvectionScheme;
import org.sorb.model.InletSection;
import org.sorb.model.Particle;
import org.sorb.model.ParticleGrid;

/**
 * Writes a Sorb case as a CADET v5 {@code /input} group: the inlet, the column (GENERAL_RATE_MODEL,
 * LUMPED_RATE_MODEL_WITH_PORES or LUMPED_RATE_MODEL_WITHOUT_PORES) and, when the network has one, the outlet, at the
 * unit indices of {@code network}; sections, output times, tolerances and the grid. The inverse of
 * {@link CadetInput#read} for what both can express.
 */
final class CadetInputWriter {
    private final ColumnCase c;
    private final CadetNetwork network;
    private final BindingTable binding;

    /** Checks that {@code c} can be written (its binding model has a CADET name) before any work is done. */
    CadetInputWriter(ColumnCase c, CadetNetwork network) {
        this.c = c;
        this.network = network;
        this.binding = bindingTable(c.binding());
        var dg = c.discretization().dg();
        if (dg != null && dg.particleDegree() == 0 && c.column().model() == org.sorb.model.ColumnModel.GENERAL_RATE) {
            throw new org.sorb.model.InvalidModelException("discretization.particle_polynomial_degree", "0",
                    "1 to " + org.sorb.model.SpectralElements.MAX_DEGREE + " for --format cadet (CADET's DG has no "
                            + "finite-volume shells in the particle)");
        }
    }

    /** Writes {@code /input} into {@code root} with output times {@code times}. */
    void write(WritableGroup root, double[] times) {
        WritableGroup input = root.putGroup("input");
        WritableGroup model = input.putGroup("model");
        int units = network.outlet() >= 0 ? 3 : 2;
        model.putDataset("NUNITS", units);
        connections(model.putGroup("connections"));
        inlet(model.putGroup(unitName(network.inlet())));
        column(model.putGroup(unitName(network.column())));
        if (network.outlet() >= 0) {
            WritableGroup outlet = model.putGroup(unitName(network.outlet()));
            outlet.putDataset("UNIT_TYPE", "OUTLET");
            outlet.putDataset("NCOMP", c.components().size());
        }
        solver(input.putGroup("solver"), times);
        WritableGroup ret = input.putGroup("return");
        ret.putDataset("SPLIT_COMPONENTS_DATA", 0);
        ret.putGroup(unitName(network.column())).putDataset("WRITE_SOLUTION_OUTLET", 1);
    }

    private static String unitName(int index) {
        return String.format(Locale.ROOT, "unit_%03d", index);
    }

    private void connections(WritableGroup g) {
        double q = network.flowRate();
        double[] rows = network.outlet() >= 0
                ? new double[] {network.inlet(), network.column(), -1, -1, q, network.column(), network.outlet(), -1,
                    -1, q}
                : new double[] {network.inlet(), network.column(), -1, -1, q};
        g.putDataset("NSWITCHES", 1);
        g.putDataset("CONNECTIONS_INCLUDE_PORTS", 0);
        WritableGroup s = g.putGroup("switch_000");
        s.putDataset("SECTION", 0);
        s.putDataset("CONNECTIONS", rows);
    }

    private void inlet(WritableGroup g) {
        int n = c.components().size();
        g.putDataset("UNIT_TYPE", "INLET");
        g.putDataset("NCOMP", n);
        g.putDataset("INLET_TYPE", "PIECEWISE_CUBIC_POLY");
        for (int s = 0; s < c.inlet().sections().size(); s++) {
            InletSection section = c.inlet().sections().get(s);
            WritableGroup sec = g.putGroup(String.format(Locale.ROOT, "sec_%03d", s));
            sec.putDataset("CONST_COEFF", section.concentration());
            sec.putDataset("LIN_COEFF", section.slope());
            sec.putDataset("QUAD_COEFF", section.quadratic());
            sec.putDataset("CUBE_COEFF", section.cubic());
        }
    }

    /** The column; Sorb's lumped rate model is CADET's with total porosity eps_t, velocity u eps_c/eps_t and
     * dispersion D_ax eps_c/eps_t. */
    private void column(WritableGroup g) {
        int n = c.components().size();
        Column col = c.column();
        Particle p = c.particle();
        ColumnModel m = col.model();
        g.putDataset("UNIT_TYPE", switch (m) {
            case GENERAL_RATE -> "GENERAL_RATE_MODEL";
            case LUMPED_RATE_WITH_PORES -> "LUMPED_RATE_MODEL_WITH_PORES";
            case LUMPED_RATE -> "LUMPED_RATE_MODEL_WITHOUT_PORES";
        });
        g.putDataset("NCOMP", n);
        g.putDataset("COL_LENGTH", col.length());
        if (m == ColumnModel.LUMPED_RATE) {
            double share = col.bedPorosity() / c.totalPorosity();
            g.putDataset("TOTAL_POROSITY", c.totalPorosity());
            g.putDataset("VELOCITY", col.interstitialVelocity() * share);
            g.putDataset("COL_DISPERSION", col.axialDispersion() * share);
        } else {
            g.putDataset("COL_POROSITY", col.bedPorosity());
            g.putDataset("VELOCITY", col.interstitialVelocity());
            g.putDataset("COL_DISPERSION", col.axialDispersion());
            g.putDataset("PAR_RADIUS", p.radius());
            g.putDataset("PAR_POROSITY", p.porosity());
            g.putDataset("PAR_CORERADIUS", 0.0);
            g.putDataset("FILM_DIFFUSION", p.filmDiffusion());
            if (m == ColumnModel.GENERAL_RATE) {
                g.putDataset("PAR_DIFFUSION", p.poreDiffusion());
                g.putDataset("PAR_SURFDIFFUSION", new double[n]);
            }
        }
        g.putDataset("INIT_C", c.initial().bulk());
        g.putDataset("INIT_Q", initialBound());
        g.putDataset("ADSORPTION_MODEL", binding.cadetName());
        adsorption(g.putGroup("adsorption"));
        discretization(g.putGroup("discretization"));
    }

    /** The initial bound state in CADET's component-major order; Sorb's equilibrium default solved as the run does. */
    private double[] initialBound() {
        BindingModel b = c.binding();
        double[] q = c.initial().bound();
        if (q == null) {
            q = org.sorb.numerics.BindingEquilibrium.solve(b, c.initial().bulk());
        }
        if (b instanceof BiLangmuirBinding) {
            int n = b.components();
            double[] out = new double[q.length];
            for (int i = 0; i < n; i++) {
                out[2 * i] = q[i];
                out[2 * i + 1] = q[n + i];
            }
            return out;
        }
        return q;
    }

    /** The binding's values by the mapping table; salt's entries (0) put back in front of per-protein lists. */
    private void adsorption(WritableGroup g) {
        BindingModel b = c.binding();
        g.putDataset("IS_KINETIC", b.kinetic() ? 1 : 0);
        for (BindingTable.Field field : binding.fields()) {
            double[] v = b.values(field.sorb());
            switch (field.shape()) {
                case PER_PROTEIN -> {
                    double[] all = new double[v.length + 1];
                    System.arraycopy(v, 0, all, 1, v.length);
                    g.putDataset(field.cadet(), all);
                }
                case SCALAR, OPTIONAL_SCALAR -> g.putDataset(field.cadet(), v[0]);
                default -> g.putDataset(field.cadet(), v);
            }
        }
    }

    private void discretization(WritableGroup g) {
        int n = c.components().size();
        var d = c.discretization();
        int[] nbound = new int[n];
        Arrays.fill(nbound, c.binding().boundStates() / n);
        g.putDataset("NBOUND", nbound);
        g.putDataset("PAR_GEOM", "SPHERE");
        g.putDataset("USE_ANALYTIC_JACOBIAN", 1);
        if (d.isGalerkin()) {
            var dg = d.dg();
            g.putDataset("SPATIAL_METHOD", "DG");
            g.putDataset("POLYDEG", dg.degree());
            g.putDataset("NELEM", dg.axialElements());
            g.putDataset("EXACT_INTEGRATION", dg.exactIntegration() ? 1 : 0);
            g.putDataset("PAR_POLYDEG", dg.particleDegree());
            g.putDataset("PAR_NELEM", dg.particleElements());
            g.putDataset("PAR_DISC_TYPE", "EQUIDISTANT_PAR");
            return;
        }
        g.putDataset("SPATIAL_METHOD", "FV");
        g.putDataset("NCOL", d.axialCells());
        g.putDataset("NPAR", d.particleCells());
        g.putDataset("PAR_DISC_TYPE", d.particleGrid() == ParticleGrid.EQUAL_VOLUME ? "EQUIVOLUME_PAR"
                : "EQUIDISTANT_PAR");
        g.putDataset("RECONSTRUCTION", d.convection() == ConvectionScheme.KOREN ? "KOREN" : "WENO");
        WritableGroup weno = g.putGroup("weno");
        weno.putDataset("WENO_ORDER", d.convection() == ConvectionScheme.UPWIND ? 1 : 2);
        weno.putDataset("WENO_EPS", org.sorb.numerics.FaceReconstruction.WENO_EPSILON);
        weno.putDataset("BOUNDARY_MODEL", 0);
    }

    private void solver(WritableGroup g, double[] times) {
        int sections = c.inlet().sections().size();
        double[] ends = new double[sections + 1];
        for (int s = 0; s < sections; s++) {
            ends[s + 1] = c.inlet().sections().get(s).end();
        }
        g.putDataset("NTHREADS", 1);
        g.putDataset("USER_SOLUTION_TIMES", times);
        WritableGroup sec = g.putGroup("sections");
        sec.putDataset("NSEC", sections);
        sec.putDataset("SECTION_TIMES", ends);
        if (sections > 1) {
            sec.putDataset("SECTION_CONTINUITY", new int[sections - 1]);
        }
        WritableGroup ti = g.putGroup("time_integrator");
        ti.putDataset("ABSTOL", c.solver().absTol());
        ti.putDataset("RELTOL", c.solver().relTol());
        ti.putDataset("ALGTOL", c.solver().absTol());
        ti.putDataset("INIT_STEP_SIZE", c.solver().initialStep());
        ti.putDataset("MAX_STEPS", c.solver().maxSteps());
    }

    /** The mapping table's entry for the case's binding; refused when CADET has no such model here. */
    private static BindingTable bindingTable(BindingModel b) {
        BindingTable t = BindingTable.forSorb(b.key());
        if (t == null) {
            throw new org.sorb.model.InvalidModelException("binding.model", b.key(), BindingTable.sorbNames()
                    + " for --format cadet (Sorb writes no CADET input for " + b.key() + ")");
        }
        return t;
    }
}
