package dev.pitstop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Services' output and events can hold secrets: only the user may read what the supervisor writes. */
class PermissionsTest extends SupervisorHarness {

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void stateFolderLogsAndJournalAreTheUsersAlone() throws Exception {
        Files.createDirectories(dir.resolve(".pitstop"));  // as the engine or an older version left it: 0755
        up(sh("talker", "echo secret-token; sleep 1000").build(),
                sh("own-log", "echo secret; sleep 1000").logLocation(Path.of("own/own.log")).build());
        awaitRunning("talker");
        awaitRunning("own-log");
        Path state = dir.resolve(".pitstop");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(state.resolve("logs/talker.log"))
                && Files.exists(dir.resolve("own/own.log")) && Files.exists(state.resolve("running.json")));

        assertThat(mode(state)).isEqualTo("rwx------");
        assertThat(mode(state.resolve("logs"))).isEqualTo("rwx------");
        assertThat(mode(state.resolve("logs/talker.log"))).isEqualTo("rw-------");
        assertThat(mode(state.resolve("events.jsonl"))).isEqualTo("rw-------");
        assertThat(mode(state.resolve("running.json"))).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("own/own.log"))).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("own"))).isEqualTo("rwx------");
    }
}
