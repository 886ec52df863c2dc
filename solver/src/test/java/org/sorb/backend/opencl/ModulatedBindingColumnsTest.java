package org.sorb.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.bench.SmaLoadWashElute;
import org.sorb.model.Column;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.ConvectionScheme;
import org.sorb.model.Discretization;
import org.sorb.model.InitialState;
import org.sorb.model.Inlet;
import org.sorb.model.InletSection;
import org.sorb.model.OutputSpec;
import org.sorb.model.Particle;
import org.sorb.model.ParticleGrid;
import org.sorb.model.PhLangmuirBinding;
import org.sorb.model.TimeIntegration;

/**
 * Whole load-wash-elute runs of the binding models with a modulator component on OpenCL against the Java path, with
 * {@link RandomDesignsAgreementTest}'s tolerance-aware bound (the OpenCL run's time error at most
 * {@link RandomDesignsAgreementTest#ACCURACY_RATIO} times the Java run's, against a Java run with 1000x tighter
 * tolerances on the same grid): CADET's steric-mass-action benchmark (salt and three proteins, a salt gradient) and
 * a pH-step elution on pH-dependent Langmuir (as {@code treatment/PhElutionColumnTest}), both at 32 x 4 cells.
 */
class ModulatedBindingColumnsTest extends OnOpenClDevice {
    static final int NZ = 32;
    static final int NR = 4;

    @Test
    void smaLoadWashEluteOnOpenClIsAsAccurateAsTheJavaPath() {
        RandomDesignsAgreementTest.Outcome o = RandomDesignsAgreementTest.compare(SmaLoadWashElute.of(NZ, NR));
        System.out.printf("SMA load-wash-elute %d x %d: %s%n", NZ, NR, o);
        assertTrue(o.withinBound(), "OpenCL less accurate than the Java path: " + o);
    }

    @Test
    void phStepElutionOnOpenClIsAsAccurateAsTheJavaPath() {
        RandomDesignsAgreementTest.Outcome o = RandomDesignsAgreementTest.compare(phStepElution());
        System.out.printf("pH-step elution %d x %d: %s%n", NZ, NR, o);
        assertTrue(o.withinBound(), "OpenCL less accurate than the Java path: " + o);
    }

    /** Two IgG subclasses loaded at pH 7.4, washed, eluted at pH 3 and re-equilibrated (PhElutionColumnTest). */
    static ColumnCase phStepElution() {
        PhLangmuirBinding b = new PhLangmuirBinding(true, new double[] {5.0, 0.7}, new double[] {0.1, 0.1},
                new double[] {100.0, 100.0}, new double[] {3.0, 3.0}, new double[] {4.3, 5.0},
                new double[] {2.0, 2.0}, new double[] {4.0, 4.8});
        Particle p = new Particle(45e-6, 0.8, new double[] {1e-4, 1.4e-5, 1.4e-5}, new double[] {1e-9, 1e-11, 1e-11});
        Inlet inlet = new Inlet(List.of(
                new InletSection(600, new double[] {7.4, 1.0, 0.2}, null),
                new InletSection(1200, new double[] {7.4, 0.0, 0.0}, null),
                new InletSection(2400, new double[] {3.0, 0.0, 0.0}, null),
                new InletSection(3000, new double[] {7.4, 0.0, 0.0}, null)));
        return new ColumnCase("ph-step", List.of("pH", "IgG1", "IgG3"),
                new Column(ColumnModel.GENERAL_RATE, 0.05, 0.35, 1.2e-3, 1e-7), p, b, inlet,
                new InitialState(new double[] {7.4, 0.0, 0.0}, null),
                new Discretization(NZ, NR, ParticleGrid.EQUIDISTANT, ConvectionScheme.WENO3),
                new TimeIntegration(1e-8, 1e-6, 1e-3, 1_000_000), new OutputSpec(10.0, null));
    }
}
