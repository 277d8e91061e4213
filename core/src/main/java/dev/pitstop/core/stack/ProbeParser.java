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
    ProbeSpec parse(YamlNode node, Path processWorkingDir, Templater t) {
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
            case "exec" -> exec(action, processWorkingDir, t);
            case "http_get" -> httpGet(action, t);
            default -> tcp(action);
        };
        // 0 (or absent) means "the default", as in Process Compose, which treats values below 1 that way
        return new ProbeSpec(parsed,
                Policies.seconds(nonNegative(node.get("initial_delay_seconds"), 0, 0)),
                Policies.seconds(nonNegative(node.get("period_seconds"), 10, 10)),
                Policies.seconds(nonNegative(node.get("timeout_seconds"), 1, 1)),
                nonNegativeInt(node.get("success_threshold"), 1),
                nonNegativeInt(node.get("failure_threshold"), 3));
    }

    private ProbeSpec.Action exec(YamlNode node, Path processWorkingDir, Templater t) {
        ctx.checkKeys(node, Keys.EXEC, Keys.NONE);
        String command = t.render(node.get("command"));
        if (command == null || command.isBlank()) {
            throw node.keyError("an exec probe needs a command");
        }
        String dir = node.get("working_dir").string();
        return new ProbeSpec.Exec(command, dir == null ? processWorkingDir : ctx.resolve(dir));
    }

    private ProbeSpec.Action httpGet(YamlNode node, Templater t) {
        ctx.checkKeys(node, Keys.HTTP_GET, Keys.NONE);
        String scheme = orDefault(t.render(node.get("scheme")), "http");
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw node.get("scheme").error("expected http or https, found '" + scheme + "'");
        }
        String path = orDefault(t.render(node.get("path")), "/");
        Map<String, String> headers = new LinkedHashMap<>();
        for (YamlNode header : node.get("headers").entries()) {
            headers.put(header.key(), header.string(""));
        }
        int defaultPort = scheme.equals("https") ? 443 : 80;
        YamlNode statusNode = node.get("status_code");
        int status = statusNode.integer(0);
        return new ProbeSpec.HttpGet(scheme, orDefault(t.render(node.get("host")), "127.0.0.1"),
                httpPort(node, t, defaultPort), path.startsWith("/") ? path : "/" + path, Map.copyOf(headers),
                status < 1 || status >= 400 ? 200 : status);
    }

    /**
     * Process Compose's port is text (so that it can be a template); one that is not a number in 1..65535
     * is left out of the URL, which means the scheme's port. {@code num_port} is what it computes from it.
     */
    private int httpPort(YamlNode node, Templater t, int defaultPort) {
        YamlNode portNode = node.get("port");
        String text = t.render(portNode);
        if (text == null || text.isBlank()) {
            int numPort = node.get("num_port").integer(0);
            return numPort >= 1 && numPort <= 65535 ? numPort : defaultPort;
        }
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // as below
        }
        ctx.warn(portNode, "port '" + text + "' is not a number in 1..65535; using the " + scheme(defaultPort)
                + " port " + defaultPort + ", as Process Compose does");
        return defaultPort;
    }

    private static String scheme(int port) {
        return port == 443 ? "https" : "http";
    }

    private static String orDefault(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
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
