package dev.pitstop.core.stack;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Checks a stack file's text before the YAML parser sees it: a few megabytes in one value cost the parser minutes
 * and gigabytes, and it reports a control character at 1:1 wherever it is. Both checks are one pass over the text.
 */
final class InputLimits {
    /** A stack file is configuration; anything bigger is a mistake or an attack. */
    static final long MAX_FILE_BYTES = 1024 * 1024;
    /** Longer values belong in a file the stack file names (an env file, a config file). */
    static final int MAX_LINE_CHARS = 64 * 1024;

    private InputLimits() {}

    static void checkSize(Path file, long bytes) {
        if (bytes > MAX_FILE_BYTES) {
            throw new StackFileException(file, 0, 0, null,
                    "the file has " + bytes + " bytes; a stack file may have at most " + MAX_FILE_BYTES);
        }
    }

    /**
     * The file's bytes as UTF-8 text; bytes that are not UTF-8 (a file saved as Latin-1, a binary named by mistake)
     * are refused at their line and column instead of as the JDK's "MalformedInputException: Input length = 1".
     */
    static String decode(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new StackFileException(file, line, bad - lineStart + 1, null, String.format(
                    "byte 0x%02X is not UTF-8 text; save the file as UTF-8", bytes[bad] & 0xff));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** Refuses control characters YAML does not allow (with their line and column) and over-long lines. */
    static void checkText(Path file, String text) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                continue;
            }
            int column = i - lineStart + 1;
            if (column > MAX_LINE_CHARS) {
                throw new StackFileException(file, line, 1, null, "line " + line + " is longer than " + MAX_LINE_CHARS
                        + " characters; keep long values in a file the stack file names");
            }
            if (notAllowed(c)) {
                throw new StackFileException(file, line, column, null, String.format(
                        "the control character U+%04X%s is not allowed in a stack file", (int) c,
                        c == 0 ? " (NUL)" : ""));
            }
        }
    }

    /** YAML 1.1/1.2 printable set: tab, line breaks, U+0020 and above, but not DEL, the C1 controls (bar NEL). */
    private static boolean notAllowed(char c) {
        return c < 0x20 && c != '\t' && c != '\r' || c == 0x7f || c >= 0x80 && c <= 0x9f && c != 0x85
                || c == 0xfffe || c == 0xffff;
    }
}
