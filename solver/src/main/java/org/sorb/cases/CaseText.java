package org.sorb.cases;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a case file as text, refusing what is not a case file before YAML sees it.
 *
 * <p>A case file is at most {@link #MAX_BYTES} long, UTF-8 (a leading byte-order mark is dropped) and has no NUL
 * byte; each refusal is a {@link CaseException} on {@link #FIELD} that names the file and what it found.
 */
public final class CaseText {
    /**
     * Longest case file read, 1 MiB. The examples in {@code cases/} are 1-4 KiB and a sweep of a few hundred values
     * stays below 50 KiB, so 1 MiB leaves ample room while a result, log or data file given by mistake is refused
     * before it is parsed (parsing 1 MiB of YAML takes about a second).
     */
    public static final int MAX_BYTES = 1 << 20;

    /** The field of errors about the file as a whole (its size, encoding or binary content). */
    public static final String FIELD = "(file)";

    private static final String EXPECTED = "a YAML case file: UTF-8 text of at most " + MAX_BYTES + " bytes (1 MiB)";

    private CaseText() {
    }

    /** The text of the case file {@code file}. */
    public static String read(Path file) throws CaseException, IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw refused(file, "a file of " + size + " bytes");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw refused(file, "a file of more than " + MAX_BYTES + " bytes");
        }
        return decode(bytes, file);
    }

    private static String decode(byte[] bytes, Path file) throws CaseException {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw refused(file, "UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw refused(file, "a binary file (NUL byte at offset " + i + ", line " + line(bytes, i) + ")");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            throw refused(file, String.format(Locale.ROOT, "text that is not UTF-8 (byte 0x%02X at offset %d, line %d)",
                    bytes[at] & 0xFF, at, line(bytes, at)));
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int line(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static CaseException refused(Path file, String found) {
        return new CaseException(FIELD, found + " in " + file, EXPECTED);
    }
}
