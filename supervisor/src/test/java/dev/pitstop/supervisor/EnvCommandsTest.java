package dev.pitstop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pitstop.core.event.Event;
import dev.pitstop.core.event.EventType;
import dev.pitstop.core.process.ProcessState;
import dev.pitstop.core.stack.ProcessSpec;
import dev.pitstop.core.stack.Stack;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Process Compose's {@code env_cmds}: run once at start, their output in the variables the processes take. */
class EnvCommandsTest extends SupervisorHarness {

    private Stack withEnvCommands(Map<String, String> commands, ProcessSpec... specs) {
        Stack plain = stack(specs);
        return new Stack(plain.file(), plain.processes(), Map.of(), Map.of("GREETING", "from environment"), null,
                Stack.DEFAULT_SHELL, false, false, List.of(), null, commands);
    }

    @Test
    void outputsBecomeVariablesUnderTheProcesssOwn() throws Exception {
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put("GREETING", "echo '  Hello  '");
        commands.put("WHO", "echo world");
        commands.put("BROKEN", "exit 3");
        up(FAST, withEnvCommands(commands,
                sh("takes", "echo \"$GREETING $WHO [${BROKEN:-unset}]\" > takes.txt")
                        .env("GREETING", "from environment").workingDir(dir)
                        .envCommandKeys(Set.of("GREETING", "WHO", "BROKEN")).build(),
                sh("own", "echo \"$WHO\" > own.txt").env("WHO", "mine").workingDir(dir)
                        .envCommandKeys(Set.of("GREETING", "BROKEN")).build()));

        awaitState("takes", ProcessState.COMPLETED);
        awaitState("own", ProcessState.COMPLETED);
        // trimmed, over the stack's environment; a failed command sets nothing
        assertThat(Files.readString(dir.resolve("takes.txt"))).isEqualTo("Hello world [unset]\n");
        assertThat(Files.readString(dir.resolve("own.txt"))).isEqualTo("mine\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> events.stream().anyMatch(e ->
                e.type() == EventType.WARNING && e.detail().startsWith("env_cmds.BROKEN: `exit 3` exited with 3")));
        assertThat(events.stream().filter(e -> e.type() == EventType.WARNING).map(Event::detail))
                .noneMatch(d -> d.startsWith("env_cmds.WHO"));
    }
}
