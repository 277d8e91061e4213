package dev.pitstop.core.process;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A process name as the stack file spells it, checked once: it also names files ({@code .pitstop/logs/NAME.log}), so
 * it must map to one safe file name. Any name of printable characters does: {@link #fileName()} keeps letters,
 * digits, {@code _}, {@code -} and inner dots and percent-encodes every other byte of its UTF-8 form, so
 * {@code ../../x} becomes {@code %2E%2E%2F%2E%2E%2Fx} and never leaves the folder, and two names never share a file.
 *
 * @param value the name as written
 */
public record ProcessName(String value) {
    /** Room for {@code .log.N} after the file name within the usual 255-byte limit. */
    public static final int MAX_FILE_NAME_BYTES = 240;

    /** @throws IllegalArgumentException saying why the name cannot be used */
    public ProcessName {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a process name must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException("a process name must not contain control characters (found "
                        + String.format("U+%04X", (int) value.charAt(i)) + ")");
            }
        }
        if (encode(value).length() > MAX_FILE_NAME_BYTES) {
            throw new IllegalArgumentException("the process name is too long to name a log file ("
                    + encode(value).length() + " bytes once encoded, at most " + MAX_FILE_NAME_BYTES + ")");
        }
    }

    /** The name as one file name: no separator, never {@code .} or {@code ..}, never hidden. */
    public String fileName() {
        return encode(value);
    }

    private static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean plain = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
                    || b == '-' || b == '.' && i > 0 && bytes[i - 1] != '.' && bytes[i - 1] != '/';
            if (plain) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
