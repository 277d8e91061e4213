package dev.pitstop.core.stack;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Variable expansion as Process Compose applies it to a stack file: its loader turns {@code $$} into a
 * literal {@code $} and hands everything else to drone/envsubst, which expands only the braced forms
 * ({@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR^^}}, …; see {@link EnvFunctions}). A bare
 * {@code $VAR} stays as written, for the process's shell. Pitstop adds {@code ${bin:NAME}} for the
 * path of a declared binary, resolved even when environment expansion is disabled.
 */
final class Expander {
    private static final String BIN_PREFIX = "bin:";

    /** A reference that cannot be expanded: a malformed {@code ${…}} or an undeclared binary. */
    static final class ExpansionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExpansionException(String message) {
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
            if (c == '$' && expandVariables && s.startsWith("$", i + 1)) {
                out.append('$');
                i += 2;
            } else if (c == '$' && s.startsWith("{" + BIN_PREFIX, i + 1)) {
                int close = s.indexOf('}', i);
                if (close < 0) {
                    throw new ExpansionException("bad substitution: '${' without a closing '}'");
                }
                out.append(binary(s.substring(i + 2 + BIN_PREFIX.length(), close)));
                i = close + 1;
            } else if (c == '$' && expandVariables && s.startsWith("{", i + 1)) {
                EnvSubstitution sub = new EnvSubstitution(s, i + 2, variables::get);
                out.append(sub.evaluate());
                i = sub.end();
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
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

    private String binary(String name) {
        if (!binaries.contains(name)) {
            throw new ExpansionException("${bin:" + name + "} refers to '" + name
                    + "', which is not declared under 'binaries:'" + (binaries.isEmpty() ? "" : " (declared: "
                    + String.join(", ", binaries.stream().sorted().toList()) + ")"));
        }
        referenced.add(name);
        return binDir.resolve(name).toString();
    }
}
