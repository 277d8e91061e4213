package dev.pitstop.core.stack;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML file as a Jackson tree plus the line and column of every key and value, by dotted path
 * ({@code processes.web.environment[1]}). Jackson's tree nodes carry no location, so the tree is built
 * here from the streaming parser, which knows where each token starts. Anchors, aliases and {@code <<}
 * merge keys are resolved the way go-yaml (Process Compose's parser) resolves them.
 */
final class YamlDocument {

    /** A 1-based line and column in {@code file} (a merged document holds marks of several files). */
    record Mark(Path file, int line, int column) {}

    // an empty plain value (`key:`) is null, as in go-yaml; the builder's default would read it as ""
    private static final YAMLFactory YAML = YAMLFactory.builder().enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MERGE_KEY = "<<";
    /** Aliases are copied, so nested aliases could multiply a small file into an enormous tree ("billion laughs"). */
    private static final long MAX_ALIASED_NODES = 100_000;

    private final Path file;
    private final Map<String, Mark> keyMarks = new HashMap<>();
    private final Map<String, Mark> valueMarks = new HashMap<>();
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private long aliasedNodes;
    private JsonNode root;

    private YamlDocument(Path file) {
        this.file = file;
    }

    /** Parses {@code text}; every syntax or structure problem is a {@link StackFileException} naming {@code file}. */
    static YamlDocument parse(Path file, String text) {
        YamlDocument doc = new YamlDocument(file);
        try (YAMLParser parser = YAML.createParser(text)) {
            if (parser.nextToken() == null) {
                throw doc.error("", false, "the file is empty; expected a map with a 'processes:' section");
            }
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw doc.error(doc.mark(parser.currentTokenLocation()), "",
                        "the top level must be a map (key: value), found " + describe(parser.currentToken()));
            }
            doc.root = doc.readValue(parser, "");
            if (parser.nextToken() != null) {
                throw doc.error(doc.mark(parser.currentTokenLocation()), "", "only one YAML document is allowed per file");
            }
        } catch (JsonProcessingException e) {
            throw SyntaxErrors.toStackFileException(file, e);
        } catch (IOException e) {
            throw new StackFileException(file, 0, 0, null, "cannot read: " + e.getMessage());
        }
        return doc;
    }

    Path file() { return file; }

    JsonNode root() { return root; }

    /** An empty document to build a merge into; {@code file} is the one relative paths are taken from. */
    static YamlDocument merged(Path file, JsonNode root) {
        YamlDocument doc = new YamlDocument(file);
        doc.root = root;
        return doc;
    }

    /** Gives {@code to} and everything under it the marks {@code source} has at {@code from} and under it. */
    void copyMarks(YamlDocument source, String from, String to) {
        copy(source.keyMarks, keyMarks, from, to);
        copy(source.valueMarks, valueMarks, from, to);
    }

    private static void copy(Map<String, Mark> src, Map<String, Mark> dst, String from, String to) {
        for (Map.Entry<String, Mark> e : new ArrayList<>(src.entrySet())) {
            String p = e.getKey();
            if (p.equals(from) || from.isEmpty() || p.startsWith(from + ".") || p.startsWith(from + "[")) {
                dst.put(to + p.substring(from.length()), e.getValue());
            }
        }
    }

    /** Where the key of {@code path} starts, else its value, else the nearest enclosing entry. */
    Mark keyMark(String path) {
        for (String p = path; ; p = parent(p)) {
            Mark m = keyMarks.getOrDefault(p, valueMarks.get(p));
            if (m != null) {
                return m;
            }
            if (p.isEmpty()) {
                return new Mark(file, 1, 1);
            }
        }
    }

    /** Where the value of {@code path} starts, else the nearest enclosing entry. */
    Mark valueMark(String path) {
        Mark m = valueMarks.get(path);
        return m != null ? m : keyMark(path);
    }

    StackFileException error(String path, boolean atKey, String problem) {
        return error(atKey ? keyMark(path) : valueMark(path), path, problem);
    }

    StackFileException error(Mark mark, String path, String problem) {
        return new StackFileException(mark.file(), mark.line(), mark.column(), path, problem);
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String item(String path, int index) {
        return path + "[" + index + "]";
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    private JsonNode readValue(YAMLParser p, String path) throws IOException {
        Mark at = mark(p.currentTokenLocation());
        valueMarks.put(path, at);
        if (p.isCurrentAlias()) {
            JsonNode target = anchors.get(p.getText());
            if (target == null) {
                throw error(at, path, "unknown alias '*" + p.getText() + "'");
            }
            aliasedNodes += size(target);
            if (aliasedNodes > MAX_ALIASED_NODES) {
                throw error(at, path, "aliases expand to more than " + MAX_ALIASED_NODES + " values");
            }
            return target.deepCopy();
        }
        String anchor = p.getObjectId();
        JsonNode node = switch (p.currentToken()) {
            case START_OBJECT -> readMap(p, path);
            case START_ARRAY -> readList(p, path);
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE, VALUE_FALSE -> bool(p);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw error(at, path, "unexpected " + describe(p.currentToken()));
        };
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    /**
     * YAML 1.1 reads {@code no}, {@code yes}, {@code on}, {@code off} as booleans, but go-yaml hands a string
     * field the text as written ({@code restart: no}), so anything but {@code true}/{@code false} stays text.
     */
    private static JsonNode bool(YAMLParser p) throws IOException {
        String text = p.getText();
        return "true".equals(text) || "false".equals(text) ? NODES.booleanNode(p.getBooleanValue()) : NODES.textNode(text);
    }

    private ObjectNode readMap(YAMLParser p, String path) throws IOException {
        ObjectNode map = NODES.objectNode();
        List<JsonNode> merged = new ArrayList<>();
        Mark mergeMark = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            Mark keyAt = mark(p.currentTokenLocation());
            String childPath = child(path, key);
            p.nextToken();
            if (MERGE_KEY.equals(key)) {
                mergeMark = keyAt;
                collectMerge(readValue(p, childPath), merged, keyAt, childPath);
                continue;
            }
            if (map.has(key)) {
                throw error(keyAt, childPath, "duplicate key");
            }
            keyMarks.put(childPath, keyAt);
            map.set(key, readValue(p, childPath));
        }
        // explicit keys win over merged ones, whatever their order (YAML merge-key semantics)
        for (JsonNode source : merged) {
            for (Map.Entry<String, JsonNode> e : source.properties()) {
                if (!map.has(e.getKey())) {
                    map.set(e.getKey(), e.getValue().deepCopy());
                    keyMarks.put(child(path, e.getKey()), mergeMark);
                }
            }
        }
        return map;
    }

    private void collectMerge(JsonNode value, List<JsonNode> merged, Mark at, String path) {
        if (value.isObject()) {
            merged.add(value);
        } else if (value.isArray() && allObjects(value)) {
            value.forEach(merged::add);
        } else {
            throw error(at, path, "a '<<' merge key needs a map or a list of maps");
        }
    }

    private static long size(JsonNode node) {
        long n = 1;
        for (JsonNode child : node) {
            n += size(child);
        }
        return n;
    }

    private static boolean allObjects(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isObject()) {
                return false;
            }
        }
        return true;
    }

    private ArrayNode readList(YAMLParser p, String path) throws IOException {
        ArrayNode list = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(readValue(p, item(path, list.size())));
        }
        return list;
    }

    private Mark mark(JsonLocation location) {
        return new Mark(file, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a map";
            default -> "a single value";
        };
    }
}
