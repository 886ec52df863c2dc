package org.sorb.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sorb.cases.CaseException;
import org.sorb.cases.CaseLoader;
import org.sorb.cases.LoadedCase;
import org.sorb.cases.LoadedSweep;
import org.sorb.cases.LoadedTreatment;
import org.sorb.cases.TreatmentCaseLoader;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The case file and its {@code --set} overrides, shared by the commands that read a case. */
final class CaseArguments {
    @Parameters(index = "0", paramLabel = "CASE.yaml", description = "The case file.")
    private Path caseFile;

    @Option(names = "--set", paramLabel = "key.path=value",
            description = "Override a case value, e.g. --set column.length=0.2 (repeatable).")
    private List<String> overrides = new ArrayList<>();

    /** Reads and validates the case, resolving its path against {@code workingDir}. */
    LoadedCase load(Path workingDir) throws UsageException, CaseException, IOException {
        return CaseLoader.load(file(workingDir), List.copyOf(overrides));
    }

    /** True when the case file is a treatment case (it has a {@code patient:} section). */
    boolean isTreatment(Path workingDir) throws UsageException, IOException {
        return TreatmentCaseLoader.isTreatment(file(workingDir));
    }

    /** Reads and validates a treatment case. */
    LoadedTreatment loadTreatment(Path workingDir) throws UsageException, CaseException, IOException {
        return TreatmentCaseLoader.load(file(workingDir), List.copyOf(overrides));
    }

    /** True when the case file has a {@code sweep:} section. */
    boolean isSweep(Path workingDir) throws UsageException, CaseException, IOException {
        return CaseLoader.declaresSweep(file(workingDir));
    }

    /** Reads and validates a sweep case and every one of its designs. */
    LoadedSweep loadSweep(Path workingDir) throws UsageException, CaseException, IOException {
        return CaseLoader.loadSweep(file(workingDir), List.copyOf(overrides));
    }

    /** The {@code --set} overrides as given. */
    List<String> overrides() {
        return List.copyOf(overrides);
    }

    /**
     * The case file resolved against {@code workingDir}, checked to exist, with the overrides checked (also for
     * commands that pass it on, e.g. to jobs).
     */
    Path file(Path workingDir) throws UsageException {
        Path file = workingDir.resolve(caseFile).normalize();
        if (!Files.exists(file)) {
            throw new UsageException("case file not found: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException("case file is not a regular file: " + file);
        }
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0 || eq == o.length() - 1) {
                throw new UsageException("--set expects key.path=value, got '" + o + "'");
            }
        }
        return file;
    }
}
