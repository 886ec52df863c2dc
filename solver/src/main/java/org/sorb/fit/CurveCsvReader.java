package org.sorb.fit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sorb.cases.CaseException;
import org.sorb.cases.Quantity;
import org.sorb.cases.QuantityKind;
import org.sorb.cases.Units;

/**
 * Reads a measured curve from CSV: lines starting with {@code #} are comments (a source line belongs there), the
 * first other line is the header, e.g. {@code time (min), IgG (mg/mL), weight}: the x column ({@code time},
 * {@code volume} or {@code column_volumes}/{@code CV}, with its unit), one column per measured component (a name of
 * the case's components, with a concentration unit), and optionally {@code weight} (a weight >= 0 for the row).
 * Every error names the file, the row (its line number in the file) and the column.
 */
public final class CurveCsvReader {
    /** Largest data file read (bytes). */
    static final long MAX_BYTES = 16L << 20;
    private static final Pattern NAME_UNIT = Pattern.compile("\\s*([^()]*?)\\s*(?:\\(([^()]*)\\))?\\s*");
    private static final String WEIGHT = "weight";

    private CurveCsvReader() {
    }

    /**
     * Reads {@code file}.
     *
     * @param components        the case's components (the names a concentration column may have)
     * @param concentrationUnit the case's SI concentration unit ({@code kg/m^3} or {@code mol/m^3})
     * @throws CaseException when the file is not a valid curve; the field names the file, line and column
     */
    public static MeasuredCurve read(Path file, List<String> components, String concentrationUnit)
            throws CaseException, IOException {
        String name = file.getFileName().toString();
        if (Files.size(file) > MAX_BYTES) {
            throw new CaseException(name, Files.size(file) + " bytes", "a CSV file of at most " + MAX_BYTES + " bytes");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return parse(name, lines, components, concentrationUnit);
    }

    /** {@link #read} from the file's lines; {@code name} is used in messages. */
    public static MeasuredCurve parse(String name, List<String> lines, List<String> components,
                                      String concentrationUnit) throws CaseException {
        int headerLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!skip(lines.get(i))) {
                headerLine = i;
                break;
            }
        }
        if (headerLine < 0) {
            throw new CaseException(name, "no header line", "a header such as: time (min), IgG (mg/mL)");
        }
        String[] header = lines.get(headerLine).split(",", -1);
        Header h = header(name, headerLine + 1, header, components, concentrationUnit);
        List<double[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.size(); i++) {
            if (skip(lines.get(i))) {
                continue;
            }
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != header.length) {
                throw new CaseException(name + " row " + (i + 1), cells.length + " columns",
                        header.length + " columns as in the header (row " + (headerLine + 1) + ")");
            }
            double[] row = new double[header.length];
            for (int c = 0; c < cells.length; c++) {
                row[c] = number(where(name, i + 1, c, header[c]), cells[c]);
            }
            rows.add(row);
            lineNumbers.add(i + 1);
        }
        if (rows.isEmpty()) {
            throw new CaseException(name, "a header and no data rows", "at least one data row after row "
                    + (headerLine + 1));
        }
        return curve(name, h, header, rows, lineNumbers);
    }

    private static MeasuredCurve curve(String name, Header h, String[] header, List<double[]> rows,
                                       List<Integer> lineNumbers) throws CaseException {
        int n = rows.size();
        int m = h.componentColumns.size();
        double[] x = new double[n];
        double[] y = new double[n * m];
        double[] w = new double[n * m];
        int[] lines = new int[n];
        for (int k = 0; k < n; k++) {
            double[] row = rows.get(k);
            lines[k] = lineNumbers.get(k);
            x[k] = row[0] * h.xFactor;
            if (x[k] < 0) {
                throw new CaseException(where(name, lines[k], 0, header[0]), Double.toString(row[0]),
                        "x >= 0 (counted from the start of the run)");
            }
            if (k > 0 && !(x[k] > x[k - 1])) {
                throw new CaseException(where(name, lines[k], 0, header[0]), row[0] + " after "
                        + rows.get(k - 1)[0] + " (row " + lines[k - 1] + ")", "x values that increase strictly "
                        + "(a monotonic x column, one row per x)");
            }
            double weight = h.weightColumn < 0 ? 1.0 : row[h.weightColumn];
            if (!(weight >= 0)) {
                throw new CaseException(where(name, lines[k], h.weightColumn, header[h.weightColumn]),
                        Double.toString(weight), "a weight >= 0");
            }
            for (int j = 0; j < m; j++) {
                int c = h.componentColumns.get(j);
                y[k * m + j] = row[c] * h.factors.get(j);
                w[k * m + j] = weight;
            }
        }
        return new MeasuredCurve(name, h.axis, x, h.names, y, w, lines);
    }

    private record Header(XAxis axis, double xFactor, List<Integer> componentColumns, List<String> names,
                          List<Double> factors, int weightColumn) {
    }

    private static Header header(String name, int line, String[] header, List<String> components,
                                 String concentrationUnit) throws CaseException {
        String[] first = nameAndUnit(header[0]);
        XAxis axis = XAxis.named(first[0]);
        if (axis == null) {
            throw new CaseException(where(name, line, 0, header[0]), "an x column named '" + first[0] + "'",
                    "time, volume or column_volumes (CV), with a unit, e.g. time (min)");
        }
        double xFactor = axis == XAxis.COLUMN_VOLUMES ? cvUnit(where(name, line, 0, header[0]), first[1])
                : first[1] == null ? 1.0 : Units.toSi(where(name, line, 0, header[0]), "1 " + first[1],
                axis.kind(), "").si();
        List<Integer> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Double> factors = new ArrayList<>();
        int weight = -1;
        for (int c = 1; c < header.length; c++) {
            String field = where(name, line, c, header[c]);
            String[] nu = nameAndUnit(header[c]);
            if (nu[0].equalsIgnoreCase(WEIGHT) && nu[1] == null && weight < 0) {
                weight = c;
                continue;
            }
            if (!components.contains(nu[0])) {
                throw new CaseException(field, "a column '" + nu[0] + "'", "one of the case's components "
                        + components + " with a concentration unit, e.g. " + components.get(0) + " (mg/mL), or "
                        + WEIGHT);
            }
            if (names.contains(nu[0])) {
                throw new CaseException(field, "a second column for " + nu[0], "one column per component");
            }
            columns.add(c);
            names.add(nu[0]);
            factors.add(concentrationFactor(field, nu[1], concentrationUnit));
        }
        if (columns.isEmpty()) {
            throw new CaseException(where(name, line, 0, header[0]), "no concentration column",
                    "at least one column named after a component of the case " + components);
        }
        return new Header(axis, xFactor, columns, names, factors, weight);
    }

    private static double concentrationFactor(String field, String unit, String concentrationUnit)
            throws CaseException {
        if (unit == null) {
            return 1.0; // a bare number is SI, as in a case file
        }
        Quantity q = Units.toSi(field, "1 " + unit, QuantityKind.CONCENTRATION, "");
        if (q.family() != null && !q.family().siUnit().equals(concentrationUnit)) {
            throw new CaseException(field, unit + " (" + q.family().siUnit() + " family)",
                    "a concentration unit of the case's family (" + concentrationUnit + ")");
        }
        return q.si();
    }

    private static double cvUnit(String field, String unit) throws CaseException {
        if (unit == null || unit.equals("1") || unit.equalsIgnoreCase("CV") || unit.equals("-")) {
            return 1.0;
        }
        throw new CaseException(field, "unit " + unit, "column volumes without a unit, or (CV)");
    }

    private static String[] nameAndUnit(String cell) {
        Matcher m = NAME_UNIT.matcher(cell.strip().replaceAll("^\"|\"$", ""));
        if (!m.matches()) {
            return new String[] {cell.strip(), null};
        }
        String unit = m.group(2) == null || m.group(2).isBlank() ? null : m.group(2).strip();
        return new String[] {m.group(1), unit};
    }

    private static double number(String field, String cell) throws CaseException {
        String text = cell.strip();
        double v;
        try {
            v = text.isEmpty() ? Double.NaN : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v) || text.matches("(?i).*(nan|inf).*")) {
            throw new CaseException(field, text.isEmpty() ? "an empty cell" : "'" + text + "'", "a finite number");
        }
        return v;
    }

    private static boolean skip(String line) {
        String s = line.strip();
        return s.isEmpty() || s.startsWith("#");
    }

    /** {@code file row L, column C 'header'} (column numbers from 1). */
    static String where(String file, int line, int column, String header) {
        return file + " row " + line + ", column " + (column + 1) + " '" + header.strip() + "'";
    }
}
