package dev.pitstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliNotRunningTest {
    @TempDir Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return Main.run(dir, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void noSocketMeansNotRunning() {
        for (String[] command : new String[][] {{"ps"}, {"reload", "a"}, {"logs", "a"}, {"down"}, {"events"}}) {
            StringWriter commandErr = new StringWriter();
            int code = Main.run(dir, new PrintWriter(out, true), new PrintWriter(commandErr, true), command);
            assertThat(code).as(String.join(" ", command)).isEqualTo(3);
            assertThat(commandErr.toString())
                    .isEqualTo("pitstop: no stack is running in " + dir + " (no .pitstop/pitstop.sock)\n");
        }
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void staleSocketMeansNotRunning() throws Exception {
        Path state = Files.createDirectories(dir.resolve(".pitstop"));
        try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            crashed.bind(UnixDomainSocketAddress.of(state.resolve("pitstop.sock")));
        }
        assertThat(run("ps")).isEqualTo(3);
        assertThat(err.toString()).startsWith("pitstop: no stack is running in " + dir
                + " (.pitstop/pitstop.sock does not answer");
    }

    @Test
    void missingStackFileIsOneLine() {
        assertThat(run("ps", "-f", "nope.yaml")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("pitstop: stack file " + dir.resolve("nope.yaml") + " does not exist\n");
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    void upWithoutStackFileNamesWhatWasLookedFor() {
        assertThat(run("up")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("pitstop: no stack file in " + dir + " (looked for pitstop.yaml, "
                + "compose.yml, compose.yaml, process-compose.yml, process-compose.yaml); name one with -f\n");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("ps", "--bogus")).isEqualTo(2);
        assertThat(run("reload")).isEqualTo(2);
        assertThat(run("logs")).isEqualTo(2);
        assertThat(run("restart")).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: pitstop");
    }
}
