package org.sorb.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sorb.cases.LoadedCase;
import org.sorb.model.MassBalance;
import org.sorb.model.SimulationResult;

class ResultWriterTest {
    @TempDir
    Path dir;

    private static final String YAML = "name: demo\ncolumn:\n  length: 0.1  # µm-free comment\n";

    @Test
    void writesEveryDatasetAndAttributeAndReadsThemBack() throws IOException {
        Path out = dir.resolve("demo.h5");
        LoadedCase loaded = Fixtures.loadedCase("demo", YAML);
        SimulationResult written = Fixtures.result(true);
        Instant before = Instant.now();
        ResultWriter.write(out, loaded, written, "java", "plain Java on 4 cores");

        ResultFile file = ResultReader.read(out);
        SimulationResult read = file.result();
        assertArrayEquals(written.time(), read.time());
        assertArrayEquals(written.outlet(), read.outlet());
        assertEquals(2, read.nComp());
        assertEquals(List.of("IgG", "HSA"), file.components());
        MassBalance mb = read.massBalance();
        assertArrayEquals(written.massBalance().injected(), mb.injected());
        assertArrayEquals(written.massBalance().eluted(), mb.eluted());
        assertArrayEquals(written.massBalance().retained(), mb.retained());
        assertEquals(3.5e-9, mb.relativeError());
        assertArrayEquals(written.profiles().time(), read.profiles().time());
        assertArrayEquals(written.profiles().z(), read.profiles().z());
        assertArrayEquals(written.profiles().bulk(), read.profiles().bulk());
        assertArrayEquals(written.profiles().bound(), read.profiles().bound());
        assertEquals(written.stats(), read.stats());

        assertEquals(SorbVersion.get(), file.attribute("sorb_version"));
        assertEquals("java", file.attribute("backend"));
        assertEquals("plain Java on 4 cores", file.attribute("backend_description"));
        assertEquals(YAML, file.attribute("case"));
        assertEquals("/cases/demo.yaml", file.attribute("case_source"));
        assertEquals(ResultWriter.unitsDescription("kg/m^3"), file.attribute("units"));
        assertTrue(file.attribute("units").contains("mass_balance: kg/m^3 x m"), file.attribute("units"));
        Instant created = Instant.parse(file.attribute("created"));
        assertTrue(Duration.between(before, created).abs().toMinutes() < 5, created.toString());

        assertEquals("s", file.units().get("outlet/time"));
        assertEquals("kg/m^3", file.units().get("outlet/concentration"));
        assertEquals("kg/m^3 x m", file.units().get("mass_balance/injected"));
        assertEquals("kg/m^3 x m", file.units().get("mass_balance/eluted"));
        assertEquals("kg/m^3 x m", file.units().get("mass_balance/retained"));
        assertEquals("s", file.units().get("profiles/time"));
        assertEquals("m", file.units().get("profiles/z"));
        assertEquals("kg/m^3", file.units().get("profiles/bulk"));
        assertTrue(file.units().get("profiles/bound").startsWith("kg/m^3 per volume of solid skeleton"));
        assertEquals(List.of(out), listing());
    }

    @Test
    void datasetsHaveTheDocumentedShapes() throws IOException {
        Path out = dir.resolve("shapes.h5");
        ResultWriter.write(out, Fixtures.loadedCase("shapes", YAML), Fixtures.result(true), "java", "cpu");
        try (io.jhdf.HdfFile hdf = new io.jhdf.HdfFile(out)) {
            assertArrayEquals(new int[] {5}, hdf.getDatasetByPath("outlet/time").getDimensions());
            assertArrayEquals(new int[] {5, 2}, hdf.getDatasetByPath("outlet/concentration").getDimensions());
            assertArrayEquals(new int[] {2}, hdf.getDatasetByPath("mass_balance/injected").getDimensions());
            assertArrayEquals(new int[] {2, 3, 2}, hdf.getDatasetByPath("profiles/bulk").getDimensions());
            assertArrayEquals(new int[] {2, 3, 2}, hdf.getDatasetByPath("profiles/bound").getDimensions());
            assertEquals(double.class, hdf.getDatasetByPath("outlet/concentration").getJavaType());
            assertEquals(120L, hdf.getByPath("solver").getAttribute("steps").getData());
            assertEquals(1.25, hdf.getByPath("solver").getAttribute("wall_seconds").getData());
            assertArrayEquals(new double[] {120, 7, 400, 33, 1.25},
                    (double[]) hdf.getDatasetByPath("solver/stats").getData());
        }
    }

    @Test
    void profilesAreOptional() throws IOException {
        Path out = dir.resolve("plain.h5");
        ResultWriter.write(out, Fixtures.loadedCase("plain", YAML), Fixtures.result(false), "java", "cpu");
        ResultFile file = ResultReader.read(out);
        assertNull(file.result().profiles());
        assertFalse(file.units().containsKey("profiles/bulk"));
        assertEquals(Fixtures.result(false).stats(), file.result().stats());
    }

    @Test
    void aCaseTooLongForAnAttributeGoesToADataset() throws IOException {
        String yaml = "# µ é\n" + "note: filler text of a long inlet table\n".repeat(3000);
        Path out = dir.resolve("long.h5");
        ResultWriter.write(out, Fixtures.loadedCase("long", yaml), Fixtures.result(false), "java", "cpu");
        assertEquals(yaml, ResultReader.read(out).attribute("case"));
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path out = dir.resolve("again.h5");
        Files.writeString(out, "old contents");
        ResultWriter.write(out, Fixtures.loadedCase("again", YAML), Fixtures.result(false), "java", "cpu");
        assertEquals(List.of("IgG", "HSA"), ResultReader.read(out).components());
        assertEquals(List.of(out), listing());
    }

    @Test
    void aFailedRenameLeavesNoFileAndNoTemporaryFile() throws IOException {
        Path out = dir.resolve("taken.h5");
        Files.createDirectory(out);
        Files.writeString(out.resolve("keep.txt"), "x");
        assertThrows(IOException.class, () ->
                ResultWriter.write(out, Fixtures.loadedCase("taken", YAML), Fixtures.result(true), "java", "cpu"));
        assertEquals(List.of(out), listing());
        assertTrue(Files.isDirectory(out));
    }

    @Test
    void inconsistentResultsAreRejectedBeforeAnythingIsWritten() {
        SimulationResult good = Fixtures.result(false);
        SimulationResult bad = new SimulationResult(good.time(), new double[3], 2, good.massBalance(), null,
                good.stats());
        assertThrows(IllegalArgumentException.class, () ->
                ResultWriter.write(dir.resolve("bad.h5"), Fixtures.loadedCase("bad", YAML), bad, "java", "cpu"));
        assertEquals(List.of(), listing());
    }

    @Test
    void aMissingDirectoryIsReported() {
        Path out = dir.resolve("missing/out.h5");
        assertThrows(NoSuchFileException.class, () ->
                ResultWriter.write(out, Fixtures.loadedCase("m", YAML), Fixtures.result(false), "java", "cpu"));
        assertEquals(List.of(), listing());
    }

    @Test
    void readerRejectsAFileThatIsNotAResult() throws IOException {
        Path junk = dir.resolve("junk.h5");
        Files.writeString(junk, "not hdf5");
        assertThrows(IOException.class, () -> ResultReader.read(junk));
        assertThrows(NoSuchFileException.class, () -> ResultReader.read(dir.resolve("absent.h5")));
    }

    private List<Path> listing() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
