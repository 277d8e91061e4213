package dev.pitstop.control.pc;

import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.process.ProcessStatus;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.RestartPolicy;
import dev.pitstop.core.stack.ShutdownSpec;
import dev.pitstop.core.stack.Stack;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Pitstop's process status and spec in Process Compose's shapes. */
final class PcStates {
    private final Clock clock;

    PcStates(Clock clock) {
        this.clock = clock;
    }

    PcShapes.ProcessState state(ProcessStatus status, Stack stack) {
        ProcessSpec spec = stack.processes().get(status.name());
        boolean running = status.pid() > 0 && !status.state().isTerminal();
        Duration age = running && status.startedAt() != null
                ? Duration.between(status.startedAt(), clock.instant()) : Duration.ZERO;
        List<String> namespaces = spec == null ? List.of(ProcessSpec.DEFAULT_NAMESPACE) : spec.namespaces();
        boolean probe = spec != null && (spec.readinessProbe() != null || spec.livenessProbe() != null);
        List<Integer> successCodes = spec == null || spec.successExitCodes().equals(java.util.Set.of(0))
                ? List.of() : spec.successExitCodes().stream().sorted().toList();
        return new PcShapes.ProcessState(status.name(), namespaces, status.processComposeStatus(),
                running ? humanDuration(age) : "-", age.toNanos(), status.health().label(), probe, status.restarts(),
                status.exitCode() == null ? 0 : status.exitCode(), successCodes, running ? status.pid() : 0, false,
                false, 0, 0, running, status.state() == ProcessState.PENDING ? null : status.startedAt());
    }

    static PcShapes.ProcessConfig config(ProcessSpec spec) {
        var availability = spec.availability();
        ShutdownSpec shutdown = spec.shutdown();
        List<String> environment = spec.environment().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).toList();
        return new PcShapes.ProcessConfig(spec.name(), spec.name(), spec.daemon(), spec.disabled(), spec.command(),
                spec.entrypoint(), pathText(spec.logLocation()), environment,
                new PcShapes.RestartPolicy(restartCode(availability.restart()), (int) availability.backoff().toSeconds(),
                        availability.maxRestarts(), availability.exitOnEnd(), availability.exitOnSkipped()),
                spec.readyLogLine(),
                new PcShapes.ShutDownParams(shutdown.command(), (int) shutdown.timeout().toSeconds(), shutdown.signal().number(),
                        shutdown.parentOnly()),
                pathText(spec.workingDir()), spec.namespaces(),
                spec.successExitCodes().stream().sorted().toList());
    }

    /** Process Compose marshals its {@code RestartPolicy} as the Go enum's number. */
    private static int restartCode(RestartPolicy policy) {
        return switch (policy) {
            case NO -> 0;
            case ALWAYS -> 1;
            case ON_FAILURE -> 2;
            case EXIT_ON_FAILURE -> 3;
        };
    }

    private static String pathText(Path path) {
        return path == null ? null : path.toString();
    }

    /** Process Compose's {@code HumanDuration} ({@code src/app/pc_string.go}), the {@code system_time} field. */
    static String humanDuration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60 * 2) {
            return seconds + "s";
        }
        long minutes = d.toMinutes();
        if (minutes < 10) {
            long s = seconds % 60;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        } else if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = d.toHours();
        if (hours < 8) {
            long m = minutes % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        } else if (hours < 48) {
            return hours + "h";
        } else if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        } else if (hours < 24 * 365 * 8) {
            long dy = hours / 24 % 365;
            return dy == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dy + "d";
        }
        return hours / 24 / 365 + "y";
    }
}
