package dev.pitstop.core.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Merges one stack file's tree onto another with Process Compose's rules (its loader merges typed
 * structs with mergo's "override, append slices"): a value that is set replaces the one below it, but
 * an empty one ({@code false}, {@code 0}, {@code ""}, {@code restart: no}, …) does not; maps merge key
 * by key; lists are appended; {@code environment} merges by variable name; {@code namespace} and
 * {@code watch.paths} are replaced whole. Marks (file, line, column) travel with the values.
 */
final class TreeMerger {
    /** Enumerations whose first value is Go's zero value, so setting it never overrides. */
    private static final Map<String, String> ENUM_ZERO = Map.of("restart", "no", "condition", "process_completed",
            "monitor_for", "none");

    private final YamlDocument target;

    TreeMerger(YamlDocument target) {
        this.target = target;
    }

    /** Merges a whole file: its processes by name, everything else by the general rules. */
    void mergeProject(YamlDocument source) {
        ObjectNode dst = (ObjectNode) target.root();
        for (Map.Entry<String, JsonNode> e : source.root().properties()) {
            String key = e.getKey();
            if (key.equals("processes") && e.getValue().isObject() && dst.path(key).isObject()) {
                ObjectNode processes = (ObjectNode) dst.get(key);
                for (Map.Entry<String, JsonNode> p : e.getValue().properties()) {
                    String at = YamlDocument.child(key, p.getKey());
                    if (processes.get(p.getKey()) instanceof ObjectNode base && p.getValue().isObject()) {
                        mergeProcess(base, at, p.getValue(), source, at);
                    } else {
                        replace(processes, at, p.getKey(), p.getValue(), source, at);
                    }
                }
            } else {
                mergeEntry(dst, "", key, e.getValue(), source, key);
            }
        }
    }

    /** Merges the settings of one process onto {@code base}. */
    void mergeProcess(ObjectNode base, String basePath, JsonNode over, YamlDocument source, String overPath) {
        for (Map.Entry<String, JsonNode> e : over.properties()) {
            mergeEntry(base, basePath, e.getKey(), e.getValue(), source, YamlDocument.child(overPath, e.getKey()));
        }
    }

    private void mergeEntry(ObjectNode dst, String dstPath, String key, JsonNode value, YamlDocument source, String srcPath) {
        String at = YamlDocument.child(dstPath, key);
        JsonNode existing = dst.get(key);
        if (isEmpty(key, value)) {
            return;
        }
        if (key.equals("environment") && existing != null && !existing.isNull()) {
            mergeEnvironment(dst, at, existing, value, source, srcPath);
        } else if (key.equals("namespace") || (key.equals("paths") && dstPath.endsWith(".watch"))) {
            replace(dst, at, key, value, source, srcPath);
        } else if (existing instanceof ObjectNode map && value.isObject()) {
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                mergeEntry(map, at, e.getKey(), e.getValue(), source, YamlDocument.child(srcPath, e.getKey()));
            }
        } else if (existing instanceof ArrayNode list && value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                target.copyMarks(source, YamlDocument.item(srcPath, i), YamlDocument.item(at, list.size()));
                list.add(value.get(i).deepCopy());
            }
        } else {
            replace(dst, at, key, value, source, srcPath);
        }
    }

    private void replace(ObjectNode dst, String at, String key, JsonNode value, YamlDocument source, String srcPath) {
        dst.set(key, value.deepCopy());
        target.copyMarks(source, srcPath, at);
    }

    /** Both sides as name → value (list or map form), the later winning; written back as a map. */
    private void mergeEnvironment(ObjectNode dst, String at, JsonNode base, JsonNode over, YamlDocument source,
                                  String srcPath) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        collect(base, target, at, merged, at);
        collect(over, source, srcPath, merged, at);
        dst.set("environment", merged);
    }

    private void collect(JsonNode env, YamlDocument from, String fromPath, ObjectNode into, String intoPath) {
        if (env.isObject()) {
            for (Map.Entry<String, JsonNode> e : env.properties()) {
                into.set(e.getKey(), e.getValue().deepCopy());
                target.copyMarks(from, YamlDocument.child(fromPath, e.getKey()), YamlDocument.child(intoPath, e.getKey()));
            }
        } else if (env.isArray()) {
            for (int i = 0; i < env.size(); i++) {
                String pair = env.get(i).asText();
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    into.put(pair.substring(0, eq), pair.substring(eq + 1));
                    target.copyMarks(from, YamlDocument.item(fromPath, i), YamlDocument.child(intoPath, pair.substring(0, eq)));
                }
            }
        }
    }

    private static boolean isEmpty(String key, JsonNode v) {
        return v == null || v.isNull() || (v.isBoolean() && !v.booleanValue()) || (v.isNumber() && v.decimalValue().signum() == 0)
                || (v.isTextual() && (v.asText().isEmpty() || v.asText().equals(ENUM_ZERO.get(key))))
                || (v.isContainerNode() && v.isEmpty());
    }
}
