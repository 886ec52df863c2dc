import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.sorb.backend.JavaBackend;
import org.sorb.cases.CaseLoader;
import org.sorb.model.ColumnCase;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ProgressListener;

/**
 * Writes a synthetic breakthrough curve made by Sorb: the case simulated on the Java path, every EVERY-th outlet
 * sample of component 0 plus Gaussian noise of NOISE x the largest outlet value (seeded), as a CSV that `sorb fit`
 * reads, in column volumes. Run with the jar on the class path (Java's single-file source mode):
 * java -cp solver/target/sorb.jar scripts/SyntheticCurve.java CASE.yaml OUT.csv SEED NOISE EVERY [key=value ...]
 */
public final class SyntheticCurve {
    public static void main(String[] args) throws Exception {
        Path caseFile = Path.of(args[0]);
        Path out = Path.of(args[1]);
        long seed = Long.parseLong(args[2]);
        double noise = Double.parseDouble(args[3]);
        int every = Integer.parseInt(args[4]);
        List<String> overrides = List.of(args).subList(5, args.length);
        ColumnCase model = CaseLoader.load(caseFile, overrides).model();
        SimulationResult r;
        try (JavaBackend java = new JavaBackend(1)) {
            r = java.simulate(model, ProgressListener.NONE);
        }
        double[] t = r.time();
        double peak = 0;
        for (int k = 0; k < t.length; k++) {
            peak = Math.max(peak, r.outlet(k, 0));
        }
        double perCv = model.column().length() / (model.column().bedPorosity() * model.column().interstitialVelocity());
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        lines.add("# synthetic curve made by Sorb (scripts/SyntheticCurve.java): " + caseFile.getFileName() + " with "
                + String.join(" ", overrides) + "; Gaussian noise sd " + noise + " x " + peak + " (peak), seed " + seed);
        lines.add("column_volumes (CV), " + model.components().get(0) + " (mg/mL)");
        for (int k = every; k < t.length; k += every) {
            double c = r.outlet(k, 0) + noise * peak * random.nextGaussian();
            lines.add(String.format(Locale.ROOT, "%.6f, %.8f", t[k] / perCv, c));
        }
        Files.write(out, lines);
    }
}
