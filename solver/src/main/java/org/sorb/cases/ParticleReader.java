package org.sorb.cases;

import java.util.List;
import org.sorb.model.Column;
import org.sorb.model.ColumnModel;
import org.sorb.model.Particle;

/**
 * Reads the {@code particle:} section; what is required depends on the column model: the general rate model
 * needs everything, the lumped rate model with pores no pore diffusion, the lumped rate model nothing.
 */
final class ParticleReader {
    static final List<String> KEYS = List.of("radius", "porosity", "film_diffusion", "pore_diffusion");

    private ParticleReader() {
    }

    static Particle read(Section s, Column column, Components components) throws CaseException {
        ColumnModel model = column.model();
        if (s == null) {
            return new Particle(0.0, 0.0, null, null);
        }
        s.allowKeys(KEYS);
        boolean lumped = model == ColumnModel.LUMPED_RATE;
        int n = components.count();
        String perComponent = components.perComponentText();
        double radius = lumped ? s.number("radius", QuantityKind.LENGTH, Range.NON_NEGATIVE, 0.0)
                : s.number("radius", QuantityKind.LENGTH, Range.POSITIVE);
        double porosity = lumped ? s.number("porosity", QuantityKind.NUMBER, Range.ZERO_TO_ONE, 0.0)
                : s.number("porosity", QuantityKind.NUMBER, Range.OPEN_UNIT);
        double[] film = lumped && !s.has("film_diffusion") ? null
                : FilmReader.read(s, column, radius, n, perComponent);
        double[] pore = model != ColumnModel.GENERAL_RATE && !s.has("pore_diffusion") ? null
                : s.numbers("pore_diffusion", QuantityKind.DIFFUSIVITY, Range.POSITIVE, n, perComponent);
        return new Particle(radius, porosity, film, pore);
    }
}
