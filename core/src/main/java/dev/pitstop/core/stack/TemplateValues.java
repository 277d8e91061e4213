package dev.pitstop.core.stack;

import dev.pitstop.core.stack.GoTemplate.TemplateException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** How Go's templates see the values of {@code vars}: truth, printing, comparison and field access. */
final class TemplateValues {
    /** A key that is not in the map; Go prints it as {@code <no value>}. */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<no value>";
        }
    };

    private TemplateValues() {}

    static Object field(Object v, String name, CharSequence pathSoFar) {
        if (v instanceof Map<?, ?> m) {
            return m.containsKey(name) ? m.get(name) : MISSING;
        }
        if (v == null || v == MISSING) {
            throw new TemplateException("template: nil pointer evaluating " + pathSoFar + "." + name
                    + " (" + (pathSoFar.length() == 0 ? "." : pathSoFar) + " has no value)");
        }
        throw new TemplateException("template: can't evaluate field " + name + " in " + print(v));
    }

    static boolean truth(Object v) {
        if (v == null || v == MISSING) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Long n) {
            return n != 0;
        }
        if (v instanceof Double d) {
            return d != 0;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return !(v instanceof List<?> l) || !l.isEmpty();
    }

    static String print(Object v) {
        if (v == null || v == MISSING) {
            return "<no value>";
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e21 ? Long.toString(d.longValue())
                    : new BigDecimal(d.toString()).stripTrailingZeros().toString().replace("E", "e");
        }
        if (v instanceof Map<?, ?> m) {
            return new TreeMap<>(m).entrySet().stream().map(e -> e.getKey() + ":" + print(e.getValue()))
                    .collect(Collectors.joining(" ", "map[", "]"));
        }
        if (v instanceof List<?> l) {
            return l.stream().map(TemplateValues::print).collect(Collectors.joining(" ", "[", "]"));
        }
        return v.toString();
    }

    static long length(Object v) {
        if (v instanceof String s) {
            return s.length();
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        if (v instanceof List<?> l) {
            return l.size();
        }
        throw new TemplateException("template: error calling len: len of type " + kind(v));
    }

    static boolean equal(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x.equals(y);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a == null || a == MISSING || b == null || b == MISSING || !a.getClass().equals(b.getClass())) {
            throw new TemplateException("template: error calling eq: incompatible types for comparison ("
                    + kind(a) + " and " + kind(b) + ")");
        }
        return a.equals(b);
    }

    static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        throw new TemplateException("template: incompatible types for comparison (" + kind(a) + " and " + kind(b) + ")");
    }

    /** {@code printf} with the verbs {@code %s %v %d %q %%}. */
    static String printf(List<Object> args) {
        if (args.isEmpty() || !(args.get(0) instanceof String format)) {
            throw new TemplateException("template: printf needs a format string");
        }
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char verb = format.charAt(++i);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if ("svdq".indexOf(verb) < 0) {
                throw new TemplateException("template: printf verb %" + verb + " is not supported by Pitstop (use %s, %v, %d, %q)");
            }
            Object arg = next < args.size() ? args.get(next++) : null;
            String text = print(arg);
            out.append(verb == 'q' ? '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : text);
        }
        return out.toString();
    }

    private static String kind(Object v) {
        if (v == null || v == MISSING) {
            return "nil";
        }
        if (v instanceof Long) {
            return "int";
        }
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        return v instanceof String ? "string" : v instanceof Map ? "map" : "slice";
    }
}
