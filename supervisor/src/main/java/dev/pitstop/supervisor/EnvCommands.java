package dev.pitstop.supervisor;

import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.CheckResult;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Process Compose's {@code env_cmds}: each command runs once, when the stack starts, within 2 s, and its trimmed
 * output becomes the variable's value in every process that takes it ({@link ProcessSpec#envCommandKeys()}: at
 * the level of the stack's {@code environment}, under the process's own). A command that fails or is too slow is
 * reported as a warning and sets nothing, as Process Compose logs it and goes on. The values are kept for the
 * stack's later re-reads, since Process Compose does not run the commands again on an update.
 */
final class EnvCommands {
    /** Process Compose's limit per command. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String OWNER = "env_cmds";

    private final Map<String, String> values;

    private EnvCommands(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    static EnvCommands run(Stack stack, CheckRunner runner, EventBus events) {
        Map<String, String> values = new LinkedHashMap<>();
        stack.envCommands().forEach((name, command) -> {
            ProcessSpec owner = ProcessSpec.builder(OWNER).command(command).workingDir(stack.directory()).build();
            CheckResult result = runner.run(stack, owner, command, TIMEOUT);
            if (result.ok()) {
                values.put(name, String.join("\n", result.lastLines()).strip());
            } else {
                events.emit(EventType.WARNING, null, "env_cmds." + name + ": `" + command + "` "
                        + (result.timedOut() ? "took longer than " + TIMEOUT.toSeconds() + " s"
                        : "exited with " + result.exitCode()) + "; " + name + " is not set from it");
            }
        });
        return new EnvCommands(values);
    }

    static EnvCommands none() {
        return new EnvCommands(Map.of());
    }

    /** The stack with the commands' values in the processes that take them. */
    Stack applyTo(Stack stack) {
        if (values.isEmpty()) {
            return stack;
        }
        Map<String, ProcessSpec> specs = new LinkedHashMap<>();
        stack.processes().forEach((name, spec) -> {
            Map<String, String> env = new LinkedHashMap<>(spec.environment());
            spec.envCommandKeys().stream().filter(values::containsKey).forEach(k -> env.put(k, values.get(k)));
            specs.put(name, spec.withEnvironment(env));
        });
        return stack.withProcesses(specs);
    }
}
