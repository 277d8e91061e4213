package dev.pitstop.core.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the files of one stack into one document, as Process Compose's loader does: each file given is
 * preceded by the chain of files its top-level {@code extends} names (relative to the extending file;
 * a file may appear only once), then all are merged in order with {@link TreeMerger}. The processes of
 * an extended file run in that file's folder unless they say otherwise.
 */
final class StackFiles {
    private final Function<Path, YamlDocument> parser;

    StackFiles(Function<Path, YamlDocument> parser) {
        this.parser = parser;
    }

    /** @param files absolute paths, the first being the stack's main file */
    YamlDocument load(List<Path> files) {
        List<YamlDocument> docs = new ArrayList<>();
        List<Path> seen = new ArrayList<>(files);
        for (Path file : files) {
            List<YamlDocument> chain = new ArrayList<>();
            YamlDocument doc = parser.apply(file);
            chain.add(doc);
            for (YamlDocument at = doc; extendsNode(at) != null; ) {
                Path base = extended(at, seen);
                at = parser.apply(base);
                defaultWorkingDirs(at, base.getParent());
                chain.add(0, at);
            }
            docs.addAll(chain);
        }
        if (docs.size() == 1) {
            return docs.get(0);
        }
        YamlDocument merged = YamlDocument.merged(files.get(0), docs.get(0).root().deepCopy());
        merged.copyMarks(docs.get(0), "", "");
        TreeMerger merger = new TreeMerger(merged);
        docs.subList(1, docs.size()).forEach(merger::mergeProject);
        return merged;
    }

    private static JsonNode extendsNode(YamlDocument doc) {
        JsonNode node = doc.root().get("extends");
        return node == null || node.isNull() || node.asText().isEmpty() ? null : node;
    }

    private static Path extended(YamlDocument doc, List<Path> seen) {
        JsonNode node = extendsNode(doc);
        if (!node.isTextual()) {
            throw doc.error("extends", false, "expected the path of a stack file, found " + node.getNodeType());
        }
        Path base = doc.file().getParent().resolve(node.asText()).toAbsolutePath().normalize();
        if (seen.contains(base)) {
            throw doc.error("extends", false, "'" + node.asText() + "' is already one of the files of this stack"
                    + " (a file may be loaded once; pass only the last file of an extends chain)");
        }
        seen.add(base);
        return base;
    }

    /** Process Compose's {@code copyWorkingDirToProcesses}: an extended file's processes keep its folder. */
    private static void defaultWorkingDirs(YamlDocument doc, Path dir) {
        if (!(doc.root().get("processes") instanceof ObjectNode processes)) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : processes.properties()) {
            if (e.getValue() instanceof ObjectNode process) {
                JsonNode wd = process.get("working_dir");
                String written = wd == null || wd.isNull() ? "" : wd.asText();
                process.put("working_dir", dir.resolve(written).normalize().toString());
            }
        }
    }
}
