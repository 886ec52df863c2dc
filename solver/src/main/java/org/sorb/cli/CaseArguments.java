package org.sorb.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sorb.cadet.CadetInput;
import org.sorb.cadet.CadetNetwork;
import org.sorb.cadet.Hdf5Signature;
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
    @Parameters(index = "0", paramLabel = "CASE.yaml", description = "The case file: YAML, or a CADET input file "
            + "(HDF5, told by its signature).")
    private Path caseFile;

    @Option(names = "--set", paramLabel = "key.path=value",
            description = "Override a case value, e.g. --set column.length=0.2 (repeatable).")
    private List<String> overrides = new ArrayList<>();

    /** Reads and validates the case, resolving its path against {@code workingDir}. */
    LoadedCase load(Path workingDir) throws UsageException, CaseException, IOException {
        Path file = file(workingDir);
        return isCadet(workingDir) ? CadetInput.load(file, List.copyOf(overrides))
                : CaseLoader.load(file, List.copyOf(overrides));
    }

    /** True when the case file is a CADET input file (an HDF5 file) rather than YAML. */
    boolean isCadet(Path workingDir) throws UsageException, IOException {
        return Hdf5Signature.isHdf5(file(workingDir));
    }

    /** The unit operations of a CADET input file; for a YAML case, CADET-Python's inlet 0, column 1, outlet 2. */
    CadetNetwork cadetNetwork(Path workingDir, double flowRate) throws UsageException, CaseException, IOException {
        return isCadet(workingDir) ? CadetInput.read(file(workingDir)).network() : CadetNetwork.standard(flowRate);
    }

    /** True when the case file is a treatment case (it has a {@code patient:} section). */
    boolean isTreatment(Path workingDir) throws UsageException, IOException {
        return !isCadet(workingDir) && TreatmentCaseLoader.isTreatment(file(workingDir));
    }

    /** Reads and validates a treatment case. */
    LoadedTreatment loadTreatment(Path workingDir) throws UsageException, CaseException, IOException {
        return TreatmentCaseLoader.load(file(workingDir), List.copyOf(overrides));
    }

    /** True when the case file has a {@code sweep:} section. */
    boolean isSweep(Path workingDir) throws UsageException, CaseException, IOException {
        return !isCadet(workingDir) && CaseLoader.declaresSweep(file(workingDir));
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
