package org.sorb.cadet;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sorb.cases.CaseException;

/**
 * The column's grid as Sorb's {@code discretization:} section. DG ({@code SPATIAL_METHOD} DG): {@code POLYDEG},
 * {@code NELEM} (or {@code NCOL} nodes, rounded down to whole elements as CADET does), {@code EXACT_INTEGRATION},
 * {@code PAR_POLYDEG} and {@code PAR_NELEM} become the {@code method: dg} keys. Finite volumes: {@code NCOL} (v6: {@code NCELLS})
 * becomes {@code axial_cells}, {@code NPAR} (v6: the particle's {@code NCELLS}) {@code particle_cells},
 * {@code PAR_DISC_TYPE} {@code particle_grid}, {@code RECONSTRUCTION} and {@code weno/WENO_ORDER} {@code convection}.
 * Fields left out keep Sorb's defaults.
 */
final class ColumnGrid {
    private static final String METHODS = "FV or DG";

    private ColumnGrid() {
    }

    static Map<String, Object> read(CadetFile f, CadetLayout layout, String model) throws CaseException {
        String g = layout.unitGrid();
        String pg = layout.particleGrid();
        Map<String, Object> grid = new LinkedHashMap<>();
        if (method(f, g + "SPATIAL_METHOD").equals("DG")) {
            return galerkin(f, g, pg, model);
        }
        cells(f, g, layout.v6() ? new String[] {"NCELLS", "NCOL"} : new String[] {"NCOL"}, "axial_cells", grid);
        if (model.equals("general_rate")) {
            if (layout.v6() && !method(f, pg + "SPATIAL_METHOD").equals("FV")) {
                throw f.refused(pg + "SPATIAL_METHOD", "DG", "FV, as the column's SPATIAL_METHOD");
            }
            cells(f, pg, layout.v6() ? new String[] {"NCELLS", "NPAR"} : new String[] {"NPAR"}, "particle_cells",
                    grid);
            String typePath = pg + "PAR_DISC_TYPE";
            if (f.has(typePath)) {
                grid.put("particle_grid", particleGrid(f, typePath));
            }
        } else {
            grid.put("particle_cells", 1);
        }
        String reconstruction = f.text(g + "RECONSTRUCTION", "WENO", "WENO or KOREN");
        switch (reconstruction) {
            case "WENO" -> grid.put("convection", weno(f, g + "weno/WENO_ORDER"));
            case "KOREN" -> grid.put("convection", "koren");
            default -> throw f.refused(g + "RECONSTRUCTION", reconstruction, "WENO or KOREN");
        }
        return grid;
    }

    /**
     * SPATIAL_METHOD: FV or DG; absent or a number (the semi-analytic CASEMA files write -1: they prescribe no
     * discretization) is FV.
     */
    private static String method(CadetFile f, String path) throws CaseException {
        if (!f.has(path) || f.display(path).matches("-?[0-9]+")) {
            return "FV";
        }
        String method = f.text(path, METHODS);
        if (!method.equals("FV") && !method.equals("DG")) {
            throw f.refused(path, method, METHODS);
        }
        return method;
    }

    /** The DG grid; a particle grid of its own (general rate model) defaults to one element of degree 3. */
    private static Map<String, Object> galerkin(CadetFile f, String g, String pg, String model) throws CaseException {
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("method", "dg");
        int degree = f.integer(g + "POLYDEG", 4, "a polynomial degree >= 1");
        if (degree < 1) {
            throw f.refused(g + "POLYDEG", Integer.toString(degree), "a polynomial degree >= 1");
        }
        int elements = f.has(g + "NELEM") ? f.integer(g + "NELEM", 1, "a number of elements >= 1")
                : Math.max(1, f.integer(g + "NCOL", 4 * (degree + 1), "a number of nodes >= 1") / (degree + 1));
        if (elements < 1) {
            throw f.refused(g + "NELEM", Integer.toString(elements), "a number of elements >= 1");
        }
        grid.put("axial_elements", elements);
        grid.put("polynomial_degree", degree);
        grid.put("integration", f.integer(g + "EXACT_INTEGRATION", 0, "0 or 1") == 1 ? "exact" : "collocated");
        if (model.equals("general_rate")) {
            int pd = f.integer(pg + "PAR_POLYDEG", 3, "a polynomial degree >= 1");
            int pe = f.integer(pg + "PAR_NELEM", 1, "a number of elements >= 1");
            if (pd < 1) {
                throw f.refused(pg + "PAR_POLYDEG", Integer.toString(pd), "a polynomial degree >= 1");
            }
            if (pe < 1) {
                throw f.refused(pg + "PAR_NELEM", Integer.toString(pe), "a number of elements >= 1");
            }
            grid.put("particle_elements", pe);
            grid.put("particle_polynomial_degree", pd);
        }
        return grid;
    }

    private static void cells(CadetFile f, String group, String[] names, String key, Map<String, Object> grid)
            throws CaseException {
        for (String name : names) {
            if (f.has(group + name)) {
                int cells = f.integer(group + name, 0, "a number of cells >= 1");
                if (cells < 1) {
                    throw f.refused(group + name, Integer.toString(cells), "a number of cells >= 1");
                }
                grid.put(key, cells);
                return;
            }
        }
    }

    /** EQUIDISTANT(_PAR) and EQUIVOLUME(_PAR); user-defined shells have no Sorb equivalent. */
    private static String particleGrid(CadetFile f, String path) throws CaseException {
        String type = f.text(path, "EQUIDISTANT_PAR or EQUIVOLUME_PAR");
        return switch (type) {
            case "EQUIDISTANT_PAR", "EQUIDISTANT" -> "equidistant";
            case "EQUIVOLUME_PAR", "EQUIVOLUME" -> "equal_volume";
            default -> throw f.refused(path, type, "EQUIDISTANT_PAR (Sorb's equidistant) or EQUIVOLUME_PAR (Sorb's "
                    + "equal_volume); Sorb has no user-defined particle shells");
        };
    }

    /**
     * WENO_ORDER 1 is first-order upwind; 2 (CADET's WENO2, third order) is exactly Sorb's weno3; 3 (CADET's WENO3,
     * fifth order, CADET's default) is run as weno3, the highest order Sorb has.
     */
    private static String weno(CadetFile f, String path) throws CaseException {
        int order = f.integer(path, 3, "1, 2 or 3");
        return switch (order) {
            case 1 -> "upwind";
            case 2, 3 -> "weno3";
            default -> throw f.refused(path, Integer.toString(order), "1, 2 or 3");
        };
    }
}
