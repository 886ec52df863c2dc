package org.sorb.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is refused before a case is validated: the file's size and encoding, and YAML the reader cannot take. */
class CaseTextTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static CaseException refused(Path file) {
        return assertThrows(CaseException.class, () -> CaseLoader.load(file, List.of()));
    }

    @Test
    void aFileOverTheLimitIsRefusedNamingItsSize() throws IOException {
        byte[] bytes = new byte[CaseText.MAX_BYTES + 1];
        Arrays.fill(bytes, (byte) '#');
        Path file = write("big.yaml", bytes);
        CaseException e = refused(file);
        assertEquals(CaseText.FIELD, e.field());
        assertTrue(e.getMessage().contains((CaseText.MAX_BYTES + 1) + " bytes in " + file), e.getMessage());
        assertTrue(e.getMessage().contains("at most 1048576 bytes (1 MiB)"), e.getMessage());
    }

    @Test
    void aFileAtTheLimitIsRead() throws Exception {
        byte[] bytes = new byte[CaseText.MAX_BYTES];
        Arrays.fill(bytes, (byte) '#');
        bytes[bytes.length - 1] = '\n';
        assertEquals(CaseText.MAX_BYTES, CaseText.read(write("limit.yaml", bytes)).length());
    }

    @Test
    void invalidUtf8IsRefusedWithItsByteAndLine() throws IOException {
        Path file = write("latin1.yaml", "name: x\nlength: 10 \u00b5m\n".getBytes(StandardCharsets.ISO_8859_1));
        CaseException e = refused(file);
        assertEquals(CaseText.FIELD, e.field());
        assertTrue(e.getMessage().contains("not UTF-8 (byte 0xB5 at offset 19, line 2) in " + file), e.getMessage());
    }

    @Test
    void aNulByteMakesItABinaryFile() throws IOException {
        CaseException e = refused(write("bin.yaml", new byte[] {'a', ':', ' ', 0, 1, 2}));
        assertTrue(e.getMessage().contains("a binary file (NUL byte at offset 3, line 1)"), e.getMessage());
    }

    @Test
    void utf16IsRefusedByItsByteOrderMark() throws IOException {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] text = "name: x\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = Arrays.copyOf(bom, bom.length + text.length);
        System.arraycopy(text, 0, bytes, bom.length, text.length);
        assertTrue(refused(write("utf16.yaml", bytes)).getMessage().contains("UTF-16"));
    }

    @Test
    void aUtf8ByteOrderMarkIsDropped() throws Exception {
        String valid = TestCases.validLangmuir();
        Path file = write("bom.yaml", ("\uFEFF" + valid).getBytes(StandardCharsets.UTF_8));
        assertEquals(valid, CaseText.read(file));
        assertEquals(CaseLoader.parse(valid, null, List.of()).model().name(),
                CaseLoader.load(file, List.of()).model().name());
    }

    @Test
    void anAliasIsRefusedWhereItStandsInsteadOfBeingReadAsItsAnchorName() throws IOException {
        String text = TestCases.validLangmuir().replace("kinetic: true", "kinetic: &k true\n  rapid: *k");
        Path file = write("alias.yaml", text.getBytes(StandardCharsets.UTF_8));
        CaseException e = refused(file);
        assertEquals(YamlTree.YAML_FIELD, e.field());
        assertTrue(e.getMessage().contains("the alias *k at binding.rapid (line "), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        int depth = YamlTree.MAX_NESTING_DEPTH + 1;
        String deep = "name: x\nd: " + "[".repeat(depth - 1) + "1" + "]".repeat(depth - 1) + "\n";
        CaseException e = assertThrows(CaseException.class, () -> CaseLoader.parse(deep, "deep.yaml", List.of()));
        assertEquals(YamlTree.YAML_FIELD, e.field());
        assertTrue(e.getMessage().contains("nesting deeper than " + YamlTree.MAX_NESTING_DEPTH + " levels"),
                e.getMessage());
        String allowed = "name: x\nd: " + "[".repeat(depth - 2) + "1" + "]".repeat(depth - 2) + "\n";
        CaseException other = assertThrows(CaseException.class, () -> CaseLoader.parse(allowed, "ok", List.of()));
        assertEquals("d", other.field(), "one level less is read (and fails only on its unknown key)");
    }

    @Test
    void aSecondDocumentIsRefused() {
        String two = TestCases.validLangmuir() + "---\nname: other\n";
        CaseException e = assertThrows(CaseException.class, () -> CaseLoader.parse(two, "two.yaml", List.of()));
        assertEquals(YamlTree.YAML_FIELD, e.field());
        assertTrue(e.getMessage().contains("a second YAML document"), e.getMessage());
    }
}
