package org.sorb.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.sorb.model.BindingModel;
import org.sorb.model.Column;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.InitialState;
import org.sorb.model.Inlet;
import org.sorb.model.InvalidModelException;
import org.sorb.model.Particle;
import org.sorb.numerics.HostMemory;

/** Turns a merged case tree (material expanded, overrides applied) into a validated {@link ColumnCase}. */
final class CaseReader {
    /**
     * Keys a case file may have at the top level; units/conversions/provenance are written by Sorb itself, and
     * {@code sweep} is taken off by {@link CaseLoader} before a design is read.
     */
    static final List<String> TOP_KEYS = List.of("name", "description", "components", "material", "column",
            "particle", "binding", "inlet", "initial", "discretization", "solver", "output", "units",
            "conversions", "provenance", "sweep", MetricsReader.MOBILE_PHASE, MetricsReader.METRICS);

    private CaseReader() {
    }

    /** Fails on an unknown top-level key, naming the closest valid one. */
    static void checkTopLevelKeys(ObjectNode tree) throws CaseException {
        new Section(tree, "", new ReadContext()).allowKeys(TOP_KEYS);
    }

    static ColumnCase read(ObjectNode tree, ReadContext context) throws CaseException {
        Section root = new Section(tree, "", context);
        root.allowKeys(TOP_KEYS);
        SiUnits.read(root.section("units"));
        String name = name(root);
        Components components = Components.read(root);
        Section columnSection = root.requireSection("column", "a column section (model, length, bed_porosity, "
                + "a velocity, axial_dispersion)");
        Column column = mapped(() -> ColumnReader.read(columnSection));
        context.residenceTime(column.residenceTime());
        Section particleSection = root.section("particle");
        if (particleSection == null && column.model() != ColumnModel.LUMPED_RATE) {
            throw new CaseException("particle", "nothing", "a particle section (radius, porosity, film_diffusion"
                    + (column.model() == ColumnModel.GENERAL_RATE ? ", pore_diffusion" : "") + ") for column.model "
                    + column.model().key());
        }
        Particle particle = mapped(() -> ParticleReader.read(particleSection, column, components));
        Section bindingSection = root.requireSection("binding", "a binding section (model, ka, kd, ...)");
        BindingModel binding = mapped(() -> BindingReader.read(bindingSection, components, column.bedPorosity(),
                particle.porosity()));
        Inlet inlet = mapped(() -> InletReader.read(root, components));
        InitialState initial = mapped(() -> InitialReader.read(root.section("initial"), components, binding));
        ColumnCase model = mapped(() -> new ColumnCase(name, components.names(), column, particle, binding, inlet,
                initial, NumericsReader.discretization(root.section("discretization")),
                NumericsReader.solver(root.section("solver")),
                OutputReader.read(root.section("output"), inlet.endTime())));
        MemoryGuard.single(model, root, HostMemory::availableFor);
        return model;
    }

    private static String name(Section root) throws CaseException {
        String expected = "a case name (used for the output file name), e.g. protein-a-breakthrough";
        root.require("name", expected);
        String name = root.text("name", null).trim();
        if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
            throw new CaseException("name", "'" + name + "'", expected + ", without / or \\");
        }
        return name;
    }

    /** A step of reading that may throw the model records' own validation errors. */
    private interface Step<T> {
        T run() throws CaseException;
    }

    /** Runs {@code step}, turning an {@link InvalidModelException} into a CaseException on the same field. */
    private static <T> T mapped(Step<T> step) throws CaseException {
        try {
            return step.run();
        } catch (InvalidModelException e) {
            String prefix = e.field() + ": ";
            String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length())
                    : e.getMessage();
            throw new CaseException(e.field(), message);
        }
    }
}
