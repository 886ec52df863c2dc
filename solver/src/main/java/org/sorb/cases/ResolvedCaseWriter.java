package org.sorb.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sorb.model.BindingModel;
import org.sorb.model.BindingParameter;
import org.sorb.model.Column;
import org.sorb.model.ColumnCase;
import org.sorb.model.Discretization;
import org.sorb.model.InletSection;
import org.sorb.model.OutputSpec;
import org.sorb.model.Particle;
import org.sorb.model.TimeIntegration;

/**
 * Writes a validated model back as a case file in SI units, with its unit table, the notes on derived values
 * and where it came from; loading the text again gives the same model.
 */
public final class ResolvedCaseWriter {
    private ResolvedCaseWriter() {
    }

    /**
     * The resolved case as YAML text.
     *
     * @param model             the validated model (SI)
     * @param concentrationUnit "kg/m^3" or "mol/m^3"
     * @param conversions       how derived values were obtained, keyed by field (may be empty)
     * @param provenance        where the case came from: String or List&lt;String&gt; values (may be empty)
     */
    public static String write(ColumnCase model, String concentrationUnit, Map<String, String> conversions,
                               Map<String, Object> provenance) {
        StringBuilder out = new StringBuilder();
        YamlEmitter.mapping(document(model, concentrationUnit, conversions, provenance), 0, out);
        return out.toString();
    }

    /** The resolved case as nested maps, in the order {@link #write} emits them. */
    static Map<String, Object> document(ColumnCase model, String concentrationUnit, Map<String, String> conversions,
                                        Map<String, Object> provenance) {
        ConcentrationFamily family = ConcentrationFamily.fromSiUnit(concentrationUnit);
        if (family == null) {
            throw new IllegalArgumentException("concentration unit must be kg/m^3 or mol/m^3: " + concentrationUnit);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", model.name());
        doc.put("components", model.components());
        doc.put("column", column(model.column()));
        doc.put("particle", particle(model.particle()));
        doc.put("binding", binding(model.binding()));
        doc.put("inlet", inlet(model));
        Map<String, Object> initial = new LinkedHashMap<>();
        initial.put("bulk", model.initial().bulk());
        initial.put("bound", model.initial().bound());
        doc.put("initial", initial);
        doc.put("discretization", discretization(model.discretization()));
        doc.put("solver", solver(model.solver()));
        doc.put("output", output(model.output()));
        doc.put("units", new LinkedHashMap<String, Object>(SiUnits.table(family)));
        doc.put("conversions", new LinkedHashMap<String, Object>(conversions));
        doc.put("provenance", new LinkedHashMap<>(provenance));
        return doc;
    }

    private static Map<String, Object> column(Column c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", c.model().key());
        m.put("length", c.length());
        m.put("bed_porosity", c.bedPorosity());
        m.put("interstitial_velocity", c.interstitialVelocity());
        m.put("axial_dispersion", c.axialDispersion());
        return m;
    }

    private static Map<String, Object> particle(Particle p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("radius", p.radius());
        m.put("porosity", p.porosity());
        m.put("film_diffusion", p.filmDiffusion().length == 0 ? null : p.filmDiffusion());
        m.put("pore_diffusion", p.poreDiffusion().length == 0 ? null : p.poreDiffusion());
        return m;
    }

    /** Model, kinetic flag and every declared parameter in declaration order (a scalar as one number). */
    private static Map<String, Object> binding(BindingModel b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", b.key());
        m.put("kinetic", b.kinetic());
        for (BindingParameter p : b.declaration().parameters()) {
            double[] v = b.values(p.key());
            m.put(p.key(), p.count() == BindingParameter.Count.SCALAR ? (Object) v[0] : v);
        }
        return m;
    }

    private static List<Map<String, Object>> inlet(ColumnCase model) {
        List<Map<String, Object>> sections = new ArrayList<>();
        for (InletSection s : model.inlet().sections()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("until", s.end());
            m.put("concentration", s.concentration());
            m.put("slope", nonZero(s.slope()));
            m.put("quadratic", nonZero(s.quadratic()));
            m.put("cubic", nonZero(s.cubic()));
            sections.add(m);
        }
        return sections;
    }

    /** The coefficients, or null (the key left out) when all are zero. */
    private static double[] nonZero(double[] terms) {
        for (double v : terms) {
            if (v != 0.0) {
                return terms;
            }
        }
        return null;
    }

    private static Map<String, Object> discretization(Discretization d) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (d.isGalerkin()) {
            m.put("method", "dg");
            m.put("axial_elements", d.dg().axialElements());
            m.put("polynomial_degree", d.dg().degree());
            m.put("particle_elements", d.dg().particleElements());
            m.put("particle_polynomial_degree", d.dg().particleDegree());
            m.put("integration", d.dg().exactIntegration() ? "exact" : "collocated");
            return m;
        }
        m.put("method", "fv");
        m.put("axial_cells", d.axialCells());
        m.put("particle_cells", d.particleCells());
        m.put("particle_grid", d.particleGrid().key());
        m.put("convection", d.convection().key());
        return m;
    }

    private static Map<String, Object> solver(TimeIntegration t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("abs_tol", t.absTol());
        m.put("rel_tol", t.relTol());
        m.put("initial_step", t.initialStep());
        m.put("max_steps", t.maxSteps());
        return m;
    }

    private static Map<String, Object> output(OutputSpec o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("interval", o.interval());
        if (o.profileTimes().length > 0) {
            Map<String, Object> profiles = new LinkedHashMap<>();
            profiles.put("times", o.profileTimes());
            m.put("profiles", profiles);
        }
        return m;
    }
}
