package dev.pitstop.core.stack;

import java.util.Set;

/**
 * Process Compose's {@code log_configuration} (top level and per process), read key by key. Pitstop writes each
 * log file as plain lines, uncoloured, without metadata, flushed whenever the process's pipe is drained (for a
 * process that writes line by line, every line): what Process Compose writes with {@code disable_json: true}, so
 * that key and {@code flush_each_line}, {@code no_color} and {@code no_metadata} behave the same. Rotation, field
 * order and timestamps are not supported and are warned about one by one; so is {@code disable_json: false},
 * whose JSON lines Pitstop does not write.
 */
final class LogConfiguration {
    private static final Set<String> SAME = Set.of("disable_json", "flush_each_line", "no_color", "no_metadata");
    private static final Set<String> NOT_SUPPORTED = Set.of("rotation", "fields_order", "timestamp_format",
            "add_timestamp");

    private LogConfiguration() {}

    static void read(ReadContext ctx, YamlNode node) {
        if (node.isMissing()) {
            return;
        }
        if (!node.isMap()) {
            throw node.error("log_configuration is a map (disable_json: true, …), found " + node.describe());
        }
        ctx.checkKeys(node, SAME, NOT_SUPPORTED);
        SAME.forEach(key -> node.get(key).bool(false));
        YamlNode json = node.get("disable_json");
        if (!json.isMissing() && !json.bool(false)) {
            ctx.warn(json, "Process Compose writes JSON lines here; Pitstop writes plain lines (as with disable_json: "
                    + "true)");
        }
    }
}
