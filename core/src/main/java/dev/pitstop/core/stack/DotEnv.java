package dev.pitstop.core.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env} / {@code env_file} in the common dotenv format: {@code KEY=VALUE} lines, optional
 * {@code export } prefix, {@code #} comments, single quotes (literal) and double quotes (with {@code \n},
 * {@code \t}, {@code \"}, {@code \\} escapes). None of our libraries reads this format, hence the few lines.
 */
final class DotEnv {
    private static final Pattern LINE = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*?)\\s*$");

    private DotEnv() {}

    static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new StackFileException(file, 0, 0, null, "cannot read: " + e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new StackFileException(file, n + 1, 1, null, "expected KEY=VALUE, found '" + line.strip() + "'");
            }
            values.put(m.group(1), value(m.group(2), file, n + 1));
        }
        return values;
    }

    private static String value(String raw, Path file, int line) {
        if (raw.startsWith("'") || raw.startsWith("\"")) {
            char quote = raw.charAt(0);
            int close = raw.lastIndexOf(quote);
            if (close == 0) {
                throw new StackFileException(file, line, 1, null, "unterminated " + quote + " quote");
            }
            String inner = raw.substring(1, close);
            return quote == '\'' ? inner : unescape(inner);
        }
        int comment = raw.indexOf(" #");
        return (comment < 0 ? raw : raw.substring(0, comment)).strip();
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                out.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> e;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
