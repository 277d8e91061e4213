package dev.pitstop.core.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One {@code ${…}} reference, read with drone/envsubst's grammar (the library Process Compose expands
 * its files with): a name of letters, digits, {@code _} and {@code -}, then optionally one operator and
 * its arguments, which may contain nested {@code ${…}}. Anything else is a "bad substitution", which
 * Process Compose also refuses.
 */
final class EnvSubstitution {
    private final String s;
    private final Function<String, String> lookup;
    private int pos;

    /** @param start the index just after {@code ${} */
    EnvSubstitution(String s, int start, Function<String, String> lookup) {
        this.s = s;
        this.pos = start;
        this.lookup = lookup;
    }

    /** The index just after the closing brace; valid after {@link #evaluate()}. */
    int end() {
        return pos;
    }

    String evaluate() {
        if (peek() == '#') {
            pos++;
            String name = name();
            expect('}');
            return EnvFunctions.apply("#", value(name), List.of());
        }
        String name = name();
        char c = peek();
        return switch (c) {
            case '}' -> {
                pos++;
                yield value(name);
            }
            case ':' -> "=-?+".indexOf(at(pos + 1)) >= 0 ? defaults(name) : substring(name);
            case '=' -> defaults(name);
            case ',', '^' -> operatorOnly(name, c);
            case '/' -> replace(name);
            case '#', '%' -> remove(name, c);
            default -> throw bad();
        };
    }

    private String value(String name) {
        String v = lookup.apply(name);
        return v == null ? "" : v;
    }

    private String name() {
        int from = pos;
        while (pos < s.length() && isNameChar(s.charAt(pos))) {
            pos++;
        }
        if (pos == from) {
            throw bad();
        }
        return s.substring(from, pos);
    }

    private String defaults(String name) {
        String op = operator(2, "=:-?+");
        List<String> args = new ArrayList<>();
        while (peek() != '}') {
            args.add(param("}"));
        }
        pos++;
        return EnvFunctions.apply(op, value(name), args);
    }

    private String substring(String name) {
        pos++; // ':'
        List<String> args = new ArrayList<>();
        args.add(param(":}"));
        if (peek() == ':') {
            pos++;
            args.add(param("}"));
        }
        expect('}');
        return EnvFunctions.apply(":", value(name), args);
    }

    private String operatorOnly(String name, char c) {
        String op = operator(2, String.valueOf(c));
        expect('}');
        return EnvFunctions.apply(op, value(name), List.of());
    }

    private String replace(String name) {
        pos++;
        String op = "/" + ("/#%".indexOf(peek()) >= 0 ? String.valueOf(s.charAt(pos++)) : "");
        List<String> args = new ArrayList<>();
        args.add(param("/"));
        expect('/');
        if (peek() != '}') {
            args.add(param("}"));
        }
        expect('}');
        return EnvFunctions.apply(op, value(name), args);
    }

    private String remove(String name, char c) {
        String op = operator(2, String.valueOf(c));
        String arg = param("}");
        expect('}');
        return EnvFunctions.apply(op, value(name), List.of(arg));
    }

    /** Up to {@code max} characters from {@code allowed}. */
    private String operator(int max, String allowed) {
        int from = pos;
        while (pos - from < max && pos < s.length() && allowed.indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        return s.substring(from, pos);
    }

    /** Text up to one of {@code stops}, with nested references expanded and {@code \/}, {@code \\}, {@code $$} unescaped. */
    private String param(String stops) {
        StringBuilder out = new StringBuilder();
        while (pos < s.length() && stops.indexOf(s.charAt(pos)) < 0) {
            char c = s.charAt(pos);
            if (c == '$' && at(pos + 1) == '{') {
                EnvSubstitution nested = new EnvSubstitution(s, pos + 2, lookup);
                out.append(nested.evaluate());
                pos = nested.end();
            } else if ((c == '\\' && (at(pos + 1) == '/' || at(pos + 1) == '\\')) || (c == '$' && at(pos + 1) == '$')) {
                out.append(s.charAt(pos + 1));
                pos += 2;
            } else {
                out.append(c);
                pos++;
            }
        }
        if (pos >= s.length()) {
            throw bad();
        }
        return out.toString();
    }

    private void expect(char c) {
        if (peek() != c) {
            throw bad();
        }
        pos++;
    }

    private char peek() {
        return at(pos);
    }

    private char at(int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private Expander.ExpansionException bad() {
        int close = s.indexOf('}', pos);
        String ref = s.substring(Math.max(0, s.lastIndexOf("${", pos)), close < 0 ? s.length() : close + 1);
        return new Expander.ExpansionException("bad substitution '" + ref + "'"
                + (close < 0 ? ": no closing '}'" : "") + " (write $$ for a literal $)");
    }

    private static boolean isNameChar(char c) {
        return c == '_' || c == '-' || Character.isLetterOrDigit(c);
    }
}
