package org.sorb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sorb.backend.Backend;
import org.sorb.cases.CaseException;
import org.sorb.cases.CaseLoader;
import org.sorb.cases.LoadedCase;
import org.sorb.cases.ParameterizedCase;
import org.sorb.fit.BatchRunner;
import org.sorb.fit.CurveCsvReader;
import org.sorb.fit.CurveFit;
import org.sorb.fit.DesignRunner;
import org.sorb.fit.Experiment;
import org.sorb.fit.ExperimentsReader;
import org.sorb.fit.FitFailure;
import org.sorb.fit.FitResult;
import org.sorb.fit.FitSettings;
import org.sorb.fit.Fitter;
import org.sorb.fit.SequentialRunner;
import org.sorb.io.FitResultWriter;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.RunBudget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sorb fit CASE.yaml --data CURVE.csv --fit KEY,...}: fits key paths of a case to measured curves and writes
 * the fit (HDF5), a PNG of data against fit and the fitted case (YAML). Exit 1 when the fit does not converge (the
 * files hold the best point).
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fit case parameters to measured outlet curves (Levenberg-Marquardt, batched Jacobians) and "
                + "write FIT.h5, FIT.png and FIT.yaml (the fitted case)."})
final class FitCommand implements Callable<Integer> {
    @ParentCommand
    private SorbCli cli;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CaseArguments caseArguments;

    @Option(names = "--data", paramLabel = "CURVE.csv", description = "One measured curve (CSV: x column, one "
            + "column per measured component, optional weight).")
    private Path data;

    @Option(names = "--experiments", paramLabel = "EXPERIMENTS.yaml", description = "Several curves fitted "
            + "jointly, each with its own settings (instead of --data).")
    private Path experiments;

    @Option(names = "--fit", paramLabel = "KEY,...", required = true, split = ",",
            description = "Key paths to fit, e.g. binding.qmax[0],particle.pore_diffusion[0].")
    private List<String> keys;

    @Option(names = "--bounds", paramLabel = "KEY=LOW:HIGH", split = ",(?=[A-Za-z_])",
            description = "Bounds in SI units, e.g. binding.qmax[0]=10:500 (default: start/1000 to start*1000 for a "
                    + "positive start).")
    private List<String> bounds = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FIT.h5",
            description = "Fit file (default: <case name>-fit.h5); FIT.png and FIT.yaml are written beside it.")
    private Path output;

    @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "50",
            description = "Most Levenberg-Marquardt iterations (default: ${DEFAULT-VALUE}).")
    private int maxIterations;

    @Mixin
    private BackendChoice backendChoice;

    @Option(names = "--sequential", description = "Simulate the designs of each Jacobian one after the other with "
            + "single runs (the loop of a one-simulation-per-call tool), for benchmarks; default: one batch.")
    private boolean sequential;

    @Mixin
    private WallBudgetOption wallBudget;

    @Override
    public Integer call() {
        return Failures.guard(spec, this::fit);
    }

    private int fit() throws Exception {
        RunBudget budget = wallBudget.budget(System.nanoTime());
        if ((data == null) == (experiments == null)) {
            throw new UsageException("give exactly one of --data CURVE.csv and --experiments EXPERIMENTS.yaml");
        }
        if (maxIterations < 1) {
            throw new UsageException("--max-iterations " + maxIterations + ": expected 1 or more");
        }
        Path caseFile = caseArguments.file(cli.workingDir());
        List<String> overrides = caseArguments.overrides();
        LoadedCase base = CaseLoader.load(caseFile, overrides);
        ParameterizedCase.load(caseFile, overrides, keys); // every key checked before a backend opens
        List<Experiment> list = experiments(base);
        Map<String, double[]> parsedBounds = bounds();
        Path target = OutputTarget.resolve(cli.workingDir(), output, cli.workingDir().resolve(
                OutputTarget.fileName(base.model().name() + "-fit", ".h5")));
        String stem = target.getFileName().toString().replaceFirst("\\.h5$", "");
        FitSettings settings = new FitSettings(maxIterations, 4 * maxIterations, FitSettings.DEFAULT.costTolerance(),
                FitSettings.DEFAULT.stepTolerance(), FitSettings.DEFAULT.defaultRange());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int designs = sequential ? 1 : list.size() * (keys.size() + 1);
        FitResult fit;
        String name;
        String description;
        try (Backend b = backendChoice.open(cli.backends(), err, designs)) {
            name = b.name();
            description = b.description();
            DesignRunner runner = sequential ? new SequentialRunner(b, budget)
                    : new BatchRunner(b, budget, ProgressListener.NONE);
            fit = Fitter.fit(caseFile, overrides, list, keys, parsedBounds, runner, settings,
                    (iteration, sumOfSquares, values) -> {
                        err.println(String.format(Locale.ROOT, "iteration %d: sum of squares %.6g at %s", iteration,
                                sumOfSquares, describe(values)));
                        err.flush();
                    });
        } catch (FitFailure e) {
            throw new RunFailure("fit failed: " + e.getMessage(), e);
        }
        FitResultWriter.write(target, fit, name, description);
        Path png = target.resolveSibling(stem + ".png");
        Path yaml = target.resolveSibling(stem + ".yaml");
        FitPlot.write(fit, png);
        writeText(yaml, fit.fittedCase().resolvedYaml());
        report(out, fit, target, png, yaml, description);
        if (!fit.converged()) {
            err.println("error: the fit did not converge: " + fit.reason() + "; the best point is in " + target);
            err.flush();
            return 1;
        }
        return 0;
    }

    private List<Experiment> experiments(LoadedCase base) throws UsageException, CaseException, IOException {
        List<String> components = base.model().components();
        String unit = base.concentrationUnit();
        if (experiments != null) {
            return ExperimentsReader.read(existing(experiments), components, unit);
        }
        Path csv = existing(data);
        String label = csv.getFileName().toString().replaceFirst("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9_.-]", "_");
        return List.of(new Experiment(label.isEmpty() ? "curve" : label, List.of(),
                CurveCsvReader.read(csv, components, unit), 1.0));
    }

    private Path existing(Path p) throws UsageException {
        Path file = cli.workingDir().resolve(p).normalize();
        if (!Files.isRegularFile(file)) {
            throw new UsageException("data file not found: " + file);
        }
        return file;
    }

    private Map<String, double[]> bounds() throws UsageException {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String b : bounds) {
            int eq = b.lastIndexOf('=');
            String[] range = eq < 0 ? new String[0] : b.substring(eq + 1).split(":", -1);
            try {
                if (range.length != 2) {
                    throw new NumberFormatException();
                }
                out.put(b.substring(0, eq).trim(), new double[] {Double.parseDouble(range[0].trim()),
                        Double.parseDouble(range[1].trim())});
            } catch (NumberFormatException e) {
                throw new UsageException("--bounds " + b + ": expected KEY=LOW:HIGH in SI units, e.g. "
                        + "binding.qmax[0]=10:500");
            }
        }
        return out;
    }

    private String describe(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (int q = 0; q < values.length; q++) {
            sb.append(q == 0 ? "" : ", ").append(keys.get(q)).append(String.format(Locale.ROOT, " = %.6g", values[q]));
        }
        return sb.toString();
    }

    private static void report(PrintWriter out, FitResult fit, Path h5, Path png, Path yaml, String device) {
        out.println("wrote " + h5 + ", " + png + ", " + yaml);
        out.println((fit.converged() ? "converged" : "NOT converged") + ": " + fit.reason());
        out.println(String.format(Locale.ROOT, "%d iterations, %d simulations, %.1f s (%s on %s)", fit.iterations(),
                fit.simulations(), fit.wallSeconds(), fit.runner(), device));
        out.println("| parameter | start | best fit | standard error | relative |");
        out.println("|---|---|---|---|---|");
        for (int q = 0; q < fit.keys().size(); q++) {
            double v = fit.values()[q];
            double se = fit.standardErrors()[q];
            out.println(String.format(Locale.ROOT, "| %s | %.6g | %.6g | %.3g | %.2f %% |", fit.keys().get(q),
                    fit.parameters().get(q).initial(), v, se, 100 * se / Math.abs(v)));
        }
        StringBuilder corr = new StringBuilder("correlation:");
        for (double[] row : fit.correlation()) {
            corr.append(" [");
            for (int b = 0; b < row.length; b++) {
                corr.append(b == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", row[b]));
            }
            corr.append(']');
        }
        out.println(corr);
        for (CurveFit c : fit.curves()) {
            out.println(String.format(Locale.ROOT, "RMSE %s: %.4g %s over %d points", c.name(), c.rmse(),
                    fit.fittedCase().concentrationUnit(), c.measured().length));
        }
        out.flush();
    }

    private static void writeText(Path target, String text) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
