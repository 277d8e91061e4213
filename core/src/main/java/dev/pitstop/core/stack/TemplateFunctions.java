package dev.pitstop.core.stack;

import dev.pitstop.core.stack.GoTemplate.TemplateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Go's predefined template functions that Pitstop supports, with Go's semantics. */
final class TemplateFunctions {
    /** An argument, evaluated only when needed ({@code and} and {@code or} stop early, as in Go). */
    interface Lazy {
        Object get();
    }

    private TemplateFunctions() {}

    static Object call(String name, List<Lazy> args) {
        return switch (name) {
            case "and" -> andOr(args, false);
            case "or" -> andOr(args, true);
            case "not" -> !TemplateValues.truth(one(name, args));
            case "len" -> TemplateValues.length(one(name, args));
            case "eq" -> eq(name, args);
            case "ne" -> !TemplateValues.equal(at(name, args, 0), at(name, args, 1));
            case "lt" -> TemplateValues.compare(at(name, args, 0), at(name, args, 1)) < 0;
            case "le" -> TemplateValues.compare(at(name, args, 0), at(name, args, 1)) <= 0;
            case "gt" -> TemplateValues.compare(at(name, args, 0), at(name, args, 1)) > 0;
            case "ge" -> TemplateValues.compare(at(name, args, 0), at(name, args, 1)) >= 0;
            case "print" -> print(values(args), false);
            case "println" -> print(values(args), true) + "\n";
            case "printf" -> TemplateValues.printf(values(args));
            case "index" -> index(values(args));
            default -> throw new TemplateException("template: function \"" + name + "\" "
                    + (List.of("html", "js", "urlquery", "slice", "call").contains(name)
                    ? "is not supported by Pitstop" : "not defined"));
        };
    }

    private static Object andOr(List<Lazy> args, boolean or) {
        if (args.isEmpty()) {
            throw new TemplateException("template: wrong number of args for " + (or ? "or" : "and") + ": want at least 1 got 0");
        }
        Object v = null;
        for (Lazy arg : args) {
            v = arg.get();
            if (TemplateValues.truth(v) == or) {
                return v;
            }
        }
        return v;
    }

    private static boolean eq(String name, List<Lazy> args) {
        Object first = at(name, args, 0);
        for (int i = 1; i < args.size(); i++) {
            if (TemplateValues.equal(first, args.get(i).get())) {
                return true;
            }
        }
        if (args.size() < 2) {
            throw new TemplateException("template: wrong number of args for eq: want at least 2 got " + args.size());
        }
        return false;
    }

    private static String print(List<Object> values, boolean spaced) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            // Go's fmt.Sprint puts a space only between operands that are not strings
            boolean space = spaced || (i > 0 && !(values.get(i) instanceof String) && !(values.get(i - 1) instanceof String));
            if (i > 0 && space) {
                out.append(' ');
            }
            out.append(TemplateValues.print(values.get(i)));
        }
        return out.toString();
    }

    private static Object index(List<Object> values) {
        Object v = values.isEmpty() ? null : values.get(0);
        for (Object key : values.subList(Math.min(1, values.size()), values.size())) {
            if (v instanceof Map<?, ?> m) {
                v = m.containsKey(String.valueOf(key)) ? m.get(String.valueOf(key)) : TemplateValues.MISSING;
            } else if (v instanceof List<?> l && key instanceof Long n && n >= 0 && n < l.size()) {
                v = l.get(n.intValue());
            } else {
                throw new TemplateException("template: error calling index: cannot index " + TemplateValues.print(v)
                        + " with " + TemplateValues.print(key));
            }
        }
        return v;
    }

    private static Object one(String name, List<Lazy> args) {
        if (args.size() != 1) {
            throw new TemplateException("template: wrong number of args for " + name + ": want 1 got " + args.size());
        }
        return args.get(0).get();
    }

    private static Object at(String name, List<Lazy> args, int i) {
        if (args.size() <= i || (!name.equals("eq") && args.size() != 2)) {
            throw new TemplateException("template: wrong number of args for " + name + ": want 2 got " + args.size());
        }
        return args.get(i).get();
    }

    private static List<Object> values(List<Lazy> args) {
        List<Object> out = new ArrayList<>();
        args.forEach(a -> out.add(a.get()));
        return out;
    }
}
