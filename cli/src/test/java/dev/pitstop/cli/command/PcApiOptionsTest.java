package dev.pitstop.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitstop.control.pc.PcApiSettings;
import dev.pitstop.core.PitstopException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code up}'s Process Compose API options and Process Compose's environment variables. */
class PcApiOptionsTest {
    @TempDir Path dir;

    private Optional<PcApiSettings> settings(Map<String, String> env, String... args) {
        CommandSpec spec = Specs.command(this, "up");
        PcApiOptions options = new PcApiOptions(spec);
        new CommandLine(spec).parseArgs(args);
        return options.settings(env, dir);
    }

    @Test
    void offUnlessAskedForThenOnLoopbackAtProcessComposesPort() {
        assertThat(settings(Map.of())).isEmpty();
        PcApiSettings on = settings(Map.of(), "--pc-api").orElseThrow();
        assertThat(on.address().getHostString()).isEqualTo("127.0.0.1");
        assertThat(on.address().getPort()).isEqualTo(8080);
        assertThat(on.beyondThisMachine()).isFalse();
        assertThat(settings(Map.of(), "--pc-api=9001").orElseThrow().address().getPort()).isEqualTo(9001);
        assertThat(settings(Map.of(), "--pc-api=127.0.0.2:9002").orElseThrow().address().getHostString())
                .isEqualTo("127.0.0.2");
    }

    @Test
    void processComposesFlagsAndVariablesTurnItOnAndNoServerWins() {
        assertThat(settings(Map.of(), "-p", "9003").orElseThrow().address().getPort()).isEqualTo(9003);
        assertThat(settings(Map.of("PC_PORT_NUM", "9004")).orElseThrow().address().getPort()).isEqualTo(9004);
        assertThat(settings(Map.of("PC_PORT_NUM", "9004"), "-p", "9005").orElseThrow().address().getPort())
                .isEqualTo(9005);
        assertThat(settings(Map.of("PC_PORT_NUM", "9004", "PC_ADDRESS", "0.0.0.0")).orElseThrow()
                .beyondThisMachine()).isTrue();
        assertThat(settings(Map.of("PC_PORT_NUM", "9004"), "--no-server")).isEmpty();
        assertThat(settings(Map.of("PC_NO_SERVER", "1"), "--pc-api")).isEmpty();
        assertThatThrownBy(() -> settings(Map.of("PC_PORT_NUM", "http")))
                .isInstanceOf(PitstopException.class).hasMessage("PC_PORT_NUM: 'http' is not a port number (0-65535)");
    }

    @Test
    void theTokenComesFromTheVariableElseTheFile() throws Exception {
        String token = "a-token-of-twenty-or-more";
        assertThat(settings(Map.of("PC_API_TOKEN", token), "--pc-api").orElseThrow().token()).hasValue(token);
        Files.writeString(dir.resolve("token"), token + "\n");
        assertThat(settings(Map.of(), "--pc-api", "--token-file", "token").orElseThrow().token()).hasValue(token);
        assertThat(settings(Map.of("PC_API_TOKEN_PATH", dir.resolve("token").toString()), "--pc-api").orElseThrow()
                .token()).hasValue(token);
        assertThatThrownBy(() -> settings(Map.of("PC_API_TOKEN", "short"), "--pc-api"))
                .hasMessage("PC_API_TOKEN must be at least 20 characters long");
        assertThatThrownBy(() -> settings(Map.of(), "--pc-api", "--token-file", "missing"))
                .isInstanceOf(PitstopException.class).hasMessageStartingWith("cannot read the API token file");
    }
}
