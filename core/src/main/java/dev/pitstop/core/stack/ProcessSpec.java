package dev.pitstop.core.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of {@code processes:}, with every default applied and every variable expanded.
 * Exactly one of {@code command} (run through the stack's shell) and {@code entrypoint} (argv, no shell)
 * is set. A process with {@code replicas > 1} is expanded by the reader into {@code name-0}, {@code name-1}, …
 *
 * @param environment the process's own variables (the stack's and the env files' already merged in)
 * @param readyLogLine a regular expression; a matching output line makes the process ready
 * @param successExitCodes exit codes that count as success (default {@code {0}})
 * @param binaries the managed binaries the entry names with {@code ${bin:NAME}} (command, entrypoint,
 *                 environment, probes), in order of first appearance, as the reader saw them; a swap of one of
 *                 them reloads this process, and only such a swap does
 * @param namespaces the Process Compose namespaces the process belongs to (default {@code [default]})
 * @param preflight a command (run like {@code command}, in the process's folder and environment) that a swap runs
 *                  against the new binary before it stops this process; non-zero refuses the new binary. May be
 *                  {@code null}
 * @param daemon Process Compose's {@code is_daemon}: the command forks the service and exits; what it left
 *               running (found through the supervisor's subreaper) is the process from then on
 * @param readyNotification Pitstop's {@code ready:}: how the process announces that it is ready (instead of a
 *                          readiness probe or a log line); may be {@code null}
 * @param envCommandKeys the variables of the stack's {@code env_cmds} this process takes (those its own
 *                       {@code env_file} and {@code environment} do not set): the supervisor puts each command's
 *                       output there when the stack starts, over what {@code environment} holds for them
 */
public record ProcessSpec(
        String name,
        String command,
        List<String> entrypoint,
        Path workingDir,
        Map<String, String> environment,
        Map<String, DependencyCondition> dependsOn,
        ProbeSpec readinessProbe,
        ProbeSpec livenessProbe,
        String readyLogLine,
        Availability availability,
        ShutdownSpec shutdown,
        Path logLocation,
        boolean disabled,
        Set<Integer> successExitCodes,
        DependencyReloadPolicy onDependencyReload,
        Duration reloadTimeout,
        Set<String> binaries,
        List<String> namespaces,
        String preflight,
        boolean daemon,
        ReadyNotification readyNotification,
        Set<String> envCommandKeys) {

    public static final Duration DEFAULT_RELOAD_TIMEOUT = Duration.ofSeconds(30);
    /** Process Compose's namespace for a process that names none. */
    public static final String DEFAULT_NAMESPACE = "default";

    public ProcessSpec {
        Objects.requireNonNull(name, "name");
        if ((command == null) == (entrypoint == null || entrypoint.isEmpty())) {
            throw new IllegalArgumentException("process " + name + " needs exactly one of command and entrypoint");
        }
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
        environment = Map.copyOf(environment == null ? Map.of() : environment);
        dependsOn = dependsOn == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dependsOn));
        availability = availability == null ? Availability.DEFAULT : availability;
        shutdown = shutdown == null ? ShutdownSpec.DEFAULT : shutdown;
        successExitCodes = successExitCodes == null || successExitCodes.isEmpty() ? Set.of(0) : Set.copyOf(successExitCodes);
        onDependencyReload = onDependencyReload == null ? DependencyReloadPolicy.IGNORE : onDependencyReload;
        if (reloadTimeout == null || reloadTimeout.isZero() || reloadTimeout.isNegative()) {
            reloadTimeout = DEFAULT_RELOAD_TIMEOUT;
        }
        binaries = binaries == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(binaries));
        namespaces = namespaces == null || namespaces.isEmpty() ? List.of(DEFAULT_NAMESPACE) : List.copyOf(namespaces);
        envCommandKeys = envCommandKeys == null ? Set.of() : Set.copyOf(envCommandKeys);
    }

    /** This spec with other variables (the stack's {@code env_cmds} filled in when it starts). */
    public ProcessSpec withEnvironment(Map<String, String> variables) {
        return new ProcessSpec(name, command, entrypoint.isEmpty() ? null : entrypoint, workingDir, variables,
                dependsOn, readinessProbe, livenessProbe, readyLogLine, availability, shutdown, logLocation, disabled,
                successExitCodes, onDependencyReload, reloadTimeout, binaries, namespaces, preflight, daemon,
                readyNotification, envCommandKeys);
    }

    /** This spec with the binaries its entry names. */
    public ProcessSpec withBinaries(Set<String> names) {
        return new ProcessSpec(name, command, entrypoint.isEmpty() ? null : entrypoint, workingDir, environment,
                dependsOn, readinessProbe, livenessProbe, readyLogLine, availability, shutdown, logLocation, disabled,
                successExitCodes, onDependencyReload, reloadTimeout, names, namespaces, preflight, daemon,
                readyNotification, envCommandKeys);
    }

    /** This spec enabled or disabled, and depending on {@code dependencies} (a selection of {@code up NAME...}). */
    public ProcessSpec selected(boolean disabled, Map<String, DependencyCondition> dependencies) {
        return new ProcessSpec(name, command, entrypoint.isEmpty() ? null : entrypoint, workingDir, environment,
                dependencies, readinessProbe, livenessProbe, readyLogLine, availability, shutdown, logLocation,
                disabled, successExitCodes, onDependencyReload, reloadTimeout, binaries, namespaces, preflight, daemon,
                readyNotification, envCommandKeys);
    }

    /** A builder for programs and tests that assemble a stack without a file. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Mutable companion of {@link ProcessSpec}; unset fields take the stack-file defaults. */
    public static final class Builder {
        private final String name;
        private String command;
        private List<String> entrypoint;
        private Path workingDir;
        private Map<String, String> environment = new LinkedHashMap<>();
        private final Map<String, DependencyCondition> dependsOn = new LinkedHashMap<>();
        private ProbeSpec readinessProbe;
        private ProbeSpec livenessProbe;
        private String readyLogLine;
        private Availability availability;
        private ShutdownSpec shutdown;
        private Path logLocation;
        private boolean disabled;
        private Set<Integer> successExitCodes;
        private DependencyReloadPolicy onDependencyReload;
        private Duration reloadTimeout;
        private Set<String> binaries;
        private List<String> namespaces;
        private String preflight;
        private boolean daemon;
        private ReadyNotification readyNotification;
        private Set<String> envCommandKeys;

        private Builder(String name) {
            this.name = name;
        }

        public Builder command(String command) { this.command = command; return this; }
        public Builder entrypoint(List<String> argv) { this.entrypoint = argv; return this; }
        public Builder workingDir(Path dir) { this.workingDir = dir; return this; }
        public Builder env(String key, String value) { environment.put(key, value); return this; }
        public Builder environment(Map<String, String> env) { this.environment = new LinkedHashMap<>(env); return this; }
        public Builder dependsOn(String process, DependencyCondition condition) { dependsOn.put(process, condition); return this; }
        public Builder readinessProbe(ProbeSpec probe) { this.readinessProbe = probe; return this; }
        public Builder livenessProbe(ProbeSpec probe) { this.livenessProbe = probe; return this; }
        public Builder readyLogLine(String regex) { this.readyLogLine = regex; return this; }
        public Builder availability(Availability availability) { this.availability = availability; return this; }
        public Builder shutdown(ShutdownSpec shutdown) { this.shutdown = shutdown; return this; }
        public Builder logLocation(Path file) { this.logLocation = file; return this; }
        public Builder disabled(boolean disabled) { this.disabled = disabled; return this; }
        public Builder successExitCodes(Set<Integer> codes) { this.successExitCodes = codes; return this; }
        public Builder onDependencyReload(DependencyReloadPolicy policy) { this.onDependencyReload = policy; return this; }
        public Builder reloadTimeout(Duration timeout) { this.reloadTimeout = timeout; return this; }
        public Builder binaries(Set<String> names) { this.binaries = names; return this; }
        public Builder namespaces(List<String> names) { this.namespaces = names; return this; }
        public Builder preflight(String command) { this.preflight = command; return this; }
        public Builder daemon(boolean daemon) { this.daemon = daemon; return this; }
        public Builder readyNotification(ReadyNotification ready) { this.readyNotification = ready; return this; }
        public Builder envCommandKeys(Set<String> keys) { this.envCommandKeys = keys; return this; }

        public ProcessSpec build() {
            return new ProcessSpec(name, command, entrypoint, workingDir, environment, dependsOn, readinessProbe,
                    livenessProbe, readyLogLine, availability, shutdown, logLocation, disabled, successExitCodes,
                    onDependencyReload, reloadTimeout, binaries, namespaces, preflight, daemon,
                    readyNotification, envCommandKeys);
        }
    }
}
