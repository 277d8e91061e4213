package dev.pitstop.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitstop.core.Engine;
import dev.pitstop.core.store.BinaryVersion;
import dev.pitstop.control.ControlServer;
import dev.pitstop.control.RemoteControl;
import dev.pitstop.core.process.ProcessBinary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 C17: {@code ps --json} (GET /v1/processes) names the binary each process runs and its version. */
class PsJsonTest {
    @TempDir
    Path tempDir;

    @Test
    void eachProcessListsTheBinariesItRunsWithVersionAndSha256() throws Exception {
        try (ScriptStack stack = ScriptStack.scriptBinary(tempDir, ", version: v2.9.10")) {
            Engine engine = stack.up();
            stack.awaitRunning("svc");
            BinaryVersion current = engine.manifest().current("svc").orElseThrow();
            ObjectMapper json = new ObjectMapper();

            JsonNode ps;
            List<ProcessBinary> viaClient;
            try (ControlServer control = new ControlServer(engine, stack.dir.resolve(".pitstop"))) {
                control.start();
                ps = json.readTree(curl(control.socketPath(), "http://localhost/v1/processes"));
                viaClient = new RemoteControl(stack.dir.resolve(".pitstop")).processes().get(0).binaries();
            }

            JsonNode svc = ps.get(0);
            assertThat(svc.get("name").asText()).isEqualTo("svc");
            assertThat(svc.get("binaries")).hasSize(1);
            JsonNode binary = svc.get("binaries").get(0);
            assertThat(binary.get("name").asText()).isEqualTo("svc");
            assertThat(binary.get("version").asText()).isEqualTo(current.version()).startsWith("v2.9.10+");
            assertThat(binary.get("sha256").asText()).isEqualTo(current.sha256().hex());
            assertThat(binary.get("commit").isNull()).isTrue();
            assertThat(viaClient).containsExactly(new ProcessBinary("svc", current.version(), current.sha256(), null));
        }
    }

    private static String curl(Path socket, String url) throws Exception {
        Process curl = new ProcessBuilder("curl", "-sS", "--max-time", "10", "--unix-socket", socket.toString(), url)
                .redirectErrorStream(true).start();
        String body = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(curl.exitValue()).as(body).isZero();
        return body;
    }
}
