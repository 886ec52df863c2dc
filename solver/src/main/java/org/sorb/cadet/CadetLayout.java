package org.sorb.cadet;

import org.sorb.cases.CaseException;

/**
 * Where a column unit keeps its fields. CADET v5 ({@code GENERAL_RATE_MODEL}, {@code LUMPED_RATE_MODEL_WITH_PORES},
 * {@code LUMPED_RATE_MODEL_WITHOUT_PORES}) puts particle and binding fields in the unit itself and the grid in
 * {@code unit_XXX/discretization}; v6 ({@code COLUMN_MODEL_1D}) puts them in {@code particle_type_000/} with its own
 * {@code discretization/}, and names some fields differently.
 *
 * @param unit               the unit group, e.g. {@code /input/model/unit_001/}
 * @param particle           group of particle fields
 * @param unitGrid           group of the axial grid
 * @param particleGrid       group of the particle grid
 * @param poreDiffusion      field of the pore diffusion coefficients
 * @param surfaceDiffusion   field of the surface diffusion coefficients
 * @param initialBound       field of the initial bound state
 * @param v6                 true for {@code COLUMN_MODEL_1D}
 */
record CadetLayout(String unit, String particle, String unitGrid, String particleGrid, String poreDiffusion,
                   String surfaceDiffusion, String initialBound, boolean v6) {

    /** The layout of the column unit at {@code unit} (path ending in '/'), checked to have one particle type. */
    static CadetLayout of(CadetFile f, String unit) throws CaseException {
        String type = f.text(unit + "UNIT_TYPE", "a unit type");
        int types = f.integer(unit + "NPARTYPE", type.equals("COLUMN_MODEL_1D") ? 0 : 1, "the number of particle "
                + "types");
        if (types != 1) {
            throw f.refused(unit + "NPARTYPE", Integer.toString(types), "1 (Sorb's columns hold one particle type)");
        }
        if (type.equals("COLUMN_MODEL_1D")) {
            String p = unit + "particle_type_000/";
            return new CadetLayout(unit, p, unit + "discretization/", p + "discretization/", p + "PORE_DIFFUSION",
                    p + "SURFACE_DIFFUSION", p + "INIT_CS", true);
        }
        return new CadetLayout(unit, unit, unit + "discretization/", unit + "discretization/", unit + "PAR_DIFFUSION",
                unit + "PAR_SURFDIFFUSION", unit + "INIT_Q", false);
    }

    /** The particle field {@code name}, or the unit grid's when only that one has it (v5 keeps NBOUND, PAR_GEOM there). */
    String particleField(CadetFile f, String name) {
        String primary = particle + name;
        String grid = particleGrid + name;
        return f.has(primary) || !f.has(grid) ? primary : grid;
    }

    /** The initial pore-liquid field. */
    String initialPore() {
        return particle + "INIT_CP";
    }
}
