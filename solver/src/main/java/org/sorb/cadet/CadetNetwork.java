package org.sorb.cadet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sorb.cases.CaseException;

/**
 * The unit operations of a CADET input that Sorb can run: one {@code INLET} feeding one column, optionally into one
 * {@code OUTLET}, wired by {@code connections/switch_000/CONNECTIONS}.
 *
 * @param inlet    index of the inlet unit ({@code unit_XXX})
 * @param column   index of the column unit
 * @param outlet   index of the outlet unit, or -1 when there is none
 * @param flowRate volumetric flow rate from inlet to column (m^3/s), as the connection states it
 */
public record CadetNetwork(int inlet, int column, int outlet, double flowRate) {
    /** Unit types of a column, v5 and v6 names. */
    static final List<String> COLUMN_TYPES = List.of("GENERAL_RATE_MODEL", "LUMPED_RATE_MODEL_WITH_PORES",
            "LUMPED_RATE_MODEL_WITHOUT_PORES", "COLUMN_MODEL_1D");
    static final String MODEL = "/input/model/";
    private static final String SUPPORTED = "a network of one INLET, one column (" + String.join(", ", COLUMN_TYPES)
            + ") and at most one OUTLET";

    /** The network as CADET-Python's examples write a Sorb case: inlet unit_000, column unit_001, outlet unit_002. */
    public static CadetNetwork standard(double flowRate) {
        return new CadetNetwork(0, 1, 2, flowRate);
    }

    /** The HDF5 group of unit {@code index}. */
    static String unit(int index) {
        return String.format(Locale.ROOT, MODEL + "unit_%03d/", index);
    }

    static CadetNetwork read(CadetFile f) throws CaseException {
        int units = f.integer(MODEL + "NUNITS", -1, "the number of unit operations");
        if (units < 2) {
            throw f.refused(MODEL + "NUNITS", f.display(MODEL + "NUNITS"), SUPPORTED);
        }
        int inlet = -1;
        int column = -1;
        int outlet = -1;
        for (int u = 0; u < units; u++) {
            String path = unit(u) + "UNIT_TYPE";
            String type = f.text(path, "a unit type");
            if (type.equals("INLET") && inlet < 0) {
                inlet = u;
            } else if (type.equals("OUTLET") && outlet < 0) {
                outlet = u;
            } else if (COLUMN_TYPES.contains(type) && column < 0) {
                column = u;
            } else {
                String why = COLUMN_TYPES.contains(type) ? " (a second column; Sorb simulates one column)"
                        : type.equals("INLET") || type.equals("OUTLET") ? " (a second " + type + ")" : "";
                throw f.refused(path, type + why, SUPPORTED);
            }
        }
        if (inlet < 0 || column < 0) {
            throw f.refused(MODEL + "unit_XXX/UNIT_TYPE", "no " + (inlet < 0 ? "INLET" : "column") + " unit",
                    SUPPORTED);
        }
        double flow = connections(f, inlet, column, outlet);
        return new CadetNetwork(inlet, column, outlet, flow);
    }

    /** Checks the connections (inlet to column, column to outlet) and returns the flow rate into the column. */
    private static double connections(CadetFile f, int inlet, int column, int outlet) throws CaseException {
        String group = MODEL + "connections/";
        int switches = f.integer(group + "NSWITCHES", 1, "the number of valve switches");
        if (switches != 1) {
            throw f.refused(group + "NSWITCHES", Integer.toString(switches), "1 (Sorb's network does not switch)");
        }
        String path = group + "switch_000/CONNECTIONS";
        double[] rows = f.numbers(path, "connection rows");
        boolean ports = f.integer(group + "CONNECTIONS_INCLUDE_PORTS", rows.length % 5 != 0 ? 1 : 0,
                "0 or 1") == 1;
        int width = ports ? 7 : 5;
        String expected = "rows of " + width + " values (from, to, " + (ports ? "port from, port to, " : "")
                + "component from, component to, flow rate): INLET to column" + (outlet >= 0 ? ", column to OUTLET"
                : "") + ", for all components";
        if (rows.length % width != 0) {
            throw f.refused(path, rows.length + " values", expected);
        }
        List<String> edges = new ArrayList<>();
        double flow = Double.NaN;
        for (int r = 0; r < rows.length; r += width) {
            int from = (int) rows[r];
            int to = (int) rows[r + 1];
            for (int k = 2; k < width - 1; k++) {
                if (rows[r + k] != -1.0 && !(ports && k < 4 && rows[r + k] == 0.0)) {
                    throw f.refused(path, "row " + r / width + " with " + (ports && k < 4 ? "port "
                            : "component ") + CadetFile.format(rows[r + k]), expected);
                }
            }
            edges.add(from + ">" + to);
            if (from == inlet && to == column) {
                flow = rows[r + width - 1];
            }
        }
        List<String> wanted = new ArrayList<>(List.of(inlet + ">" + column));
        if (outlet >= 0) {
            wanted.add(column + ">" + outlet);
        }
        if (!(edges.containsAll(wanted) && wanted.containsAll(edges) && edges.size() == wanted.size())) {
            throw f.refused(path, "connections " + edges.toString().replace(">", " to "), expected);
        }
        return flow;
    }
}
