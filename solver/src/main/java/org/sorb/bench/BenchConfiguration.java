package org.sorb.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sorb.model.ConvectionScheme;
import org.sorb.model.Discretization;
import org.sorb.model.ParticleGrid;
import org.sorb.model.SpectralElements;

/**
 * One grid and tolerance of {@code sorb bench reference}, written as
 * <ul>
 *   <li>{@code NZxNR@REL[/ABS]}: finite volumes, NZ axial cells and NR equidistant shells, WENO3
 *       (e.g. {@code 64x8@1e-5});
 *   <li>{@code dg:PaxEa:PpxEp[:exact]@REL[/ABS]}: spectral elements, axial degree Pa on Ea elements, particle degree
 *       Pp on Ep elements, LGL-collocated or {@code :exact} axial integration (e.g. {@code dg:P3x8:P4x1@1e-6}); the
 *       {@code P}s may be left out; a particle degree 0 means Ep equidistant finite-volume shells under the DG axial
 *       elements ({@code dg:P3x8:P0x8}).
 * </ul>
 * REL is the relative time-integration tolerance; ABS, the absolute one, is {@link #ABS_PER_REL} x REL unless given
 * (CADET's benchmark script {@code casema.py} takes the same {@code @REL/ABS}, with the same default).
 *
 * @param grid   the spatial discretization
 * @param relTol relative tolerance of the time integration
 * @param absTol absolute tolerance of the time integration
 */
public record BenchConfiguration(Discretization grid, double relTol, double absTol) {
    /** The absolute tolerance per unit of relative tolerance when a configuration gives none. */
    public static final double ABS_PER_REL = 1e-4;
    /** What a configuration looks like, for error messages and help. */
    public static final String SYNTAX = "NZxNR@REL[/ABS] or dg:PaxEa:PpxEp[:exact]@REL[/ABS]";

    private static final Pattern FINITE_VOLUMES = Pattern.compile("(?:fv:)?(\\d+)x(\\d+)");
    private static final Pattern GALERKIN = Pattern.compile("dg:[Pp]?(\\d+)x(\\d+):[Pp]?(\\d+)x(\\d+)(:exact)?");

    /** Parses one configuration; the exception's message names it, says what is wrong and what is expected. */
    public static BenchConfiguration parse(String text) {
        String t = text.trim();
        int at = t.indexOf('@');
        if (at < 0 || t.indexOf('@', at + 1) >= 0) {
            throw bad(text, "expected one '@' between the grid and the tolerance");
        }
        Discretization grid = grid(text, t.substring(0, at));
        String tol = t.substring(at + 1);
        int slash = tol.indexOf('/');
        double rel = tolerance(text, "rel tol", slash < 0 ? tol : tol.substring(0, slash));
        double abs = slash < 0 ? rel * ABS_PER_REL : tolerance(text, "abs tol", tol.substring(slash + 1));
        return new BenchConfiguration(grid, rel, abs);
    }

    /** Parses every configuration, in order. */
    public static List<BenchConfiguration> parseAll(List<String> texts) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("--grid: no configuration given; expected " + SYNTAX);
        }
        List<BenchConfiguration> out = new ArrayList<>();
        for (String s : texts) {
            out.add(parse(s));
        }
        return out;
    }

    /** The grid's label ({@code 64x8}, {@code dg:P3x8:P4x1}, {@code dg:P3x8:P4x1:exact}). */
    public String label() {
        return grid.label();
    }

    /** {@code DG} for spectral elements (also with finite-volume shells in the particle), else {@code FV}. */
    public String method() {
        return grid.isGalerkin() ? "DG" : "FV";
    }

    /** The configuration as it parses back: the label, {@code @REL}, and {@code /ABS} when not the default. */
    @Override
    public String toString() {
        String s = label() + "@" + number(relTol);
        return absTol == relTol * ABS_PER_REL ? s : s + "/" + number(absTol);
    }

    /** A tolerance in the short scientific form it is typed in ({@code 1e-5}, {@code 2.5e-7}), exactly. */
    static String number(double v) {
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
    }

    private static Discretization grid(String text, String g) {
        Matcher fv = FINITE_VOLUMES.matcher(g);
        if (fv.matches()) {
            int nz = count(text, "axial cells", fv.group(1));
            int nr = count(text, "particle cells", fv.group(2));
            if (nz < 3 || nr < 1) {
                throw bad(text, "expected at least 3 axial cells and 1 particle cell");
            }
            return new Discretization(nz, nr, ParticleGrid.EQUIDISTANT, ConvectionScheme.WENO3);
        }
        Matcher dg = GALERKIN.matcher(g);
        if (dg.matches()) {
            int degree = count(text, "axial degree", dg.group(1));
            int elements = count(text, "axial elements", dg.group(2));
            int particleDegree = count(text, "particle degree", dg.group(3));
            int particleElements = count(text, "particle elements", dg.group(4));
            try {
                return Discretization.galerkin(new SpectralElements(elements, degree, particleElements, particleDegree,
                        dg.group(5) != null));
            } catch (ArithmeticException e) {
                throw bad(text, "too many nodes");
            } catch (IllegalArgumentException e) {
                throw bad(text, e.getMessage());
            }
        }
        throw bad(text, "grid '" + g + "' is neither NZxNR nor dg:PaxEa:PpxEp[:exact]");
    }

    private static int count(String text, String what, String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw bad(text, what + " " + digits + " is too large");
        }
    }

    private static double tolerance(String text, String what, String s) {
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw bad(text, what + " '" + s + "' is not a number");
        }
        if (!(v > 0 && v < 1)) {
            throw bad(text, what + " " + s + " must lie strictly between 0 and 1");
        }
        return v;
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("--grid '" + text + "': " + why + " (expected " + SYNTAX + ")");
    }
}
