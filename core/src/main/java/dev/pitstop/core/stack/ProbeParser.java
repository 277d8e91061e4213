package dev.pitstop.core.stack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@code readiness_probe} / {@code liveness_probe} with Process Compose's defaults. */
final class ProbeParser {
    private static final List<String> ACTIONS = List.of("exec", "http_get", "tcp");

    private final ReadContext ctx;

    ProbeParser(ReadContext ctx) {
        this.ctx = ctx;
    }

    /** @return the probe, or {@code null} when the key is absent */
    ProbeSpec parse(YamlNode node, Path processWorkingDir) {
        if (node.isMissing()) {
            return null;
        }
        ctx.checkKeys(node, Keys.PROBE, Keys.NONE);
        List<YamlNode> given = ACTIONS.stream().map(node::get).filter(n -> !n.isMissing()).toList();
        if (given.size() != 1) {
            throw node.keyError(given.isEmpty() ? "a probe needs one of exec, http_get, tcp"
                    : "a probe takes only one of exec, http_get, tcp; found " + given.stream().map(YamlNode::key).toList());
        }
        YamlNode action = given.get(0);
        ProbeSpec.Action parsed = switch (action.key()) {
            case "exec" -> exec(action, processWorkingDir);
            case "http_get" -> httpGet(action);
            default -> tcp(action);
        };
        // 0 (or absent) means "the default", as in Process Compose, which treats values below 1 that way
        return new ProbeSpec(parsed,
                nonNegative(node.get("initial_delay_seconds"), 0, 0),
                nonNegative(node.get("period_seconds"), 10, 10),
                nonNegative(node.get("timeout_seconds"), 1, 1),
                nonNegativeInt(node.get("success_threshold"), 1),
                nonNegativeInt(node.get("failure_threshold"), 3));
    }

    private ProbeSpec.Action exec(YamlNode node, Path processWorkingDir) {
        ctx.checkKeys(node, Keys.EXEC, Keys.NONE);
        String command = node.get("command").string();
        if (command == null || command.isBlank()) {
            throw node.keyError("an exec probe needs a command");
        }
        String dir = node.get("working_dir").string();
        return new ProbeSpec.Exec(command, dir == null ? processWorkingDir : ctx.resolve(dir));
    }

    private ProbeSpec.Action httpGet(YamlNode node) {
        ctx.checkKeys(node, Keys.HTTP_GET, Keys.HTTP_GET_PC_ONLY);
        String scheme = node.get("scheme").string("http");
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw node.get("scheme").error("expected http or https, found '" + scheme + "'");
        }
        String path = node.get("path").string("/");
        Map<String, String> headers = new LinkedHashMap<>();
        for (YamlNode header : node.get("headers").entries()) {
            headers.put(header.key(), header.string(""));
        }
        int defaultPort = scheme.equals("https") ? 443 : 80;
        return new ProbeSpec.HttpGet(scheme, node.get("host").string("127.0.0.1"), port(node.get("port"), defaultPort),
                path.startsWith("/") ? path : "/" + path, Map.copyOf(headers));
    }

    private ProbeSpec.Action tcp(YamlNode node) {
        ctx.checkKeys(node, Keys.TCP, Keys.NONE);
        if (node.get("port").isMissing()) {
            throw node.keyError("a tcp probe needs a port");
        }
        return new ProbeSpec.Tcp(node.get("host").string("127.0.0.1"), port(node.get("port"), 0));
    }

    private static int port(YamlNode node, int fallback) {
        int port = node.integer(fallback);
        if (port < 1 || port > 65535) {
            throw node.error("a port is 1..65535, found " + port);
        }
        return port;
    }

    private static int nonNegativeInt(YamlNode node, int fallback) {
        int v = node.integer(fallback);
        if (v < 0) {
            throw node.error("must not be negative, found " + v);
        }
        return v == 0 ? fallback : v;
    }

    private static double nonNegative(YamlNode node, double fallback, double whenZero) {
        double v = node.number(fallback);
        if (v < 0) {
            throw node.error("must not be negative, found " + node.raw().asText());
        }
        return v == 0 ? whenZero : v;
    }
}
