package org.sorb.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sorb.bench.BenchConfiguration;
import org.sorb.bench.ReferenceBenchmark;
import org.sorb.bench.ReferenceBenchmark.Fastest;
import org.sorb.bench.ReferenceBenchmark.Measurement;
import org.sorb.io.CadetReference;

/**
 * {@code sorb bench reference}'s output: one row per configuration as it is measured (finite volumes and DG in one
 * table), then the fastest configuration of each method within each error decade, side by side.
 */
final class ReferenceTable {
    private ReferenceTable() {
    }

    static void print(PrintWriter out, String name, CadetReference ref, List<BenchConfiguration> configs, int warmup,
                      int repeats) {
        out.printf("reference: %s (%s)%n", name, ref.model().key());
        out.printf("java %s, %d cores, repeats %d (median), warm-up %d; in-process solve time (no JVM start, no "
                + "output)%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), repeats,
                warmup);
        out.println("| method | grid | unknowns | rel tol | abs tol | max abs error | median time (s) | min time (s) "
                + "| steps | Newton iterations |");
        out.println("|---|---|---|---|---|---|---|---|---|---|");
        out.flush();
        List<Measurement> ms = new ArrayList<>();
        for (BenchConfiguration c : configs) {
            Measurement m = ReferenceBenchmark.run(ref, c, warmup, repeats);
            ms.add(m);
            out.printf(Locale.ROOT, "| %s | %s | %d | %.0e | %.0e | %.2e | %.4f | %.4f | %d | %d |%n", c.method(),
                    c.label(), m.unknowns(), c.relTol(), c.absTol(), m.maxError(), m.medianSeconds(), m.minSeconds(),
                    m.steps(), m.newtonIterations());
            out.flush();
        }
        List<Fastest> decades = ReferenceBenchmark.fastestPerDecade(ms);
        if (decades.isEmpty()) {
            return;
        }
        out.println();
        out.println("fastest within each error bound (median time):");
        out.println("| max error <= | FV | FV error | FV time (s) | DG | DG error | DG time (s) | FV time / DG time |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (Fastest f : decades) {
            String ratio = f.fv().isPresent() && f.dg().isPresent()
                    ? String.format(Locale.ROOT, "%.2f", f.fv().get().medianSeconds() / f.dg().get().medianSeconds())
                    : "-";
            out.printf(Locale.ROOT, "| %.0e | %s | %s |%n", f.bound(), cells(f.fv()) + " | " + cells(f.dg()), ratio);
        }
        out.flush();
    }

    private static String cells(Optional<Measurement> m) {
        return m.map(x -> String.format(Locale.ROOT, "%s | %.2e | %.4f", x.config(), x.maxError(), x.medianSeconds()))
                .orElse("- | - | -");
    }
}
