package dev.pitstop.core.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders the values Process Compose runs through Go templates, for one replica of one process: the data
 * are the stack's {@code vars}, the process's {@code vars} over them, and {@code PC_REPLICA_NUM}. As in
 * Process Compose that last variable is always present, so every {@code {{…}}} in those values is a template.
 */
final class Templater {
    private final Map<String, Object> data;

    private Templater(Map<String, Object> data) {
        this.data = data;
    }

    static Templater of(YamlNode stackVars, YamlNode processVars, int replica) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.putAll(vars(stackVars));
        data.putAll(vars(processVars));
        data.put(Replicas.REPLICA_NUM, (long) replica);
        return new Templater(data);
    }

    /** {@code node}'s text, expanded and rendered; {@code null} when missing. */
    String render(YamlNode node) {
        return render(node, node.string());
    }

    String render(YamlNode node, String text) {
        if (text == null || !GoTemplate.hasActions(text)) {
            return text;
        }
        try {
            return GoTemplate.parse(text).render(data);
        } catch (GoTemplate.TemplateException e) {
            throw node.error(e.getMessage() + " (escape a literal {{ as {{ \"{{\" }}, or set is_template_disabled for a command)");
        }
    }

    private static Map<String, Object> vars(YamlNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (YamlNode entry : node.entries()) {
            out.put(entry.key(), value(entry));
        }
        return out;
    }

    private static Object value(YamlNode node) {
        if (node.isMissing()) {
            return null;
        }
        if (node.isMap()) {
            return vars(node);
        }
        if (node.isList()) {
            return node.items().stream().map(Templater::value).toList();
        }
        JsonNode raw = node.raw();
        if (raw.isBoolean()) {
            return raw.booleanValue();
        }
        if (raw.isIntegralNumber()) {
            return raw.longValue();
        }
        if (raw.isNumber()) {
            return raw.doubleValue();
        }
        return node.string();
    }
}
