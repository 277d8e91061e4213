package dev.pitstop.core.stack;

import java.util.Set;

/** Reads the {@code drill:} section ({@link DrillSpec}); Process Compose has no such key. */
final class DrillParser {
    private static final Set<String> KEYS = Set.of("probe", "inject", "check", "nats");
    private static final Set<String> NATS_KEYS = Set.of("url", "stream", "subject");

    private final ReadContext ctx;

    DrillParser(ReadContext ctx) {
        this.ctx = ctx;
    }

    DrillSpec parse(YamlNode node) {
        if (node.isMissing()) {
            return DrillSpec.NONE;
        }
        ctx.checkKeys(node, KEYS, Keys.NONE);
        YamlNode nats = node.get("nats");
        return new DrillSpec(command(node.get("probe")), command(node.get("inject")), command(node.get("check")),
                nats.isMissing() ? null : nats(nats));
    }

    private DrillSpec.Nats nats(YamlNode node) {
        ctx.checkKeys(node, NATS_KEYS, Keys.NONE);
        String url = node.get("url").string();
        if (url == null || url.isBlank()) {
            throw node.keyError("drill.nats needs a url (nats://host:port)");
        }
        return new DrillSpec.Nats(url, node.get("stream").string("DRILL"), node.get("subject").string("drill.check"));
    }

    private static String command(YamlNode node) {
        String command = node.string();
        if (command != null && command.isBlank()) {
            throw node.error("an empty command");
        }
        return command;
    }
}
