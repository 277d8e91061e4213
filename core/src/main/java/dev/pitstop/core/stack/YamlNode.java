package dev.pitstop.core.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A position in the stack file: its dotted path and value, with typed reads that expand variables and
 * fail with the file, line, column and path of the offending value.
 */
final class YamlNode {
    /** YAML 1.1's spellings, which go-yaml accepts for a boolean field. */
    private static final Set<String> TRUE = Set.of("true", "yes", "y", "on");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "off");

    private final ReadContext ctx;
    private final String path;
    private final String key;
    private final JsonNode value;

    YamlNode(ReadContext ctx, String path, String key, JsonNode value) {
        this.ctx = ctx;
        this.path = path;
        this.key = key;
        this.value = value;
    }

    String path() { return path; }

    JsonNode raw() { return value; }

    /** The map key of this entry ({@code null} for a list item or the root). */
    String key() {
        return key;
    }

    /** Absent or explicitly empty ({@code key:} / {@code ~}). */
    boolean isMissing() {
        return value == null || value.isNull() || value.isMissingNode();
    }

    boolean isMap() { return value != null && value.isObject(); }

    boolean isList() { return value != null && value.isArray(); }

    YamlNode get(String key) {
        return new YamlNode(ctx, YamlDocument.child(path, key), key, isMap() ? value.get(key) : null);
    }

    /** The entries of a map (an empty list when missing). */
    List<YamlNode> entries() {
        if (isMissing()) {
            return List.of();
        }
        if (!isMap()) {
            throw error("expected a map (key: value), found " + describe());
        }
        List<YamlNode> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            out.add(new YamlNode(ctx, YamlDocument.child(path, e.getKey()), e.getKey(), e.getValue()));
        }
        return out;
    }

    /** The items of a list (an empty list when missing). */
    List<YamlNode> items() {
        if (isMissing()) {
            return List.of();
        }
        if (!isList()) {
            throw error("expected a list, found " + describe());
        }
        List<YamlNode> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            out.add(new YamlNode(ctx, YamlDocument.item(path, i), null, value.get(i)));
        }
        return out;
    }

    /** The scalar as text with variables expanded, or {@code null} when missing. */
    String string() {
        if (isMissing()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw error("expected a single value, found " + describe());
        }
        try {
            return ctx.expander().expand(value.asText());
        } catch (Expander.ExpansionException e) {
            throw error(e.getMessage());
        }
    }

    String string(String fallback) {
        String s = string();
        return s == null ? fallback : s;
    }

    /** A whole number (a numeric string counts, as in Process Compose), or {@code fallback} when missing. */
    int integer(int fallback) {
        BigDecimal n = decimal();
        if (n == null) {
            return fallback;
        }
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw error("expected a whole number, found '" + value.asText() + "'");
        }
    }

    double number(double fallback) {
        BigDecimal n = decimal();
        return n == null ? fallback : n.doubleValue();
    }

    boolean bool(boolean fallback) {
        if (isMissing()) {
            return fallback;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String s = string().strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(s)) {
            return true;
        }
        if (FALSE.contains(s)) {
            return false;
        }
        throw error("expected true or false, found " + quoted());
    }

    private BigDecimal decimal() {
        if (isMissing()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        String s = string();
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            throw error("expected a number, found " + quoted());
        }
    }

    /** A finding that does not stop the read, at this entry's key; an error instead under {@code is_strict}. */
    void warnOrFailWhenStrict(String problem) {
        if (ctx.strict()) {
            throw keyError(problem + " (is_strict: true)");
        }
        ctx.warn(this, problem);
    }

    /** Fails at the value of this entry. */
    StackFileException error(String problem) {
        return ctx.doc().error(path, false, problem);
    }

    /** Fails at the key of this entry. */
    StackFileException keyError(String problem) {
        return ctx.doc().error(path, true, problem);
    }

    String describe() {
        if (isMissing()) {
            return "nothing";
        }
        if (isMap()) {
            return "a map";
        }
        if (isList()) {
            return "a list";
        }
        return quoted();
    }

    private String quoted() {
        return "'" + value.asText() + "'";
    }
}
