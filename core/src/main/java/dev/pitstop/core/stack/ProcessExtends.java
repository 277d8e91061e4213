package dev.pitstop.core.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves process-level {@code extends: OTHER}: the process starts as a copy of OTHER (itself resolved
 * first) with its own settings merged on top by the same rules as override files. Runs after the files
 * are merged, so a process may extend one from another file.
 */
final class ProcessExtends {
    private final YamlDocument doc;
    private final Map<String, Boolean> done = new HashMap<>();

    ProcessExtends(YamlDocument doc) {
        this.doc = doc;
    }

    void resolve() {
        if (doc.root().get("processes") instanceof ObjectNode processes) {
            List<String> names = new ArrayList<>();
            processes.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                resolve(processes, name, new ArrayList<>());
            }
        }
    }

    private void resolve(ObjectNode processes, String name, List<String> chain) {
        if (done.containsKey(name) || !(processes.get(name) instanceof ObjectNode child)) {
            return;
        }
        JsonNode ext = child.get("extends");
        String path = YamlDocument.child("processes", name);
        if (ext == null || ext.isNull() || ext.asText().isEmpty()) {
            done.put(name, true);
            return;
        }
        String parent = ext.asText();
        String at = YamlDocument.child(path, "extends");
        if (parent.equals(name)) {
            throw doc.error(at, false, "a process cannot extend itself");
        }
        if (chain.contains(parent)) {
            List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(parent), chain.size()));
            cycle.add(name);
            cycle.add(parent);
            throw doc.error(at, false, "circular extends: " + String.join(" -> ", cycle));
        }
        if (!(processes.get(parent) instanceof ObjectNode)) {
            throw doc.error(at, false, "extends unknown process '" + parent + "'");
        }
        chain.add(name);
        resolve(processes, parent, chain);
        chain.remove(name);

        String parentPath = YamlDocument.child("processes", parent);
        ObjectNode base = ((ObjectNode) processes.get(parent)).deepCopy();
        base.remove("extends");
        for (Map.Entry<String, JsonNode> e : base.properties()) {
            if (!child.has(e.getKey())) {
                doc.copyMarks(doc, YamlDocument.child(parentPath, e.getKey()), YamlDocument.child(path, e.getKey()));
            }
        }
        new TreeMerger(doc).mergeProcess(base, path, child, doc, path);
        base.remove("extends");
        processes.set(name, base);
        done.put(name, true);
    }
}
