package dev.pitstop.core.stack;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The operators of drone/envsubst, with its semantics (which are not quite bash's): every default form
 * ({@code =}, {@code :=}, {@code :-}, and also {@code :?} and {@code :+}) means "the value, or the
 * argument when the value is empty"; {@code /} replaces literal text; {@code #} and {@code %} strip the
 * shortest or longest match of a glob pattern.
 */
final class EnvFunctions {
    private EnvFunctions() {}

    static String apply(String op, String v, List<String> args) {
        return switch (op) {
            case "#" -> args.isEmpty() ? Integer.toString(v.getBytes(StandardCharsets.UTF_8).length) : trimPrefix(v, args.get(0), false);
            case "##" -> trimPrefix(v, args.get(0), true);
            case "%" -> reverse(trimPrefix(reverse(v), reverse(args.get(0)), false));
            case "%%" -> reverse(trimPrefix(reverse(v), reverse(args.get(0)), true));
            case "^" -> v.isEmpty() ? v : v.substring(0, 1).toUpperCase(Locale.ROOT) + v.substring(1);
            case "^^" -> v.toUpperCase(Locale.ROOT);
            case "," -> v.isEmpty() ? v : v.substring(0, 1).toLowerCase(Locale.ROOT) + v.substring(1);
            case ",," -> v.toLowerCase(Locale.ROOT);
            case ":" -> substring(v, args);
            case "/" -> args.size() == 1 ? v.replaceFirst(Pattern.quote(args.get(0)), "")
                    : v.replaceFirst(Pattern.quote(args.get(0)), java.util.regex.Matcher.quoteReplacement(args.get(1)));
            case "//" -> v.replace(args.get(0), args.size() == 1 ? "" : args.get(1));
            case "/#" -> args.size() == 2 && v.startsWith(args.get(0)) ? args.get(1) + v.substring(args.get(0).length()) : v;
            case "/%" -> args.size() == 2 && v.endsWith(args.get(0))
                    ? v.substring(0, v.length() - args.get(0).length()) + args.get(1) : v;
            default -> v.isEmpty() ? String.join("", args) : v;
        };
    }

    private static String substring(String v, List<String> args) {
        int pos;
        try {
            pos = Integer.parseInt(args.get(0).strip());
        } catch (NumberFormatException e) {
            return v;
        }
        if (pos < 0) {
            pos = Math.max(0, v.length() + pos);
        }
        if (args.size() == 1) {
            return pos < v.length() ? v.substring(pos) : "";
        }
        int length;
        try {
            length = Integer.parseInt(args.get(1).strip());
        } catch (NumberFormatException e) {
            return v;
        }
        if (pos >= v.length()) {
            return "";
        }
        return pos + length >= v.length() ? v.substring(pos) : v.substring(pos, pos + Math.max(0, length));
    }

    /** Removes the shortest (or longest) prefix of {@code v} that the glob matches whole. */
    private static String trimPrefix(String v, String glob, boolean longest) {
        Pattern p = glob(glob);
        String match = null;
        for (int end = v.length(); end > 0; end--) {
            if (p.matcher(v.substring(0, end)).matches()) {
                match = v.substring(0, end);
                if (longest) {
                    break;
                }
            }
        }
        return match == null ? v : v.substring(match.length());
    }

    /** Go's {@code path.Match}: {@code *} and {@code ?} do not cross {@code /}; {@code [...]} classes; {@code \} escapes. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '\\' -> re.append(i + 1 < glob.length() ? Pattern.quote(String.valueOf(glob.charAt(++i))) : "\\\\");
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        re.append("\\[");
                    } else {
                        String body = glob.substring(i + 1, close).replace("\\", "\\\\");
                        re.append('[').append(body.startsWith("^") ? "^" + body.substring(1) : body).append(']');
                        i = close;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    private static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }
}
