package org.sorb.treatment;

import java.util.Arrays;
import org.sorb.numerics.DenseLu;
import org.sorb.numerics.SolverException;

/**
 * Patient and circuit lines as amounts x = (M_iv, M_ev, M_T, M_R) per species (kg), advanced by the trapezoidal
 * rule: dx/dt = A x + b, with exchange, catabolism, synthesis, the draw into the pre-column volume M_T and the
 * return from the return line M_R.
 *
 * <p>The column's J_in leaves M_T (or the plasma when there is no pre-column volume) and its J_out enters M_R (or
 * the plasma when there is no return line), so every exchange appears with opposite signs in two balances.
 */
final class PatientModel {
    private final int ns;
    private final double pv;
    private final double qp;
    private final double qpp;
    private final double fdil;
    private final double vT;
    private final double vR;
    private final double[] kin;
    private final double[] kout;
    private final double[] kel;
    private final double[] synthesis;

    private final double[] iv;
    private final double[] ev;
    private final double[] tank;
    private final double[] ret;
    private final double[] lastReturnRate;
    private final double[] synthesized;
    private final double[] catabolized;

    // scratch of the trapezoidal step
    private final double[] a = new double[16];
    private final double[] m = new double[16];
    private final double[] rhs = new double[4];
    private final double[] x = new double[4];
    private final double[] b = new double[4];
    private final int[] piv = new int[4];

    /** The patient at its steady state (synthesis = catabolism) with empty, primed lines. */
    PatientModel(Patient p, Circuit c) {
        this.ns = p.count();
        this.pv = p.plasmaVolume();
        this.qp = c.plasmaFlow();
        this.fdil = c.dilution(p.hematocrit());
        this.qpp = c.patientPlasmaFlow(p.hematocrit());
        this.vT = c.preColumnVolume();
        this.vR = c.returnLineVolume();
        this.kin = new double[ns];
        this.kout = new double[ns];
        this.kel = new double[ns];
        this.synthesis = new double[ns];
        this.iv = new double[ns];
        this.ev = new double[ns];
        this.tank = new double[ns];
        this.ret = new double[ns];
        this.lastReturnRate = new double[ns];
        this.synthesized = new double[ns];
        this.catabolized = new double[ns];
        for (int k = 0; k < ns; k++) {
            Species s = p.species().get(k);
            kin[k] = s.exchangeIn();
            kout[k] = s.exchangeOut();
            kel[k] = s.eliminationRate();
            iv[k] = s.concentration() * pv;
            double f = s.intravascularFraction();
            ev[k] = iv[k] * (1.0 - f) / f;
            synthesis[k] = s.synthesis() ? kel[k] * (iv[k] + ev[k]) : 0.0;
            // pre-column volume starts filled with diluted plasma, the return line with it too (primed, run-in)
            tank[k] = 0.0;
            ret[k] = 0.0;
        }
    }

    /** Plasma volume PV (m^3). */
    double plasmaVolume() {
        return pv;
    }

    /** Plasma flow through the column Q_p (m^3/s). */
    double plasmaFlow() {
        return qp;
    }

    /** Patient plasma drawn per second, Q_p / f_dil (m^3/s). */
    double patientPlasmaFlow() {
        return qpp;
    }

    /**
     * Column inlet of species k as a linear segment into value[c] and slope[c]: c_T = M_T / V_T and
     * dc_T/dt = (Q_pp M_iv / PV - Q_p M_T / V_T) / V_T, or f_dil M_iv / PV and its rate without a pre-column volume
     * (kg/m^3, kg/m^3/s).
     */
    void inlet(int k, int c, double[] value, double[] slope) {
        if (vT > 0) {
            value[c] = tank[k] / vT;
            slope[c] = (qpp * iv[k] / pv - qp * tank[k] / vT) / vT;
        } else {
            value[c] = fdil * iv[k] / pv;
            slope[c] = fdil * plasmaDerivative(k) / pv;
        }
    }

    /** dM_iv/dt at the current state, with the return at the last interval's rate when there is no return line. */
    private double plasmaDerivative(int k) {
        double d = -qpp * iv[k] / pv - (kout[k] + kel[k]) * iv[k] + kin[k] * ev[k] + synthesis[k];
        d += vR > 0 ? qp * ret[k] / vR : lastReturnRate[k];
        return d;
    }

    /**
     * Trapezoidal step of x = (M_iv, M_ev, M_T, M_R) per species: (I - dt/2 A) x' = (I + dt/2 A) x + dt b, with
     * the column's J_in and J_out (amounts over the step, kg) in b; {@code flowing} false: the circuit stands.
     */
    void step(double dt, boolean flowing, double[] jin, double[] jret) {
        double qd = flowing ? qpp : 0.0;
        double qr = flowing ? qp : 0.0;
        for (int k = 0; k < ns; k++) {
            Arrays.fill(a, 0.0);
            Arrays.fill(b, 0.0);
            a[0] = -(kout[k] + kel[k]);
            a[1] = kin[k];
            a[4] = kout[k];
            a[5] = -(kin[k] + kel[k]);
            b[0] = synthesis[k];
            if (vT > 0) {
                a[0] -= qd / pv;
                a[8] = qd / pv;
                b[2] = -jin[k] / dt;
            } else {
                b[0] -= jin[k] / dt;
            }
            if (vR > 0) {
                a[3] = qr / vR;
                a[15] = -qr / vR;
                b[3] = jret[k] / dt;
            } else {
                b[0] += jret[k] / dt;
            }
            x[0] = iv[k];
            x[1] = ev[k];
            x[2] = tank[k];
            x[3] = ret[k];
            for (int r = 0; r < 4; r++) {
                double v = x[r] + dt * b[r];
                for (int c = 0; c < 4; c++) {
                    v += 0.5 * dt * a[r * 4 + c] * x[c];
                    m[r * 4 + c] = (r == c ? 1.0 : 0.0) - 0.5 * dt * a[r * 4 + c];
                }
                rhs[r] = v;
            }
            if (!DenseLu.factor(m, 0, 4, piv, 0)) {
                throw new SolverException("patient model: singular trapezoidal step matrix at dt = " + dt + " s");
            }
            DenseLu.solve(m, 0, 4, piv, 0, rhs, 0);
            catabolized[k] += 0.5 * dt * kel[k] * (x[0] + rhs[0] + x[1] + rhs[1]);
            synthesized[k] += dt * synthesis[k];
            iv[k] = rhs[0];
            ev[k] = rhs[1];
            tank[k] = rhs[2];
            ret[k] = rhs[3];
        }
    }

    /** Keeps the return rate J_out / dt of the interval just taken (kg/s) for the next inlet slope. */
    void returned(double[] jret, double dt) {
        for (int k = 0; k < ns; k++) {
            lastReturnRate[k] = jret[k] / dt;
        }
    }

    /** Rinse-back: M_iv += M_T + M_R, the lines empty and the return rate zero. */
    void rinseBack() {
        for (int k = 0; k < ns; k++) {
            iv[k] += tank[k] + ret[k];
            tank[k] = 0.0;
            ret[k] = 0.0;
            lastReturnRate[k] = 0.0;
        }
    }

    /** Adds {@code amounts} (kg per species) to the plasma: M_iv += amounts. */
    void receive(double[] amounts) {
        for (int k = 0; k < ns; k++) {
            iv[k] += amounts[k];
        }
    }

    /** Plasma concentrations M_iv / PV (kg/m^3), a new array. */
    double[] plasma() {
        double[] c = new double[ns];
        for (int k = 0; k < ns; k++) {
            c[k] = iv[k] / pv;
        }
        return c;
    }

    /** Extravascular amounts referred to the plasma volume, M_ev / PV (kg/m^3), a new array. */
    double[] extravascular() {
        double[] e = new double[ns];
        for (int k = 0; k < ns; k++) {
            e[k] = ev[k] / pv;
        }
        return e;
    }

    /** Amount in both pools, M_iv + M_ev, of species k (kg). */
    double patientAmount(int k) {
        return iv[k] + ev[k];
    }

    /** Amount in the lines, M_T + M_R, of species k (kg). */
    double linesAmount(int k) {
        return tank[k] + ret[k];
    }

    /** Amount of species k in patient and lines, M_iv + M_ev + M_T + M_R, summed in that order (kg). */
    double amount(int k) {
        return iv[k] + ev[k] + tank[k] + ret[k];
    }

    /** Amount synthesized so far per species (kg), the live array. */
    double[] synthesized() {
        return synthesized;
    }

    /** Amount catabolized so far per species (kg), the live array. */
    double[] catabolized() {
        return catabolized;
    }
}
