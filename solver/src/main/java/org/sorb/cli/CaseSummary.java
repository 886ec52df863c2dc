package org.sorb.cli;

import java.util.ArrayList;
import java.util.List;
import org.sorb.cases.ConcentrationFamily;
import org.sorb.cases.LoadedCase;
import org.sorb.cases.QuantityKind;
import org.sorb.metrics.GridCompanion;
import org.sorb.metrics.MetricsSpec;
import org.sorb.cases.LoadedSweep;
import org.sorb.model.BindingModel;
import org.sorb.model.BindingParameter;
import org.sorb.model.Column;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.Discretization;
import org.sorb.model.Particle;
import org.sorb.numerics.RunBudget;

/** The few lines {@code sorb validate} prints about a loaded case. */
final class CaseSummary {
    private CaseSummary() {
    }

    /** The grid: finite-volume cells and shells, or DG elements, degrees and nodes. */
    private static String gridLine(Discretization d, ColumnModel model) {
        if (d.isGalerkin()) {
            var g = d.dg();
            String line = "grid:        DG, " + g.axialElements() + " axial elements of degree " + g.degree() + " ("
                    + d.axialCells() + " nodes, " + (g.exactIntegration() ? "exact" : "collocated") + " integration)";
            if (model == ColumnModel.GENERAL_RATE) {
                line += g.particleDegree() == 0 ? " x " + g.particleElements() + " equidistant particle shells"
                        : " x " + g.particleElements() + " particle elements of degree " + g.particleDegree() + " ("
                                + d.particleCells() + " nodes)";
            }
            return line;
        }
        String cells = "cells:       " + d.axialCells() + " axial";
        if (model == ColumnModel.GENERAL_RATE) {
            cells += " x " + d.particleCells() + " particle shells (" + d.particleGrid().key() + ")";
        }
        return cells + ", convection " + d.convection().key();
    }

    /** Summary lines of {@code loaded}: components, model, cells, time span and the key values in SI units. */
    static List<String> lines(LoadedCase loaded) {
        ColumnCase c = loaded.model();
        Column col = c.column();
        Particle p = c.particle();
        Discretization d = c.discretization();
        BindingModel b = c.binding();
        String cu = loaded.concentrationUnit();
        List<String> out = new ArrayList<>();
        out.add("case:        " + c.name() + (loaded.source() == null ? "" : " (" + loaded.source() + ")"));
        out.add("components:  " + String.join(", ", c.components()));
        out.add("model:       " + col.model().key() + ", binding " + b.key()
                + (b.kinetic() ? " (kinetic)" : " (rapid equilibrium)"));
        out.add(bindingLine(b, cu));
        out.add(gridLine(d, col.model()));
        out.add("time span:   0 to " + num(c.inlet().endTime()) + " s, " + c.inlet().sections().size()
                + " inlet section" + (c.inlet().sections().size() == 1 ? "" : "s") + ", output every "
                + num(c.output().interval()) + " s");
        out.add("column:      L = " + num(col.length()) + " m, eps_c = " + num(col.bedPorosity()) + ", u = "
                + num(col.interstitialVelocity()) + " m/s (interstitial), D_ax = " + num(col.axialDispersion())
                + " m^2/s");
        if (col.model() != ColumnModel.LUMPED_RATE) {
            out.add("particle:    r_p = " + num(p.radius()) + " m, eps_p = " + num(p.porosity()) + ", k_f = "
                    + nums(p.filmDiffusion()) + " m/s"
                    + (col.model() == ColumnModel.GENERAL_RATE ? ", D_p = " + nums(p.poreDiffusion()) + " m^2/s" : ""));
        }
        out.add("solver:      abs_tol = " + num(c.solver().absTol()) + " " + cu + ", rel_tol = "
                + num(c.solver().relTol()));
        out.add("units:       concentration " + cu);
        MetricsSpec m = loaded.metrics();
        out.add("metrics:     DBC at " + nums(m.breakthroughPercent()) + " %, viscosity " + num(m.viscosity())
                + " Pa s, grid check " + (m.gridCheck() ? "against " + GridCompanion.describe(GridCompanion.coarser(c))
                + (c.discretization().isGalerkin() ? "" : " cells") + ", tolerance " + num(m.gridTolerance()) : "off"));
        return out;
    }

    /** Every declared binding parameter with its SI unit, e.g. {@code binding:    ka = [10] m^3/(kg s), ...}. */
    static String bindingLine(BindingModel b, String concentrationUnit) {
        ConcentrationFamily family = ConcentrationFamily.fromSiUnit(concentrationUnit);
        List<String> parts = new ArrayList<>();
        for (BindingParameter p : b.declaration().parameters()) {
            double[] v = b.values(p.key());
            String unit = QuantityKind.of(p.kind()).siUnit(family);
            parts.add(p.key() + " = " + (p.count() == BindingParameter.Count.SCALAR ? num(v[0]) : nums(v))
                    + (unit.equals("1") ? "" : " " + unit));
        }
        return "binding:     " + String.join(", ", parts);
    }

    /** One line about a sweep: mode, number of designs and, per parameter, its SI range. */
    static String sweepLine(LoadedSweep sweep) {
        double[][] m = sweep.parameters();
        List<String> parts = new ArrayList<>();
        for (int p = 0; p < sweep.names().size(); p++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] row : m) {
                lo = Math.min(lo, row[p]);
                hi = Math.max(hi, row[p]);
            }
            parts.add(sweep.names().get(p) + " " + (lo == hi ? num(lo) : num(lo) + " .. " + num(hi)));
        }
        return "sweep:       " + sweep.mode() + ", " + sweep.size() + " design" + (sweep.size() == 1 ? "" : "s")
                + " (" + String.join("; ", parts) + ", SI)";
    }

    /** Six significant digits without trailing zeros, as the solver's messages write numbers. */
    private static String num(double v) {
        return RunBudget.number(v);
    }

    private static String nums(double[] v) {
        List<String> s = new ArrayList<>();
        for (double x : v) {
            s.add(num(x));
        }
        return "[" + String.join(", ", s) + "]";
    }
}
