package dev.pitstop.core.stack;

import dev.pitstop.core.process.Signal;
import java.time.Duration;

/** Reads the small policy sections of a process: {@code availability}, {@code shutdown}, reload behaviour. */
final class Policies {
    private Policies() {}

    static Availability availability(ReadContext ctx, YamlNode node) {
        if (node.isMissing()) {
            return Availability.DEFAULT;
        }
        ctx.checkKeys(node, Keys.AVAILABILITY, Keys.NONE);
        YamlNode restartNode = node.get("restart");
        String text = restartNode.string();
        RestartPolicy restart = text == null ? RestartPolicy.NO : RestartPolicy.fromYaml(text);
        if (restart == null) {
            throw restartNode.error("unknown restart policy '" + text + "'; expected one of no, always, on_failure, exit_on_failure");
        }
        return new Availability(restart,
                seconds(nonNegative(node.get("backoff_seconds"), 1)),
                nonNegativeInt(node.get("max_restarts")), node.get("exit_on_end").bool(false),
                node.get("exit_on_skipped").bool(false), exponential(node.get("backoff")),
                orDefault(node.get("backoff_floor_seconds")), orDefault(node.get("backoff_reset_seconds")));
    }

    /** A duration in seconds where absent or 0 means "the supervisor's default" ({@code null}). */
    private static Duration orDefault(YamlNode node) {
        double v = nonNegative(node, 0);
        return v == 0 ? null : seconds(v);
    }

    /** Pitstop's {@code backoff: fixed | exponential}; fixed is Process Compose's behaviour. */
    private static boolean exponential(YamlNode node) {
        String text = node.string();
        if (text == null || text.equals("fixed")) {
            return false;
        }
        if (text.equals("exponential")) {
            return true;
        }
        throw node.error("expected fixed or exponential, found '" + text + "'");
    }

    static ShutdownSpec shutdown(ReadContext ctx, YamlNode node) {
        if (node.isMissing()) {
            return ShutdownSpec.DEFAULT;
        }
        ctx.checkKeys(node, Keys.SHUTDOWN, Keys.SHUTDOWN_PC_ONLY);
        YamlNode signalNode = node.get("signal");
        int signal = signalNode.integer(ShutdownSpec.DEFAULT.signal().number());
        if (signal < 1 || signal > Signal.MAX) {
            throw signalNode.error("a signal is 1.." + Signal.MAX + ", found " + signal);
        }
        String command = node.get("command").string();
        return new ShutdownSpec(command == null || command.isBlank() ? null : command, new Signal(signal),
                seconds(positiveOrDefault(node.get("timeout_seconds"), ShutdownSpec.DEFAULT.timeout().toMillis() / 1000.0)),
                node.get("parent_only").bool(false));
    }

    static DependencyReloadPolicy onDependencyReload(YamlNode node) {
        String text = node.string();
        if (text == null) {
            return DependencyReloadPolicy.IGNORE;
        }
        return switch (text) {
            case "ignore" -> DependencyReloadPolicy.IGNORE;
            case "restart" -> DependencyReloadPolicy.RESTART;
            default -> throw node.error("expected ignore or restart, found '" + text + "'");
        };
    }

    /** A duration in seconds where 0 (Process Compose's "unset") means the default. */
    /** Stack files give seconds with a fraction ({@code 0.05}); the specs carry them as durations. */
    static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    static double positiveOrDefault(YamlNode node, double fallback) {
        double v = nonNegative(node, fallback);
        return v == 0 ? fallback : v;
    }

    private static int nonNegativeInt(YamlNode node) {
        int v = node.integer(0);
        if (v < 0) {
            throw node.error("must not be negative, found " + v);
        }
        return v;
    }

    static double nonNegative(YamlNode node, double fallback) {
        double v = node.number(fallback);
        if (v < 0) {
            throw node.error("must not be negative, found " + node.raw().asText());
        }
        return v;
    }
}
