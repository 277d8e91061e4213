package dev.pitstop.core.stack;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Variable expansion as Process Compose applies it to a stack file (Go's {@code os.ExpandEnv}):
 * {@code $VAR} and {@code ${VAR}} become the variable's value, undefined variables become empty, a
 * {@code $} not followed by a name stays. Pitstop adds {@code $$} for a literal {@code $} and
 * {@code ${bin:NAME}} for the path of a declared binary; the latter is resolved even when environment
 * expansion is disabled.
 */
final class Expander {
    private static final String BIN_PREFIX = "bin:";

    /** A {@code ${bin:NAME}} whose NAME is not under {@code binaries:}. */
    static final class UndeclaredBinaryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UndeclaredBinaryException(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, String> variables;
    private final Path binDir;
    private final Set<String> binaries;
    private final boolean expandVariables;
    private Set<String> referenced = new LinkedHashSet<>();

    Expander(Map<String, String> variables, Path binDir, Set<String> binaries, boolean expandVariables) {
        this.variables = Map.copyOf(variables);
        this.binDir = binDir;
        this.binaries = Set.copyOf(binaries);
        this.expandVariables = expandVariables;
    }

    String expand(String s) {
        if (s.indexOf('$') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '$' || i + 1 == s.length()) {
                out.append(c);
                i++;
                continue;
            }
            i = reference(s, i + 1, out);
        }
        return out.toString();
    }

    /** Expands the reference after the {@code $} at {@code start - 1}; returns the index after it. */
    private int reference(String s, int start, StringBuilder out) {
        char next = s.charAt(start);
        if (next == '{') {
            int close = s.indexOf('}', start + 1);
            if (close < 0) {
                return expandVariables ? start + 1 : keep(s, start - 1, start + 1, out); // Go drops a lone "${"
            }
            String name = s.substring(start + 1, close);
            if (name.startsWith(BIN_PREFIX)) {
                out.append(binary(name.substring(BIN_PREFIX.length())));
            } else if (expandVariables) {
                out.append(name.isEmpty() ? "" : variables.getOrDefault(name, ""));
            } else {
                out.append(s, start - 1, close + 1);
            }
            return close + 1;
        }
        if (!expandVariables) {
            return keep(s, start - 1, start, out);
        }
        if (next == '$') {
            out.append('$');
            return start + 1;
        }
        if (isSpecial(next)) {
            out.append(variables.getOrDefault(String.valueOf(next), ""));
            return start + 1;
        }
        int end = start;
        while (end < s.length() && isNameChar(s.charAt(end))) {
            end++;
        }
        if (end == start) {
            out.append('$');
            return start;
        }
        out.append(variables.getOrDefault(s.substring(start, end), ""));
        return end;
    }

    /**
     * The binaries that {@code ${bin:NAME}} named since the last call, in order of first appearance; the
     * reader records them per process, so nothing has to guess later which process runs which binary.
     */
    Set<String> takeReferences() {
        Set<String> taken = Collections.unmodifiableSet(referenced);
        referenced = new LinkedHashSet<>();
        return taken;
    }

    private static int keep(String s, int from, int to, StringBuilder out) {
        out.append(s, from, to);
        return to;
    }

    private String binary(String name) {
        if (!binaries.contains(name)) {
            throw new UndeclaredBinaryException("${bin:" + name + "} refers to '" + name
                    + "', which is not declared under 'binaries:'" + (binaries.isEmpty() ? "" : " (declared: "
                    + String.join(", ", binaries.stream().sorted().toList()) + ")"));
        }
        referenced.add(name);
        return binDir.resolve(name).toString();
    }

    private static boolean isSpecial(char c) {
        return "*#@!?-0123456789".indexOf(c) >= 0;
    }

    private static boolean isNameChar(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
