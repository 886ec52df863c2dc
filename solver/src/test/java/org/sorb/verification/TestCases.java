package org.sorb.verification;

import java.util.ArrayList;
import java.util.List;
import org.sorb.model.BiLangmuirBinding;
import org.sorb.model.BindingModel;
import org.sorb.model.Column;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.ConvectionScheme;
import org.sorb.model.Discretization;
import org.sorb.model.InitialState;
import org.sorb.model.Inlet;
import org.sorb.model.InletSection;
import org.sorb.model.LangmuirBinding;
import org.sorb.model.LinearBinding;
import org.sorb.model.OutputSpec;
import org.sorb.model.Particle;
import org.sorb.model.PhLangmuirBinding;
import org.sorb.model.ParticleGrid;
import org.sorb.model.StericMassActionBinding;
import org.sorb.model.TimeIntegration;

/** Small programmatic cases for the numerical tests: CADET's benchmark geometry with chosen binding. */
public final class TestCases {
    /** CADET's SMA benchmark (cadet_GRM_reqSMA_4comp_LWE): ionic capacity (mol/m^3) and protein parameters. */
    static final double SMA_LAMBDA = 1200.0;
    static final double[] SMA_KA = {35.5, 1.59, 7.7};
    static final double SMA_KD = 1000.0;
    static final double[] SMA_NU = {4.7, 5.29, 3.7};
    static final double[] SMA_SIGMA = {11.83, 10.6, 10.0};

    private TestCases() {
    }

    /** Binding of the given kind for n components, kinetic or rapid equilibrium, rates scaled by {@code scale}. */
    public static BindingModel binding(String kind, int n, boolean kinetic, double scale) {
        double[] ka = new double[n];
        double[] kd = new double[n];
        double[] qmax = new double[n];
        for (int i = 0; i < n; i++) {
            ka[i] = scale * (3.55 - 0.5 * i);
            kd[i] = scale * (0.1 + 0.05 * i);
            qmax[i] = 10.0 + 2.0 * i;
        }
        return switch (kind) {
            case "linear" -> new LinearBinding(kinetic, ka, kd);
            case "langmuir" -> new LangmuirBinding(kinetic, ka, kd, qmax);
            case "bi_langmuir" -> {
                double[] ka2 = new double[2 * n];
                double[] kd2 = new double[2 * n];
                double[] q2 = new double[2 * n];
                for (int i = 0; i < n; i++) {
                    ka2[i] = ka[i];
                    kd2[i] = kd[i];
                    q2[i] = qmax[i];
                    ka2[n + i] = 0.3 * ka[i];
                    kd2[n + i] = 2.0 * kd[i];
                    q2[n + i] = 0.5 * qmax[i];
                }
                yield new BiLangmuirBinding(kinetic, ka2, kd2, q2);
            }
            case "ph_langmuir" -> {
                // component 0 is the pH; Hill centres near the test states' "pH" values (0.1 .. 1.3) so that
                // every derivative, d/dpH included, is far from zero
                int nb = n - 1;
                double[] etaA = new double[nb];
                double[] pkaA = new double[nb];
                double[] etaG = new double[nb];
                double[] pkaG = new double[nb];
                for (int s = 0; s < nb; s++) {
                    etaA[s] = 1.5 + 0.2 * s;
                    pkaA[s] = 0.8 - 0.1 * s;
                    etaG[s] = 2.0 - 0.3 * s;
                    pkaG[s] = 0.6 + 0.1 * s;
                }
                yield new PhLangmuirBinding(kinetic, java.util.Arrays.copyOf(ka, nb), java.util.Arrays.copyOf(kd, nb),
                        java.util.Arrays.copyOf(qmax, nb), etaA, pkaA, etaG, pkaG);
            }
            case "steric_mass_action" -> {
                // component 0 is the salt; the proteins take CADET's benchmark values in turn (c_ref = q_ref = 1,
                // molar concentrations), ka and kd scaled together
                int np = n - 1;
                double[] smaKa = new double[np];
                double[] smaKd = new double[np];
                double[] nu = new double[np];
                double[] sigma = new double[np];
                for (int p = 0; p < np; p++) {
                    smaKa[p] = scale * SMA_KA[p % 3];
                    smaKd[p] = scale * SMA_KD;
                    nu[p] = SMA_NU[p % 3];
                    sigma[p] = SMA_SIGMA[p % 3];
                }
                yield new StericMassActionBinding(kinetic, SMA_LAMBDA, smaKa, smaKd, nu, sigma, 1.0, 1.0);
            }
            default -> throw new IllegalArgumentException("no test fixture for binding model " + kind);
        };
    }

    /**
     * CADET's benchmark column (L = 0.014 m, u = 5.75e-4 m/s, eps_c = 0.37, eps_p = 0.75, r_p = 45 um,
     * k_f = 6.9e-6 m/s, D_p = 6.07e-11 m^2/s) with the given model, binding and inlet.
     */
    public static ColumnCase benchmarkColumn(ColumnModel model, BindingModel binding, int nz, int nr,
                                             double[] feed, double loadEnd, double washEnd, double interval,
                                             double absTol, double relTol) {
        int n = binding.components();
        double[] kf = new double[n];
        double[] dp = new double[n];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            kf[i] = 6.9e-6;
            dp[i] = 6.07e-11 * (1.0 - 0.2 * i);
            names.add("C" + i);
        }
        Particle particle = model == ColumnModel.LUMPED_RATE ? new Particle(0.0, 0.0, null, null)
                : new Particle(4.5e-5, 0.75, kf, model == ColumnModel.GENERAL_RATE ? dp : null);
        double bedPorosity = model == ColumnModel.LUMPED_RATE ? 0.37 + 0.63 * 0.75 : 0.37;
        Inlet inlet = new Inlet(List.of(new InletSection(loadEnd, feed, null),
                new InletSection(washEnd, new double[n], null)));
        return new ColumnCase("test", names, new Column(model, 0.014, bedPorosity, 5.75e-4, 5.75e-8), particle,
                binding, inlet, InitialState.empty(n),
                new Discretization(nz, nr, ParticleGrid.EQUIDISTANT, ConvectionScheme.WENO3),
                new TimeIntegration(absTol, relTol, 1e-4, 10_000_000), new OutputSpec(interval, null));
    }

    /**
     * {@code c} with a smooth polynomial feed pulse instead of its inlet: feed_i (3 x^2 - 2 x^3), x = t / rise, up
     * over [0, rise] (quadratic and cubic terms), feed_i (1 - (dt / fall)^2) down over the next {@code fall} seconds
     * (a quadratic term), then no feed until {@code washEnd}.
     */
    public static ColumnCase withPolynomialPulse(ColumnCase c, double[] feed, double rise, double fall,
                                                 double washEnd) {
        int n = feed.length;
        double[] quadUp = new double[n];
        double[] cubeUp = new double[n];
        double[] quadDown = new double[n];
        for (int i = 0; i < n; i++) {
            quadUp[i] = 3.0 * feed[i] / (rise * rise);
            cubeUp[i] = -2.0 * feed[i] / (rise * rise * rise);
            quadDown[i] = -feed[i] / (fall * fall);
        }
        Inlet inlet = new Inlet(List.of(new InletSection(rise, new double[n], null, quadUp, cubeUp),
                new InletSection(rise + fall, feed, null, quadDown, null),
                new InletSection(washEnd, new double[n], null)));
        return new ColumnCase(c.name(), c.components(), c.column(), c.particle(), c.binding(), inlet, c.initial(),
                c.discretization(), c.solver(), c.output());
    }
}
