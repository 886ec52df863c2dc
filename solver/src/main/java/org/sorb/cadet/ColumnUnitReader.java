package org.sorb.cadet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sorb.cases.CaseException;

/**
 * Reads a CADET column unit (v5 or v6 layout) into the {@code components}, {@code column}, {@code particle},
 * {@code binding}, {@code initial} and {@code discretization} sections of a Sorb case tree, refusing what Sorb cannot
 * simulate with the HDF5 path, the value and what Sorb supports.
 */
final class ColumnUnitReader {
    private ColumnUnitReader() {
    }

    /** Reads unit {@code network.column()} into {@code tree}. */
    static void read(CadetFile f, CadetNetwork network, Map<String, Object> tree, Map<String, String> sources)
            throws CaseException {
        String unit = CadetNetwork.unit(network.column());
        CadetLayout layout = CadetLayout.of(f, unit);
        int n = f.integer(unit + "NCOMP", -1, "the number of components");
        if (n < 1) {
            throw f.refused(unit + "NCOMP", f.display(unit + "NCOMP"), "an integer >= 1");
        }
        String type = f.text(unit + "UNIT_TYPE", "a unit type");
        String model = model(f, layout, type);
        String bindingName = f.text(layout.particleField(f, "ADSORPTION_MODEL"), "a binding model");
        BindingTable binding = BindingTable.named(bindingName);
        if (binding == null) {
            throw f.refused(layout.particleField(f, "ADSORPTION_MODEL"), bindingName, "a binding model Sorb has: "
                    + BindingTable.names());
        }
        tree.put("components", names(n, binding));
        tree.put("column", column(f, layout, model, network));
        String porosity = model.equals("lumped_rate") ? "TOTAL_POROSITY" : "COL_POROSITY";
        sources.put("column.length", unit + "COL_LENGTH");
        sources.put("column.bed_porosity", unit + porosity);
        sources.put("column.interstitial_velocity", unit + (f.has(unit + "CROSS_SECTION_AREA") ? "CROSS_SECTION_AREA"
                : "VELOCITY"));
        sources.put("column.axial_dispersion", unit + "COL_DISPERSION");
        if (!model.equals("lumped_rate")) {
            tree.put("particle", particle(f, layout, model, n));
            sources.put("particle.radius", layout.particle() + "PAR_RADIUS");
            sources.put("particle.porosity", layout.particle() + "PAR_POROSITY");
            sources.put("particle.film_diffusion", layout.particle() + "FILM_DIFFUSION");
            sources.put("particle.pore_diffusion", layout.poreDiffusion());
        }
        checkBound(f, layout, binding, n);
        tree.put("binding", binding.read(f, layout.particle() + "adsorption/", n));
        for (BindingTable.Field field : binding.fields()) {
            sources.put("binding." + field.sorb(), layout.particle() + "adsorption/" + field.cadet());
        }
        sources.put("binding.kinetic", layout.particle() + "adsorption/IS_KINETIC");
        tree.put("initial", initial(f, layout, binding, n));
        sources.put("initial.bulk", unit + "INIT_C");
        sources.put("initial.bound", layout.initialBound());
        tree.put("discretization", ColumnGrid.read(f, layout, model));
    }

    /** Sorb's column model: from UNIT_TYPE (v5) or from HAS_FILM_DIFFUSION and HAS_PORE_DIFFUSION (v6). */
    private static String model(CadetFile f, CadetLayout layout, String type) throws CaseException {
        switch (type) {
            case "GENERAL_RATE_MODEL":
                return "general_rate";
            case "LUMPED_RATE_MODEL_WITH_PORES":
                return "lumped_rate_with_pores";
            case "LUMPED_RATE_MODEL_WITHOUT_PORES":
                return "lumped_rate";
            default:
                break;
        }
        String p = layout.particle();
        boolean film = f.integer(p + "HAS_FILM_DIFFUSION", 0, "0 or 1") == 1;
        boolean pore = f.integer(p + "HAS_PORE_DIFFUSION", 0, "0 or 1") == 1;
        if (!film && pore) {
            throw f.refused(p + "HAS_PORE_DIFFUSION", "1 with HAS_FILM_DIFFUSION 0", "pore diffusion together with "
                    + "film diffusion (general rate model); Sorb has no pore diffusion without a film");
        }
        return !film ? "lumped_rate" : pore ? "general_rate" : "lumped_rate_with_pores";
    }

    private static List<String> names(int n, BindingTable binding) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(binding == BindingTable.STERIC_MASS_ACTION && i == 0 ? "salt" : "C" + i);
        }
        return names;
    }

    private static Map<String, Object> column(CadetFile f, CadetLayout layout, String model, CadetNetwork network)
            throws CaseException {
        String u = layout.unit();
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("model", model);
        column.put("length", f.number(u + "COL_LENGTH", "the column length (m)"));
        String porosityField = model.equals("lumped_rate") ? "TOTAL_POROSITY" : "COL_POROSITY";
        double porosity = f.number(u + porosityField, "the " + (model.equals("lumped_rate") ? "total" : "bed")
                + " porosity");
        column.put("bed_porosity", porosity);
        column.put("interstitial_velocity", velocity(f, u, porosity, network));
        double[] dispersion = f.numbers(u + "COL_DISPERSION", "the axial dispersion coefficient (m^2/s)");
        if (Arrays.stream(dispersion).anyMatch(d -> d != dispersion[0])) {
            throw f.refused(u + "COL_DISPERSION", f.display(u + "COL_DISPERSION"), "one axial dispersion "
                    + "coefficient for every component and section (Sorb's is a property of the column)");
        }
        column.put("axial_dispersion", dispersion[0]);
        return column;
    }

    /**
     * Interstitial velocity: Q / (A eps) when CROSS_SECTION_AREA is given (CADET then takes only the direction from
     * VELOCITY), else VELOCITY; one value for every section, flowing forwards.
     */
    private static double velocity(CadetFile f, String u, double porosity, CadetNetwork network)
            throws CaseException {
        double[] v = f.has(u + "VELOCITY") ? f.numbers(u + "VELOCITY", "the interstitial velocity (m/s)")
                : new double[] {1.0};
        if (Arrays.stream(v).anyMatch(x -> x != v[0] || !(x > 0.0))) {
            throw f.refused(u + "VELOCITY", f.display(u + "VELOCITY"), "one positive velocity for every section "
                    + "(Sorb's flow is forwards and constant)");
        }
        if (f.has(u + "CROSS_SECTION_AREA")) {
            double area = f.number(u + "CROSS_SECTION_AREA", "the column's cross-section area (m^2)");
            if (area > 0.0) {
                return network.flowRate() / (area * porosity);
            }
        }
        if (!f.has(u + "VELOCITY")) {
            throw f.refused(u + "VELOCITY", "nothing", "the interstitial velocity (m/s), or CROSS_SECTION_AREA with "
                    + "the connection's flow rate");
        }
        return v[0];
    }

    private static Map<String, Object> particle(CadetFile f, CadetLayout layout, String model, int n)
            throws CaseException {
        String geometry = layout.particleField(f, "PAR_GEOM");
        String shape = f.text(geometry, "SPHERE", "SPHERE");
        if (!shape.equals("SPHERE")) {
            throw f.refused(geometry, shape, "SPHERE (Sorb's particles are spheres)");
        }
        String p = layout.particle();
        if (f.number(p + "PAR_CORERADIUS", 0.0, "the core radius (m)") != 0.0) {
            throw f.refused(p + "PAR_CORERADIUS", f.display(p + "PAR_CORERADIUS"), "0 (Sorb's particles are porous "
                    + "to the centre; it has no core-shell particles)");
        }
        String surface = layout.surfaceDiffusion();
        if (f.has(surface) && Arrays.stream(f.numbers(surface, "surface diffusion")).anyMatch(d -> d != 0.0)) {
            throw f.refused(surface, f.display(surface), "zeros (Sorb has no surface diffusion)");
        }
        Map<String, Object> particle = new LinkedHashMap<>();
        particle.put("radius", f.number(p + "PAR_RADIUS", "the particle radius (m)"));
        particle.put("porosity", f.number(p + "PAR_POROSITY", "the particle porosity"));
        particle.put("film_diffusion", f.perComponent(p + "FILM_DIFFUSION", n, "one film coefficient per component "
                + "(m/s)"));
        if (model.equals("general_rate")) {
            particle.put("pore_diffusion", f.perComponent(layout.poreDiffusion(), n, "one pore diffusion coefficient "
                    + "per component (m^2/s)"));
        }
        return particle;
    }

    /** NBOUND: the bound states Sorb's model has for each component (CADET allows other counts, Sorb does not). */
    private static void checkBound(CadetFile f, CadetLayout layout, BindingTable binding, int n)
            throws CaseException {
        String path = layout.particleField(f, "NBOUND");
        if (!f.has(path)) {
            return;
        }
        double[] nbound = f.perComponent(path, n, "one number of bound states per component");
        for (double b : nbound) {
            if (b != binding.boundPerComponent()) {
                throw f.refused(path, f.display(path), binding.boundPerComponent() + " for every component (Sorb's "
                        + binding.sorbModel() + " binds every component" + (binding.boundPerComponent() == 2
                        ? " on both site types" : "") + ")");
            }
        }
    }

    private static Map<String, Object> initial(CadetFile f, CadetLayout layout, BindingTable binding, int n)
            throws CaseException {
        String u = layout.unit();
        if (f.has(u + "INIT_STATE")) {
            throw f.refused(u + "INIT_STATE", "a full initial state vector", "INIT_C and " + (layout.v6() ? "INIT_CS"
                    : "INIT_Q") + " (Sorb starts from uniform concentrations)");
        }
        double[] bulk = f.perComponent(u + "INIT_C", n, "one initial concentration per component (mol/m^3)");
        String pore = layout.initialPore();
        if (f.has(pore) && !Arrays.equals(f.perComponent(pore, n, "one value per component"), bulk)) {
            throw f.refused(pore, f.display(pore), "INIT_C's values " + Arrays.toString(bulk) + " (Sorb starts the "
                    + "pores at the bulk concentration)");
        }
        Map<String, Object> initial = new LinkedHashMap<>();
        initial.put("bulk", bulk);
        if (f.has(layout.initialBound())) {
            int states = binding.boundPerComponent() * n;
            double[] q = f.perComponent(layout.initialBound(), states, "one initial bound concentration per bound "
                    + "state (mol/m^3 solid)");
            initial.put("bound", binding.boundPerComponent() == 2 ? stateMajor(q, n) : q);
        }
        return initial;
    }

    /** CADET's component-major bound states (c0 s1, c0 s2, c1 s1, ...) in Sorb's state-major order. */
    private static double[] stateMajor(double[] q, int n) {
        double[] out = new double[q.length];
        for (int i = 0; i < n; i++) {
            out[i] = q[2 * i];
            out[n + i] = q[2 * i + 1];
        }
        return out;
    }
}
